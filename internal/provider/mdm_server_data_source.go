package provider

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ datasource.DataSourceWithConfigure = &MdmServerDataSource{}

// MdmServerDataSource is abm_mdm_server: one MDM server by id or by name,
// with the serial numbers of its devices.
type MdmServerDataSource struct {
	dataSourceBase
}

// NewMdmServerDataSource returns the data source.
func NewMdmServerDataSource() datasource.DataSource { return &MdmServerDataSource{} }

type mdmServerLookup struct {
	ID         types.String   `tfsdk:"id"`
	ServerName types.String   `tfsdk:"server_name"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

// Metadata names the data source.
func (d *MdmServerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mdm_server"
}

// Schema describes the data source.
func (d *MdmServerDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := serverNestedAttributes()
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("server_name"))
	attrs["id"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "Apple's ID of the server. Exactly one of `id` and `server_name` is required.",
		Validators:          []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
	}
	attrs["server_name"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "Name of the server, matched exactly. A name shared by several servers is an error that lists their ids; use `id` then.",
		Validators:          []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One MDM server of the organization, by `id` or `server_name`, with the serial numbers of the devices " +
			"assigned to it. The server comes from the shared server list (one request per 1000 servers); its devices cost " +
			"one request per 1000.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the server and its devices.
func (d *MdmServerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m mdmServerLookup
	// The lookup arguments only: the rest of the schema is computed.
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &m.ID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("server_name"), &m.ServerName)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("timeouts"), &m.Timeouts)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	servers, err := f.Servers(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_mdm_server", err)
		return
	}
	s := findServer(servers, m, &resp.Diagnostics)
	if s == nil {
		return
	}
	serials, err := f.ServerDevices(ctx, s.ID)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_mdm_server", err)
		return
	}
	for name, v := range serverValues(s, stringListValue(serials)) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), v)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), m.Timeouts)...)
}

// findServer picks the server the lookup names, or explains why none.
func findServer(servers []*client.MdmServer, m mdmServerLookup, diags interface {
	AddAttributeError(path.Path, string, string)
}) *client.MdmServer {
	if !m.ID.IsNull() {
		for _, s := range servers {
			if s.ID == m.ID.ValueString() {
				return s
			}
		}
		diags.AddAttributeError(path.Root("id"), "MDM server not found",
			fmt.Sprintf("The organization has no MDM server with id %q. It has %d: %s.", m.ID.ValueString(), len(servers), describeServers(servers)))
		return nil
	}
	name := m.ServerName.ValueString()
	var matches []*client.MdmServer
	for _, s := range servers {
		if s.ServerName.Valid && s.ServerName.Value == name {
			matches = append(matches, s)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0]
	case 0:
		diags.AddAttributeError(path.Root("server_name"), "MDM server not found",
			fmt.Sprintf("The organization has no MDM server named %q. It has %d: %s.", name, len(servers), describeServers(servers)))
	default:
		ids := make([]string, len(matches))
		for i, s := range matches {
			ids[i] = s.ID
		}
		sort.Strings(ids)
		diags.AddAttributeError(path.Root("server_name"), "Several MDM servers have this name",
			fmt.Sprintf("%d MDM servers are named %q: %s. Look the server up by `id` instead.", len(matches), name, strings.Join(ids, ", ")))
	}
	return nil
}

// describeServers lists servers as `name` (id) for messages, at most ten.
func describeServers(servers []*client.MdmServer) string {
	var parts []string
	for i, s := range servers {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("and %d more", len(servers)-10))
			break
		}
		parts = append(parts, fmt.Sprintf("%q (%s)", s.ServerName.Value, s.ID))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

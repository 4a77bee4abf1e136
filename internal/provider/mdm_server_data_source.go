package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &MdmServerDataSource{}

// MdmServerDataSource is abm_mdm_server: one MDM server by id or by name,
// with the serial numbers of its devices.
type MdmServerDataSource struct {
	dataSourceBase
}

// NewMdmServerDataSource returns the data source.
func NewMdmServerDataSource() datasource.DataSource { return &MdmServerDataSource{} }

// Metadata names the data source.
func (d *MdmServerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mdm_server"
}

// Schema describes the data source.
func (d *MdmServerDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := serverObject.attributes()
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
	readWith(ctx, d, req, resp)
}

func (d *MdmServerDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_mdm_server"
	attrs, f, ctx, cancel, diags := d.begin(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	arg, value, err := configLookup(attrs, "id", "server_name")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	servers, err := f.Servers(ctx)
	if err != nil {
		addReadError(&diags, what, err)
		return nil, diags
	}
	key := lookupKey{arg: "server_name", index: serverName}
	if arg == "id" {
		key = lookupKey{arg: "id", index: idColumn}
	}
	s := lookupOne(&diags, "MDM server", servers, key, value, describeServer)
	if s == nil {
		return nil, diags
	}
	serials, err := f.ServerDevices(ctx, s.ID)
	if err != nil {
		addReadError(&diags, what, err)
		return nil, diags
	}
	state, d2 := encodeState(what, config, serverObject.writers(s, serverExtra(serials)), 0)
	diags.Append(d2...)
	return state, diags
}

// describeServer is a server as messages show it: "name" (id).
func describeServer(s *client.Record) string {
	name, _ := s.Str(serverName)
	return fmt.Sprintf("%q (%s)", name, s.ID)
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ datasource.DataSourceWithConfigure = &MdmServersDataSource{}

// MdmServersDataSource is abm_mdm_servers: every MDM server of the
// organization.
type MdmServersDataSource struct {
	dataSourceBase
}

// NewMdmServersDataSource returns the data source.
func NewMdmServersDataSource() datasource.DataSource { return &MdmServersDataSource{} }

type mdmServersModel struct {
	MdmServers types.List     `tfsdk:"mdm_servers"`
	Timeouts   timeouts.Value `tfsdk:"timeouts"`
}

// Metadata names the data source.
func (d *MdmServersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mdm_servers"
}

// Schema describes the data source.
func (d *MdmServersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every MDM server (device management service) of the organization, in Apple's order. " +
			"One request per 1000 servers.",
		Attributes: map[string]schema.Attribute{
			"mdm_servers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The organization's MDM servers.",
				NestedObject:        schema.NestedAttributeObject{Attributes: serverNestedAttributes()},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists the servers.
func (d *MdmServersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m mdmServersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var servers []attr.Value
	err := c.ListMdmServers(ctx, func(s *client.MdmServer) error {
		obj, diags := types.ObjectValue(serverAttrTypes, serverValues(s))
		resp.Diagnostics.Append(diags...)
		servers = append(servers, obj)
		return nil
	})
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_mdm_servers", err)
		return
	}
	list, diags := types.ListValue(serverObjectType, servers)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.MdmServers = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

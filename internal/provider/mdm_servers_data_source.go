package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = &MdmServersDataSource{}

// MdmServersDataSource is abm_mdm_servers: the MDM servers of the
// organization, optionally filtered.
type MdmServersDataSource struct {
	dataSourceBase
}

// NewMdmServersDataSource returns the data source.
func NewMdmServersDataSource() datasource.DataSource { return &MdmServersDataSource{} }

type mdmServersModel struct {
	ServerTypes          types.Set      `tfsdk:"server_types"`
	Statuses             types.Set      `tfsdk:"statuses"`
	IncludeDeviceSerials types.Bool     `tfsdk:"include_device_serials"`
	MdmServers           types.List     `tfsdk:"mdm_servers"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

// Values Apple documents for the filters.
var (
	serverTypeValues   = []string{"MDM", "APPLE_CONFIGURATOR", "APPLE_MDM"}
	serverStatusValues = []string{"ACTIVE", "INACTIVE", "DELETED"}
)

// Metadata names the data source.
func (d *MdmServersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mdm_servers"
}

// Schema describes the data source.
func (d *MdmServersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The MDM servers (device management services) of the organization, in Apple's order, optionally " +
			"filtered. One request per 1000 servers, shared with every other data source of the provider; with " +
			"`include_device_serials`, one more request per 1000 devices of each server.",
		Attributes: map[string]schema.Attribute{
			"server_types": enumSetAttribute("Only servers of these types: ", serverTypeValues),
			"statuses":     enumSetAttribute("Only servers with these statuses: ", serverStatusValues),
			"include_device_serials": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each server's device linkages into `device_serial_numbers`. " +
					"Default `false`, which leaves `device_serial_numbers` null.",
			},
			"mdm_servers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The MDM servers that pass the filters.",
				NestedObject:        schema.NestedAttributeObject{Attributes: serverNestedAttributes()},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// enumSetAttribute is an optional filter whose values must be among allowed.
func enumSetAttribute(desc string, allowed []string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: desc + backtickList(allowed) + ". Unset means no filter.",
		Validators: []validator.Set{
			setvalidator.ValueStringsAre(stringvalidator.OneOf(allowed...)),
		},
	}
}

// Read lists and filters the servers.
func (d *MdmServersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m mdmServersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	serverTypes, statuses := setFilter(ctx, m.ServerTypes, &resp.Diagnostics), setFilter(ctx, m.Statuses, &resp.Diagnostics)
	f, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	servers, err := f.Servers(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_mdm_servers", err)
		return
	}
	var out []attr.Value
	for _, s := range servers {
		if !serverTypes.match(s.ServerType) || !statuses.match(s.Status) {
			continue
		}
		serials := types.ListNull(types.StringType)
		if m.IncludeDeviceSerials.ValueBool() {
			list, err := f.ServerDevices(ctx, s.ID)
			if err != nil {
				addReadError(&resp.Diagnostics, "abm_mdm_servers", err)
				return
			}
			serials = stringListValue(list)
		}
		obj, diags := types.ObjectValue(serverAttrTypes, serverValues(s, serials))
		resp.Diagnostics.Append(diags...)
		out = append(out, obj)
	}
	list, diags := types.ListValue(serverObjectType, out)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.MdmServers = list
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &MdmServersDataSource{}

// MdmServersDataSource is abm_mdm_servers: the MDM servers of the
// organization, optionally filtered.
type MdmServersDataSource struct {
	dataSourceBase
}

// NewMdmServersDataSource returns the data source.
func NewMdmServersDataSource() datasource.DataSource { return &MdmServersDataSource{} }

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
				NestedObject:        schema.NestedAttributeObject{Attributes: serverObject.attributes()},
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
	readWith(ctx, d, req, resp)
}

func (d *MdmServersDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_mdm_servers"
	attrs, f, ctx, cancel, diags := d.begin(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	serverTypes, tErr := attrs.filter("server_types")
	statuses, sErr := attrs.filter("statuses")
	withSerials, bErr := attrs.boolean("include_device_serials")
	if err := firstError(tErr, sErr, bErr); err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	servers, err := f.Servers(ctx)
	if err != nil {
		addReadError(&diags, what, err)
		return nil, diags
	}
	var kept []*client.Record
	var serials [][]string
	for _, s := range servers {
		if !serverTypes.match(s.Field(serverType)) || !statuses.match(s.Field(serverStatus)) {
			continue
		}
		var list []string
		if withSerials {
			if list, err = f.ServerDevices(ctx, s.ID); err != nil {
				addReadError(&diags, what, err)
				return nil, diags
			}
		}
		kept = append(kept, s)
		serials = append(serials, list)
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		"mdm_servers": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for i, s := range kept {
				serverObject.write(w, s, serverExtra(serials[i]))
			}
		},
	}, len(kept)*400)
	diags.Append(d2...)
	return state, diags
}

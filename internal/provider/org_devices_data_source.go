package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = &OrgDevicesDataSource{}

// OrgDevicesDataSource is abm_org_devices: the devices of the organization,
// optionally filtered.
type OrgDevicesDataSource struct {
	dataSourceBase
}

// NewOrgDevicesDataSource returns the data source.
func NewOrgDevicesDataSource() datasource.DataSource { return &OrgDevicesDataSource{} }

type orgDevicesModel struct {
	SerialNumbers         types.List     `tfsdk:"serial_numbers"`
	ProductFamilies       types.Set      `tfsdk:"product_families"`
	Statuses              types.Set      `tfsdk:"statuses"`
	PurchaseSourceTypes   types.Set      `tfsdk:"purchase_source_types"`
	MdmServerIDs          types.Set      `tfsdk:"mdm_server_ids"`
	IncludeAssignedServer types.Bool     `tfsdk:"include_assigned_server"`
	Devices               types.List     `tfsdk:"devices"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

// Values Apple documents for the device filters.
var (
	productFamilyValues      = []string{"iPhone", "iPad", "Mac", "AppleTV", "Watch", "Vision"}
	deviceStatusValues       = []string{"ASSIGNED", "UNASSIGNED"}
	purchaseSourceTypeValues = []string{"APPLE", "RESELLER", "MANUALLY_ADDED"}
)

// Metadata names the data source.
func (d *OrgDevicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_devices"
}

// Schema describes the data source.
func (d *OrgDevicesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The devices of the organization, in Apple's order, optionally filtered. Apple has no server-side " +
			"filters, so the whole list is read (one request per 1000 devices, shared with every other data source of the " +
			"provider) and filtered here. Filters combine with AND; the values of one filter with OR. Apple leaves devices " +
			"released from the organization out of this list; read one with `abm_org_device`.",
		Attributes: map[string]schema.Attribute{
			"serial_numbers": schema.ListAttribute{
				Optional:    true,
				Computed:    true,
				ElementType: types.StringType,
				MarkdownDescription: "As an argument: only devices with these serial numbers (serials Apple does not list are " +
					"simply absent from `devices`). Left unset, it is computed: the serial numbers of `devices`, in the same order.",
				Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"product_families":      enumSetAttribute("Only devices of these product families: ", productFamilyValues),
			"statuses":              enumSetAttribute("Only devices with these statuses: ", deviceStatusValues),
			"purchase_source_types": enumSetAttribute("Only devices bought through these purchase source types: ", purchaseSourceTypeValues),
			"mdm_server_ids": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Only devices assigned to these MDM servers (ids as in `abm_mdm_servers`). Implies " +
					"`include_assigned_server`.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"include_assigned_server": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Fill each device's `assigned_server_id`, from the servers' device linkages: one request " +
					"per 1000 devices of each server, never one per device. Default `false`, which leaves it null.",
			},
			"devices": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The devices that pass the filters.",
				NestedObject:        schema.NestedAttributeObject{Attributes: deviceNestedAttributes()},
			},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists and filters the devices.
func (d *OrgDevicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m orgDevicesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var serialFilter filter
	if !m.SerialNumbers.IsNull() && !m.SerialNumbers.IsUnknown() {
		var serials []string
		resp.Diagnostics.Append(m.SerialNumbers.ElementsAs(ctx, &serials, false)...)
		serialFilter = make(filter, len(serials))
		for _, s := range serials {
			serialFilter[s] = struct{}{}
		}
	}
	families := setFilter(ctx, m.ProductFamilies, &resp.Diagnostics)
	statuses := setFilter(ctx, m.Statuses, &resp.Diagnostics)
	sources := setFilter(ctx, m.PurchaseSourceTypes, &resp.Diagnostics)
	servers := setFilter(ctx, m.MdmServerIDs, &resp.Diagnostics)
	withServer := m.IncludeAssignedServer.ValueBool() || servers != nil

	f, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	devices, err := f.Devices(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_org_devices", err)
		return
	}
	var assigned map[string]string
	if withServer {
		if assigned, err = f.Assignments(ctx); err != nil {
			addReadError(&resp.Diagnostics, "abm_org_devices", err)
			return
		}
	}

	var out, serials []attr.Value
	for _, dev := range devices {
		if !serialFilter.matchString(dev.ID) || !families.match(dev.ProductFamily) ||
			!statuses.match(dev.Status) || !sources.match(dev.PurchaseSourceType) {
			continue
		}
		serverID := types.StringNull()
		if withServer {
			id, ok := assigned[dev.ID]
			if !servers.matchString(id) || (servers != nil && !ok) {
				continue
			}
			if ok {
				serverID = types.StringValue(id)
			}
		}
		obj, diags := types.ObjectValue(deviceAttrTypes, deviceValues(dev, serverID))
		resp.Diagnostics.Append(diags...)
		out = append(out, obj)
		serials = append(serials, types.StringValue(dev.ID))
	}
	list, diags := types.ListValue(deviceObjectType, out)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.Devices = list
	if serialFilter == nil {
		m.SerialNumbers = types.ListValueMust(types.StringType, serials)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

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

var _ datasource.DataSourceWithConfigure = &OrgDeviceSummaryDataSource{}

// OrgDeviceSummaryDataSource is abm_org_device_summary: counts over the
// whole fleet, so policy checks on very large organizations keep a small
// state.
type OrgDeviceSummaryDataSource struct {
	dataSourceBase
}

// NewOrgDeviceSummaryDataSource returns the data source.
func NewOrgDeviceSummaryDataSource() datasource.DataSource { return &OrgDeviceSummaryDataSource{} }

type orgDeviceSummaryModel struct {
	Total                types.Int64    `tfsdk:"total"`
	ByStatus             types.Map      `tfsdk:"by_status"`
	ByProductFamily      types.Map      `tfsdk:"by_product_family"`
	ByPurchaseSourceType types.Map      `tfsdk:"by_purchase_source_type"`
	ByMdmServer          types.Map      `tfsdk:"by_mdm_server"`
	Unassigned           types.Int64    `tfsdk:"unassigned"`
	Timeouts             timeouts.Value `tfsdk:"timeouts"`
}

// Metadata names the data source.
func (d *OrgDeviceSummaryDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_device_summary"
}

// Schema describes the data source.
func (d *OrgDeviceSummaryDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	count := func(desc string) schema.MapAttribute {
		return schema.MapAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Counts over every device Apple lists (released devices are not listed), without keeping the devices " +
			"in state: a few hundred bytes whatever the fleet size. Reads the device list, the server list and each server's " +
			"device linkages, all shared with the provider's other data sources. A device without a value for a breakdown " +
			"(Apple left the attribute out) is counted in `total` but not in that map.",
		Attributes: map[string]schema.Attribute{
			"total":                   schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of devices Apple lists."},
			"by_status":               count("Devices per `status` (`ASSIGNED`, `UNASSIGNED`)."),
			"by_product_family":       count("Devices per `product_family` (`iPhone`, `iPad`, `Mac`, …)."),
			"by_purchase_source_type": count("Devices per `purchase_source_type` (`APPLE`, `RESELLER`, `MANUALLY_ADDED`)."),
			"by_mdm_server":           count("Devices per MDM server id, from the servers' device linkages. Every server is present, with 0 when it has no devices."),
			"unassigned":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Listed devices that no MDM server's linkages include."},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read aggregates the fleet.
func (d *OrgDeviceSummaryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m orgDeviceSummaryModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	devices, err := f.Devices(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_org_device_summary", err)
		return
	}
	servers, err := f.Servers(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_org_device_summary", err)
		return
	}
	assigned, err := f.Assignments(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_org_device_summary", err)
		return
	}
	s := summarize(devices, servers, assigned)
	m.Total = types.Int64Value(s.total)
	m.Unassigned = types.Int64Value(s.unassigned)
	m.ByStatus = countMap(s.byStatus)
	m.ByProductFamily = countMap(s.byFamily)
	m.ByPurchaseSourceType = countMap(s.bySource)
	m.ByMdmServer = countMap(s.byServer)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type fleetSummary struct {
	total, unassigned                      int64
	byStatus, byFamily, bySource, byServer map[string]int64
}

// summarize counts devices. Only devices Apple lists count toward servers,
// so by_mdm_server and unassigned always add up to total.
func summarize(devices []*deviceRecord, servers []*client.MdmServer, assigned map[string]string) fleetSummary {
	s := fleetSummary{
		byStatus: map[string]int64{}, byFamily: map[string]int64{},
		bySource: map[string]int64{}, byServer: map[string]int64{},
	}
	for _, srv := range servers {
		s.byServer[srv.ID] = 0
	}
	add := func(m map[string]int64, d *deviceRecord, f deviceField) {
		if v, ok := d.get(f); ok {
			m[v]++
		}
	}
	for _, d := range devices {
		s.total++
		add(s.byStatus, d, fStatus)
		add(s.byFamily, d, fProductFamily)
		add(s.bySource, d, fPurchaseSourceType)
		if id, ok := assigned[d.id]; ok {
			s.byServer[id]++
		} else {
			s.unassigned++
		}
	}
	return s
}

func countMap(m map[string]int64) types.Map {
	elems := make(map[string]attr.Value, len(m))
	for k, v := range m {
		elems[k] = types.Int64Value(v)
	}
	return types.MapValueMust(types.Int64Type, elems)
}

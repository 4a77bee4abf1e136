package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &OrgDeviceSummaryDataSource{}

// OrgDeviceSummaryDataSource is abm_org_device_summary: counts over the
// whole fleet, so policy checks on very large organizations keep a small
// state.
type OrgDeviceSummaryDataSource struct {
	dataSourceBase
}

// NewOrgDeviceSummaryDataSource returns the data source.
func NewOrgDeviceSummaryDataSource() datasource.DataSource { return &OrgDeviceSummaryDataSource{} }

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
	readWith(ctx, d, req, resp)
}

func (d *OrgDeviceSummaryDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_org_device_summary"
	_, f, ctx, cancel, diags := d.begin(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	devices, err := f.Devices(ctx)
	var servers []*client.Record
	var assigned map[string]string
	if err == nil {
		servers, err = f.Servers(ctx)
	}
	if err == nil {
		assigned, err = f.Assignments(ctx)
	}
	if err != nil {
		addReadError(&diags, what, err)
		return nil, diags
	}
	s := summarize(devices, servers, assigned)
	count := func(n int64) func(*msgpackWriter) { return func(w *msgpackWriter) { w.int64(n) } }
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		"total":                   count(s.total),
		"unassigned":              count(s.unassigned),
		"by_status":               countMap(s.byStatus),
		"by_product_family":       countMap(s.byFamily),
		"by_purchase_source_type": countMap(s.bySource),
		"by_mdm_server":           countMap(s.byServer),
	}, 0)
	diags.Append(d2...)
	return state, diags
}

type fleetSummary struct {
	total, unassigned                      int64
	byStatus, byFamily, bySource, byServer map[string]int64
}

// summarize counts devices. Only devices Apple lists count toward servers,
// so by_mdm_server and unassigned always add up to total.
func summarize(devices []*client.Record, servers []*client.Record, assigned map[string]string) fleetSummary {
	s := fleetSummary{
		byStatus: map[string]int64{}, byFamily: map[string]int64{},
		bySource: map[string]int64{}, byServer: map[string]int64{},
	}
	for _, srv := range servers {
		s.byServer[srv.ID] = 0
	}
	add := func(m map[string]int64, d *client.Record, i int) {
		if v, ok := d.Str(i); ok {
			m[v]++
		}
	}
	for _, d := range devices {
		s.total++
		add(s.byStatus, d, deviceStatus)
		add(s.byFamily, d, deviceProductFamily)
		add(s.bySource, d, devicePurchaseSourceType)
		if id, ok := assigned[d.ID]; ok {
			s.byServer[id]++
		} else {
			s.unassigned++
		}
	}
	return s
}

// countMap writes a map(number) in sorted key order.
func countMap(m map[string]int64) func(*msgpackWriter) {
	return func(w *msgpackWriter) {
		w.mapLen(len(m))
		for _, k := range sortedKeys(m) {
			w.str(k)
			w.int64(m[k])
		}
	}
}

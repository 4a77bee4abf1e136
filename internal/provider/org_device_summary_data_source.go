package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_org_device_summary: counts over the whole fleet, so policy checks on
// very large organizations keep a small state.
var orgDeviceSummaryDataSource = &declaration{
	typeName: "abm_org_device_summary",
	doc: "Counts over every device Apple lists (released devices are not listed), without keeping the devices " +
		"in state: a few hundred bytes whatever the fleet size. Reads the device list, the server list and each server's " +
		"device linkages, all shared with the provider's other data sources. A device without a value for a breakdown " +
		"(Apple left the attribute out) is counted in `total` but not in that map.",
	attributes: func() map[string]schema.Attribute {
		count := func(desc string) schema.MapAttribute {
			return schema.MapAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: desc}
		}
		return map[string]schema.Attribute{
			"total":                   schema.Int64Attribute{Computed: true, MarkdownDescription: "Number of devices Apple lists."},
			"by_status":               count("Devices per `status` (`ASSIGNED`, `UNASSIGNED`)."),
			"by_product_family":       count("Devices per `product_family` (`iPhone`, `iPad`, `Mac`, …)."),
			"by_purchase_source_type": count("Devices per `purchase_source_type` (`APPLE`, `RESELLER`, `MANUALLY_ADDED`)."),
			"by_mdm_server":           count("Devices per MDM server id, from the servers' device linkages. Every server is present, with 0 when it has no devices."),
			"unassigned":              schema.Int64Attribute{Computed: true, MarkdownDescription: "Listed devices that no MDM server's linkages include."},
		}
	},
	read: readOrgDeviceSummary,
}

// readOrgDeviceSummary aggregates the fleet.
func readOrgDeviceSummary(ctx context.Context, q *query) stateWriters {
	devices, err := q.f.Devices(ctx)
	var servers []*client.Record
	var assigned map[string]string
	if err == nil {
		servers, err = q.f.Servers(ctx)
	}
	if err == nil {
		assigned, err = q.f.Assignments(ctx)
	}
	if err != nil {
		return q.failed(err)
	}
	s := summarize(devices, servers, assigned)
	count := func(n int64) func(*msgpackWriter) { return func(w *msgpackWriter) { w.int64(n) } }
	return stateWriters{
		"total":                   count(s.total),
		"unassigned":              count(s.unassigned),
		"by_status":               countMap(s.byStatus),
		"by_product_family":       countMap(s.byFamily),
		"by_purchase_source_type": countMap(s.bySource),
		"by_mdm_server":           countMap(s.byServer),
	}
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

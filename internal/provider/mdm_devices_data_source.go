package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_mdm_devices: the devices enrolled in Apple's
// built-in device management, with their details when asked.
var mdmDevicesDataSource = &declaration{
	typeName: "abm_mdm_devices",
	doc: "The devices enrolled in the organization's built-in device management (Apple Business Manager only), " +
		"in Apple's order, optionally filtered. One request per 1000 devices, shared with `abm_mdm_device`. " +
		"`include_details` makes one request per device that passes the filters (at most 4 at a time): filter first. " +
		"Requires built-in device management to be turned on.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"serial_numbers":   passThroughSet("Only devices with these serial numbers."),
			"product_families": passThroughSet("Only devices of these product families, compared exactly as Apple sends them (Apple does not enumerate the values for managed devices; e.g. `Mac`, `iPhone`)."),
			"include_details": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each device's details (FileVault, firewall, lock, erase and lost-mode states, storage, " +
					"OS version, MAC addresses): one request per device. Default `false`, which leaves those attributes null.",
			},
			"mdm_devices": mdmDeviceObject.nested("The managed devices that pass the filters."),
		}
	},
	read: readMdmDevices,
}

var (
	mdmSerial = client.MdmDevices.Index("serialNumber")
	mdmFamily = client.MdmDevices.Index("productFamily")
)

func readMdmDevices(ctx context.Context, q *query) stateWriters {
	serials, sErr := q.args.filter("serial_numbers")
	families, fErr := q.args.filter("product_families")
	withDetails, bErr := q.args.boolean("include_details")
	if err := firstError(sErr, fErr, bErr); err != nil {
		return q.invalid(err)
	}
	devices, err := q.f.List(ctx, client.MdmDevices.Type, q.f.c.ListMdmDevices)
	if err != nil {
		return q.denied(err, mdmDeviceAccess)
	}
	var kept []*client.Record
	for _, r := range devices {
		if serials.match(r.Field(mdmSerial)) && families.match(r.Field(mdmFamily)) {
			kept = append(kept, r)
		}
	}
	var details []*client.Record
	if withDetails {
		details = make([]*client.Record, len(kept))
		err := eachParallel(ctx, len(kept), func(ctx context.Context, i int) error {
			det, err := mdmDeviceDetails(ctx, q.f, kept[i].ID)
			details[i] = det
			return err
		})
		if err != nil {
			return q.denied(err, mdmDeviceAccess)
		}
	}
	q.sizeHint = len(kept) * 250
	return map[string]func(*msgpackWriter){
		"mdm_devices": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for i, r := range kept {
				var extra [][]byte
				if details != nil {
					extra = mdmDetailExtra(details[i])
				}
				mdmDeviceObject.write(w, r, extra)
			}
		},
	}
}

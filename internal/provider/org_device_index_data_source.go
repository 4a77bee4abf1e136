package provider

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_org_device_index: one device attribute of the organization's devices
// as a map from serial number. Terraform handles a map(string) of 100,000
// entries many times faster and smaller than a list of 100,000 objects, so
// joins over large fleets (drift reports) use it.
var orgDeviceIndexDataSource = &declaration{
	typeName: "abm_org_device_index",
	doc: "One attribute of the organization's devices as a map from serial number, with the filters of " +
		"`abm_org_devices`. It reads the same shared device walk, so several indexes (and lists) in one configuration " +
		"cost no extra requests, and its state is a fraction of the device list's: the data source for joins over " +
		"fleets of 100,000+ devices, such as drift reports.",
	attributes: func() map[string]schema.Attribute {
		attrs := deviceFilterAttributes()
		names := indexableAttributes()
		attrs["serial_numbers"] = schema.ListAttribute{
			Optional:    true,
			ElementType: types.StringType,
			MarkdownDescription: "Only devices with these serial numbers (serials Apple does not list are simply absent from " +
				"`values`).",
			Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
		}
		attrs["attribute"] = schema.StringAttribute{
			Required: true,
			MarkdownDescription: "The device attribute to index, by its name in `abm_org_devices`: one of " + backtickList(names) +
				". `assigned_server_id` reads the servers' device linkages (one request per 1000 devices of each server). " +
				"Each value is what `abm_org_devices` shows for the device, as a string: booleans are `\"true\"` or " +
				"`\"false\"`; list attributes are joined with `,` (`\"\"` for an empty list).",
			Validators: []validator.String{stringvalidator.OneOf(names...)},
		}
		attrs["values"] = schema.MapAttribute{
			Computed:    true,
			ElementType: types.StringType,
			MarkdownDescription: "Serial number → the attribute's value, for every device Apple lists that passes the filters. " +
				"The value is null where Apple has none (for `assigned_server_id`: the device is assigned to no server; lists " +
				"are never null), so " +
				"\"listed, without a value\" (`can(values[s])`) differs from \"not listed\". Look entries up with " +
				"`try(values[s], null)` and test membership with `can(values[s])`; not with `lookup()` or `contains(keys(values), s)` " +
				"in a loop, which cost Terraform a scan of the map per call.",
		}
		return attrs
	},
	read: readOrgDeviceIndex,
}

// indexableAttributes is the device attributes an index can hold: every
// attribute of a device in abm_org_devices.
func indexableAttributes() []string {
	return sortedKeys(deviceObject.types)
}

// readOrgDeviceIndex builds the index.
func readOrgDeviceIndex(ctx context.Context, q *query) stateWriters {
	cfg, err := parseDeviceFilters(q.args)
	name, _, nErr := q.args.str("attribute")
	col := deviceObject.column(name)
	if err = firstError(err, nErr); err == nil && col == nil {
		err = errUnknownAttribute(name)
	}
	if err != nil {
		return q.invalid(err)
	}
	cfg.withServer = cfg.withServer || col.name == "assigned_server_id"
	kept, err := filterDevices(ctx, q.f, cfg)
	if err != nil {
		return q.failed(err)
	}
	q.sizeHint = len(kept) * 48
	return stateWriters{
		"values": func(w *msgpackWriter) {
			w.mapLen(len(kept))
			for _, m := range kept {
				w.str(m.r.ID)
				if v, ok := indexValue(col, m); ok {
					w.str(v)
				} else {
					w.null()
				}
			}
		},
	}
}

// indexValue is one device's value of the indexed attribute as a string,
// and false where Apple has none.
func indexValue(c *column, m deviceMatch) (string, bool) {
	if c.index == addedColumn { // assigned_server_id, the only added device attribute
		return m.assigned, m.ok
	}
	r, i := m.r, c.index
	switch c.kind {
	case client.Bool:
		v, ok := r.Bool(i)
		return strconv.FormatBool(v), ok
	case client.Int64:
		v, ok := r.Int64(i)
		return strconv.FormatInt(v, 10), ok
	case client.Strings, client.MACList:
		return strings.Join(r.List(i), ","), true // the list abm_org_devices shows, never null
	}
	return r.Str(i)
}

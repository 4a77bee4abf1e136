package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// Values Apple documents for the device filters.
var (
	productFamilyValues      = []string{"iPhone", "iPad", "Mac", "AppleTV", "Watch", "Vision"}
	deviceStatusValues       = []string{"ASSIGNED", "UNASSIGNED"}
	purchaseSourceTypeValues = []string{"APPLE", "RESELLER", "MANUALLY_ADDED"}
)

// abm_org_devices: the devices of the organization, optionally filtered.
var orgDevicesDataSource = &declaration{
	typeName: "abm_org_devices",
	doc: "The devices of the organization, in Apple's order, optionally filtered. Apple has no server-side " +
		"filters, so the whole list is read (one request per 1000 devices, shared with every other data source of the " +
		"provider) and filtered here. Filters combine with AND; the values of one filter with OR. Apple leaves devices " +
		"released from the organization out of this list; read one with `abm_org_device`. For joins over large fleets, " +
		"`abm_org_device_index` costs Terraform a fraction of this list.",
	attributes: orgDevicesAttributes,
	read:       readOrgDevices,
}

// orgDevicesAttributes is the arguments and attributes of abm_org_devices.
func orgDevicesAttributes() map[string]schema.Attribute {
	attrs := deviceFilterAttributes()
	for name, a := range map[string]schema.Attribute{
		"serial_numbers": schema.ListAttribute{
			Optional:    true,
			Computed:    true,
			ElementType: types.StringType,
			MarkdownDescription: "As an argument: only devices with these serial numbers (serials Apple does not list are " +
				"simply absent from `devices`). Left unset, it is computed: the serial numbers of `devices`, in the same order.",
			Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
		},
		"include_assigned_server": schema.BoolAttribute{
			Optional: true,
			MarkdownDescription: "Fill each device's `assigned_server_id`, from the servers' device linkages: one request " +
				"per 1000 devices of each server, never one per device. Default `false`, which leaves it null; `mdm_server_ids` implies `true`.",
		},
		"devices": schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "The devices that pass the filters.",
			NestedObject:        schema.NestedAttributeObject{Attributes: deviceObject.attributes()},
		},
	} {
		attrs[name] = a
	}
	return attrs
}

// deviceFilterAttributes is the filters abm_org_devices and
// abm_org_device_index share, other than serial_numbers.
func deviceFilterAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"product_families":      enumSetAttribute("Only devices of these product families: ", productFamilyValues),
		"statuses":              enumSetAttribute("Only devices with these statuses: ", deviceStatusValues),
		"purchase_source_types": enumSetAttribute("Only devices bought through these purchase source types: ", purchaseSourceTypeValues),
		"mdm_server_ids": schema.SetAttribute{
			Optional:    true,
			ElementType: types.StringType,
			MarkdownDescription: "Only devices assigned to these MDM servers (ids as in `abm_mdm_servers`). Reads the " +
				"servers' device linkages (one request per 1000 devices of each server).",
			Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
		},
	}
}

// orgDevicesFilters is the configuration of one abm_org_devices.
type orgDevicesFilters struct {
	serials, families, statuses, sources, servers filter
	withServer                                    bool
}

// parseDeviceFilters reads the filters abm_org_devices and
// abm_org_device_index share (deviceFilterAttributes); withServer is set when
// mdm_server_ids needs the assignments, and each data source adds its own
// reasons to read them.
func parseDeviceFilters(attrs configArgs) (orgDevicesFilters, error) {
	var f orgDevicesFilters
	for name, dst := range map[string]*filter{
		"serial_numbers": &f.serials, "product_families": &f.families, "statuses": &f.statuses,
		"purchase_source_types": &f.sources, "mdm_server_ids": &f.servers,
	} {
		var err error
		if *dst, err = attrs.filter(name); err != nil {
			return f, err
		}
	}
	f.withServer = f.servers != nil
	return f, nil
}

// matches says whether a device passes the filters other than the servers.
func (f *orgDevicesFilters) matches(dev *client.Record) bool {
	return f.serials.matchString(dev.ID) && f.families.match(dev.Field(deviceProductFamily)) &&
		f.statuses.match(dev.Field(deviceStatus)) && f.sources.match(dev.Field(devicePurchaseSourceType))
}

// deviceMatch is one device that passed the filters, with its server.
type deviceMatch struct {
	r        *client.Record
	assigned string
	ok       bool // assigned is set
}

// filterDevices reads the shared device walk (and the assignments when the
// filters need them) and keeps the devices that pass.
func filterDevices(ctx context.Context, f *fleet, cfg orgDevicesFilters) ([]deviceMatch, error) {
	devices, err := f.Devices(ctx)
	if err != nil {
		return nil, err
	}
	var assigned map[string]string
	if cfg.withServer {
		if assigned, err = f.Assignments(ctx); err != nil {
			return nil, err
		}
	}
	var kept []deviceMatch
	for _, dev := range devices {
		if !cfg.matches(dev) {
			continue
		}
		m := deviceMatch{r: dev}
		if cfg.withServer {
			m.assigned, m.ok = assigned[dev.ID]
			if cfg.servers != nil && (!m.ok || !cfg.servers.matchString(m.assigned)) {
				continue
			}
		}
		kept = append(kept, m)
	}
	return kept, nil
}

// readOrgDevices reads and filters the devices of one abm_org_devices.
func readOrgDevices(ctx context.Context, q *query) stateWriters {
	cfg, err := parseDeviceFilters(q.args)
	include, iErr := q.args.boolean("include_assigned_server")
	cfg.withServer = cfg.withServer || include
	if err = firstError(err, iErr); err != nil {
		return q.invalid(err)
	}
	kept, err := filterDevices(ctx, q.f, cfg)
	if err != nil {
		return q.failed(err)
	}
	computed := stateWriters{
		"devices": func(w *msgpackWriter) {
			var slot assignedSlot
			w.arrayLen(len(kept))
			for _, m := range kept {
				deviceObject.write(w, m.r, slot.set(m.assigned, m.ok))
			}
		},
	}
	if cfg.serials == nil {
		computed["serial_numbers"] = func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for _, m := range kept {
				w.str(m.r.ID)
			}
		}
	}
	q.sizeHint = len(kept) * 800
	return computed
}

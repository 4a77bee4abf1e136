package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ datasource.DataSourceWithConfigure = &OrgDevicesDataSource{}

// OrgDevicesDataSource is abm_org_devices: the devices of the organization,
// optionally filtered.
type OrgDevicesDataSource struct {
	dataSourceBase
}

// NewOrgDevicesDataSource returns the data source.
func NewOrgDevicesDataSource() datasource.DataSource { return &OrgDevicesDataSource{} }

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
	resp.Schema = orgDevicesSchema(ctx)
}

func orgDevicesSchema(ctx context.Context) schema.Schema {
	return schema.Schema{
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

// orgDevicesTfType is the data source's state type, for building it by hand.
var orgDevicesTfType = sync.OnceValue(func() tftypes.Type {
	ctx := context.Background()
	return orgDevicesSchema(ctx).Type().TerraformType(ctx)
})

// Read lists and filters the devices. The state is encoded as it is built
// (device_msgpack.go); the protocol server sends those bytes as they are
// (server.go), and this framework path decodes them once.
func (d *OrgDevicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	state, diags := d.readState(ctx, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	v, err := (&tfprotov6.DynamicValue{MsgPack: state}).Unmarshal(orgDevicesTfType())
	if err != nil {
		resp.Diagnostics.AddError("Unable to decode the abm_org_devices state", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.State.Raw = v
}

// orgDevicesFilters is the configuration of one abm_org_devices.
type orgDevicesFilters struct {
	serials, families, statuses, sources, servers filter
	withServer                                    bool
}

func parseOrgDevicesConfig(attrs map[string]tftypes.Value) (orgDevicesFilters, error) {
	var f orgDevicesFilters
	for name, dst := range map[string]*filter{
		"serial_numbers": &f.serials, "product_families": &f.families, "statuses": &f.statuses,
		"purchase_source_types": &f.sources, "mdm_server_ids": &f.servers,
	} {
		values, set, err := configStrings(attrs[name])
		if err != nil {
			return f, err
		}
		if set {
			*dst = make(filter, len(values))
			for _, v := range values {
				(*dst)[v] = struct{}{}
			}
		}
	}
	include, err := configBool(attrs["include_assigned_server"])
	f.withServer = include || f.servers != nil
	return f, err
}

// readState reads, filters and encodes the state of one abm_org_devices.
func (d *OrgDevicesDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	attrs, err := configAttrs(config)
	var cfg orgDevicesFilters
	if err == nil {
		cfg, err = parseOrgDevicesConfig(attrs)
	}
	timeout, terr := configReadTimeout(attrs)
	if err != nil || terr != nil {
		diags.AddError("Invalid abm_org_devices configuration", firstError(err, terr).Error())
		return nil, diags
	}
	f, ctx, cancel, d2 := d.start(ctx, timeout)
	defer cancel()
	diags.Append(d2...)
	if diags.HasError() {
		return nil, diags
	}
	devices, err := f.Devices(ctx)
	if err != nil {
		addReadError(&diags, "abm_org_devices", err)
		return nil, diags
	}
	var assigned map[string]string
	if cfg.withServer {
		if assigned, err = f.Assignments(ctx); err != nil {
			addReadError(&diags, "abm_org_devices", err)
			return nil, diags
		}
	}

	type match struct {
		r        *deviceRecord
		assigned *string
	}
	var kept []match
	for _, dev := range devices {
		if !cfg.serials.matchString(dev.id) || !cfg.families.match(dev.field(fProductFamily)) ||
			!cfg.statuses.match(dev.field(fStatus)) || !cfg.sources.match(dev.field(fPurchaseSourceType)) {
			continue
		}
		m := match{r: dev}
		if cfg.withServer {
			id, ok := assigned[dev.id]
			if cfg.servers != nil && (!ok || !cfg.servers.matchString(id)) {
				continue
			}
			if ok {
				m.assigned = &id
			}
		}
		kept = append(kept, m)
	}

	// The object's attributes in sorted order: arguments go back as
	// configured, computed ones are written here.
	types, err := objectAttrTypes(orgDevicesTfType())
	if err != nil {
		diags.AddError("Unable to encode the abm_org_devices state", "This is a bug in the provider; please report it: "+err.Error())
		return nil, diags
	}
	w := &msgpackWriter{buf: make([]byte, 0, 64+len(kept)*800)}
	w.mapLen(len(types))
	for _, name := range sortedKeys(types) {
		w.str(name)
		switch {
		case name == "devices":
			w.arrayLen(len(kept))
			for _, m := range kept {
				writeDevice(w, m.r, m.assigned)
			}
		case name == "serial_numbers" && cfg.serials == nil:
			w.arrayLen(len(kept))
			for _, m := range kept {
				w.str(m.r.id)
			}
		default:
			b, err := encodeValue(types[name], attrs[name])
			if err != nil {
				diags.AddError("Unable to encode the abm_org_devices state", "This is a bug in the provider; please report it: "+err.Error())
				return nil, diags
			}
			w.raw(b)
		}
	}
	return w.buf, diags
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

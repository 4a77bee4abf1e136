package provider

import (
	"context"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &OrgDeviceIndexDataSource{}

// OrgDeviceIndexDataSource is abm_org_device_index: one device attribute of
// the organization's devices as a map from serial number. Terraform handles
// a map(string) of 100,000 entries many times faster and smaller than a list
// of 100,000 objects, so joins over large fleets (drift reports) use it.
type OrgDeviceIndexDataSource struct {
	dataSourceBase
}

// NewOrgDeviceIndexDataSource returns the data source.
func NewOrgDeviceIndexDataSource() datasource.DataSource { return &OrgDeviceIndexDataSource{} }

// Metadata names the data source.
func (d *OrgDeviceIndexDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_device_index"
}

// Schema describes the data source.
func (d *OrgDeviceIndexDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
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
	resp.Schema = schema.Schema{
		MarkdownDescription: "One attribute of the organization's devices as a map from serial number, with the filters of " +
			"`abm_org_devices`. It reads the same shared device walk, so several indexes (and lists) in one configuration " +
			"cost no extra requests, and its state is a fraction of the device list's: the data source for joins over " +
			"fleets of 100,000+ devices, such as drift reports.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// indexableAttributes is the device attributes an index can hold: every
// attribute of a device in abm_org_devices.
func indexableAttributes() []string {
	return sortedKeys(deviceObject.types)
}

// Read builds the index.
func (d *OrgDeviceIndexDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *OrgDeviceIndexDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_org_device_index"
	attrs, f, ctx, cancel, diags := d.begin(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	cfg, err := parseDeviceFilters(attrs)
	name, _, nErr := attrs.str("attribute")
	col := deviceObject.column(name)
	if err = firstError(err, nErr); err == nil && col == nil {
		err = errUnknownAttribute(name)
	}
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	cfg.withServer = cfg.withServer || col.name == "assigned_server_id"
	kept, err := filterDevices(ctx, f, cfg)
	if err != nil {
		addReadError(&diags, what, err)
		return nil, diags
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
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
	}, len(kept)*48)
	diags.Append(d2...)
	return state, diags
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

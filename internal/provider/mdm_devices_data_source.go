package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &MdmDevicesDataSource{}

// MdmDevicesDataSource is abm_mdm_devices: the devices enrolled in Apple's
// built-in device management, with their details when asked.
type MdmDevicesDataSource struct {
	dataSourceBase
}

// NewMdmDevicesDataSource returns the data source.
func NewMdmDevicesDataSource() datasource.DataSource { return &MdmDevicesDataSource{} }

// Metadata names the data source.
func (d *MdmDevicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mdm_devices"
}

// Schema describes the data source.
func (d *MdmDevicesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The devices enrolled in the organization's built-in device management (Apple Business Manager only), " +
			"in Apple's order, optionally filtered. One request per 1000 devices, shared with `abm_mdm_device`. " +
			"`include_details` makes one request per device that passes the filters (at most 4 at a time): filter first. " +
			"Requires built-in device management to be turned on.",
		Attributes: map[string]schema.Attribute{
			"serial_numbers":   passThroughSet("Only devices with these serial numbers."),
			"product_families": passThroughSet("Only devices of these product families, compared exactly as Apple sends them (Apple does not enumerate the values for managed devices; e.g. `Mac`, `iPhone`)."),
			"include_details": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each device's details (FileVault, firewall, lock, erase and lost-mode states, storage, " +
					"OS version, MAC addresses): one request per device. Default `false`, which leaves those attributes null.",
			},
			"mdm_devices": mdmDeviceObject.nested("The managed devices that pass the filters."),
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists and filters the managed devices.
func (d *MdmDevicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

var (
	mdmSerial = client.MdmDevices.Index("serialNumber")
	mdmFamily = client.MdmDevices.Index("productFamily")
)

func (d *MdmDevicesDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_mdm_devices"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	serials, sErr := attrs.filter("serial_numbers")
	families, fErr := attrs.filter("product_families")
	withDetails, bErr := attrs.boolean("include_details")
	if err := firstError(sErr, fErr, bErr); err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	devices, err := f.List(ctx, client.MdmDevices.Type, f.c.ListMdmDevices)
	if err != nil {
		addAccessError(&diags, what, err, mdmDeviceAccess)
		return nil, diags
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
			det, err := mdmDeviceDetails(ctx, f, kept[i].ID)
			details[i] = det
			return err
		})
		if err != nil {
			addAccessError(&diags, what, err, mdmDeviceAccess)
			return nil, diags
		}
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
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
	}, len(kept)*250)
	diags.Append(d2...)
	return state, diags
}

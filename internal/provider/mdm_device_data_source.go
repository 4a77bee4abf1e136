package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &MdmDeviceDataSource{}

// MdmDeviceDataSource is abm_mdm_device: one managed device with its
// details, by id or serial number.
type MdmDeviceDataSource struct {
	dataSourceBase
}

// NewMdmDeviceDataSource returns the data source.
func NewMdmDeviceDataSource() datasource.DataSource { return &MdmDeviceDataSource{} }

// Metadata names the data source.
func (d *MdmDeviceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mdm_device"
}

// Schema describes the data source.
func (d *MdmDeviceDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := mdmDeviceObject.attributes()
	keys := path.Expressions{path.MatchRoot("id"), path.MatchRoot("serial_number")}
	attrs["id"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "Apple's id of the managed device. Exactly one of `id` and `serial_number`.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1), stringvalidator.ExactlyOneOf(keys...)},
	}
	attrs["serial_number"] = schema.StringAttribute{
		Optional: true, Computed: true,
		MarkdownDescription: "Serial number of the device. Exactly one of `id` and `serial_number`.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One device enrolled in the organization's built-in device management (Apple Business Manager only), " +
			"with its details flat beside it: FileVault, firewall, lock, erase and lost-mode states, storage, OS version, MAC addresses. " +
			"The device is found in the list of managed devices (one request per 1000 devices, shared with `abm_mdm_devices`), " +
			"then its details are read (one request). Requires built-in device management to be turned on.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the device and reads its details.
func (d *MdmDeviceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *MdmDeviceDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_mdm_device"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	arg, value, err := configLookup(attrs, "id", "serial_number")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	// The list is the only way to a serial number, and it tells an unknown
	// id apart from details Apple cannot give.
	devices, err := f.List(ctx, client.MdmDevices.Type, f.c.ListMdmDevices)
	if err != nil {
		addAccessError(&diags, what, err, mdmDeviceAccess)
		return nil, diags
	}
	key := lookupKey{arg: "serial_number", index: mdmSerial}
	if arg == "id" {
		key = lookupKey{arg: "id", index: idColumn}
	}
	dev := lookupOne(&diags, "managed device", devices, key, value, func(r *client.Record) string {
		s, _ := r.Str(mdmSerial)
		return fmt.Sprintf("%s (%s)", s, r.ID)
	})
	if dev == nil {
		return nil, diags
	}
	det, err := mdmDeviceDetails(ctx, f, dev.ID)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.NotFound() {
		diags.AddError("Managed device details not found",
			fmt.Sprintf("Apple lists the managed device %s but has no details for it (%v); it may have been unenrolled while being read.", dev.ID, err))
		return nil, diags
	}
	if err != nil {
		addAccessError(&diags, what, err, mdmDeviceAccess)
		return nil, diags
	}
	state, d2 := encodeState(what, config, mdmDeviceObject.writers(dev, mdmDetailExtra(det)), 0)
	diags.Append(d2...)
	return state, diags
}

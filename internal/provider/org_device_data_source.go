package provider

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ datasource.DataSourceWithConfigure = &OrgDeviceDataSource{}

// OrgDeviceDataSource is abm_org_device: one device by serial number, with
// its assigned server and AppleCare coverage.
type OrgDeviceDataSource struct {
	dataSourceBase
}

// NewOrgDeviceDataSource returns the data source.
func NewOrgDeviceDataSource() datasource.DataSource { return &OrgDeviceDataSource{} }

type orgDeviceLookup struct {
	SerialNumber types.String   `tfsdk:"serial_number"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// Metadata names the data source.
func (d *OrgDeviceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_device"
}

// Schema describes the data source.
func (d *OrgDeviceDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := deviceNestedAttributes()
	attrs["serial_number"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Serial number of the device. Released devices are found too.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["assigned_server_id"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: "ID of the MDM server the device is assigned to; null when it is assigned to none.",
	}
	attrs["apple_care_coverage"] = coverageAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: "One device of the organization by serial number, including devices released from the organization " +
			"(which `abm_org_devices` cannot list), with its assigned MDM server and AppleCare coverage. Three requests, made in parallel.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read fetches the device, its server linkage and its coverage.
func (d *OrgDeviceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m orgDeviceLookup
	// The lookup arguments only: the rest of the schema is computed.
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("serial_number"), &m.SerialNumber)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("timeouts"), &m.Timeouts)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	serial := m.SerialNumber.ValueString()
	var (
		dev      *client.OrgDevice
		serverID string
		coverage []client.AppleCareCoverage
	)
	// Three independent requests, in parallel. Their errors are kept apart
	// so that only the device's own 404 means "not found".
	var devErr, serverErr, coverageErr error
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); dev, devErr = f.c.GetOrgDevice(ctx, serial) }()
	go func() { defer wg.Done(); serverID, serverErr = f.c.AssignedServerID(ctx, serial) }()
	go func() { defer wg.Done(); coverage, coverageErr = f.c.ListAppleCareCoverage(ctx, serial) }()
	wg.Wait()
	var apiErr *client.APIError
	if errors.As(devErr, &apiErr) && apiErr.NotFound() {
		resp.Diagnostics.AddAttributeError(path.Root("serial_number"), "Device not found",
			fmt.Sprintf("Apple has no device with serial number %q in this organization (%v).", serial, devErr))
		return
	}
	if err := firstError(devErr, serverErr, coverageErr); err != nil {
		addReadError(&resp.Diagnostics, "abm_org_device", err)
		return
	}
	state, err := orgDeviceState(newDeviceRecord(dev), serverID, coverage, req.Config.Raw)
	if err != nil {
		resp.Diagnostics.AddError("Unable to build the abm_org_device state", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.State.Raw = state
}

// orgDeviceState is the device's attributes at the top level, its coverage,
// and the arguments as configured (the serial as given: Apple's id is the
// same serial). It is encoded by the same writer as device lists.
func orgDeviceState(r *deviceRecord, serverID string, coverage []client.AppleCareCoverage, config tftypes.Value) (tftypes.Value, error) {
	attrs, err := configAttrs(config)
	if err != nil {
		return tftypes.Value{}, err
	}
	types, err := objectAttrTypes(config.Type())
	if err != nil {
		return tftypes.Value{}, err
	}
	cw := &msgpackWriter{}
	writeCoverage(cw, coverage)
	extra := map[string][]byte{"apple_care_coverage": cw.buf}
	for _, name := range []string{"serial_number", "timeouts"} {
		if extra[name], err = encodeValue(types[name], attrs[name]); err != nil {
			return tftypes.Value{}, err
		}
	}
	var assigned *string
	if serverID != "" {
		assigned = &serverID
	}
	w := &msgpackWriter{}
	writeDeviceWith(w, r, assigned, extra)
	return (&tfprotov6.DynamicValue{MsgPack: w.buf}).Unmarshal(config.Type())
}

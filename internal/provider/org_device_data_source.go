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
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &OrgDeviceDataSource{}

// OrgDeviceDataSource is abm_org_device: one device by serial number, with
// its assigned server and AppleCare coverage.
type OrgDeviceDataSource struct {
	dataSourceBase
}

// NewOrgDeviceDataSource returns the data source.
func NewOrgDeviceDataSource() datasource.DataSource { return &OrgDeviceDataSource{} }

// Metadata names the data source.
func (d *OrgDeviceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_device"
}

// Schema describes the data source.
func (d *OrgDeviceDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := oneDeviceObject.attributes()
	attrs["serial_number"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Serial number of the device. Released devices are found too.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One device of the organization by serial number, including devices released from the organization " +
			"(which `abm_org_devices` cannot list), with its assigned MDM server and AppleCare coverage. Three requests, made in parallel.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// oneDeviceObject is a device read by serial number: its attributes, the
// server it is assigned to (from its own linkage) and its coverage.
var oneDeviceObject = newObjectType(client.OrgDevices,
	added{name: "assigned_server_id", schema: schema.StringAttribute{Computed: true,
		MarkdownDescription: "ID of the MDM server the device is assigned to; null when it is assigned to none."}},
	added{name: "apple_care_coverage", schema: coverageObject.nested("AppleCare coverage of the device, in Apple's order; empty when it has none.")},
)

// Read fetches the device, its server linkage and its coverage.
func (d *OrgDeviceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *OrgDeviceDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_org_device"
	attrs, f, ctx, cancel, diags := d.begin(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	serial, _, err := attrs.str("serial_number")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	var (
		dev      *client.Record
		serverID string
		coverage []*client.Record
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
		diags.AddAttributeError(path.Root("serial_number"), "Device not found",
			fmt.Sprintf("Apple has no device with serial number %q in this organization (%v).", serial, devErr))
		return nil, diags
	}
	if err := firstError(devErr, serverErr, coverageErr); err != nil {
		addReadError(&diags, what, err)
		return nil, diags
	}
	var assigned, cov msgpackWriter
	extra := [][]byte{nil, nil}
	if serverID != "" {
		assigned.str(serverID)
		extra[0] = assigned.buf
	}
	writeCoverage(&cov, coverage)
	extra[1] = cov.buf
	computed := oneDeviceObject.writers(dev, extra)
	delete(computed, "serial_number") // the serial as configured; Apple's id is the same serial
	state, d2 := encodeState(what, config, computed, 0)
	diags.Append(d2...)
	return state, diags
}

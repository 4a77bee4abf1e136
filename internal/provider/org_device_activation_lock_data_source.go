package provider

import (
	"context"
	"errors"

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

var _ stateReader = &OrgDeviceActivationLockDataSource{}

// OrgDeviceActivationLockDataSource is abm_org_device_activation_lock: the
// Activation Lock state of one device of the organization.
type OrgDeviceActivationLockDataSource struct {
	dataSourceBase
}

// NewOrgDeviceActivationLockDataSource returns the data source.
func NewOrgDeviceActivationLockDataSource() datasource.DataSource {
	return &OrgDeviceActivationLockDataSource{}
}

// Metadata names the data source.
func (d *OrgDeviceActivationLockDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_device_activation_lock"
}

// activationLockObject is the status without an id: the device's serial
// number is the argument.
var activationLockObject = newObjectType(client.ActivationLockStatus)

// Schema describes the data source.
func (d *OrgDeviceActivationLockDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := activationLockObject.attributes()
	attrs["serial_number"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Serial number of a device of the organization.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Activation Lock state of one device of the organization (Apple Business Manager 2.5+ and " +
			"Apple School Manager 1.7+): whether it is locked, and by what — its device management service or a personal " +
			"Apple Account. One request per device.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read fetches the status.
func (d *OrgDeviceActivationLockDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *OrgDeviceActivationLockDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_org_device_activation_lock"
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
	r, err := f.c.GetActivationLockStatus(ctx, serial)
	var lockErr *client.ActivationLockError
	switch {
	case errors.As(err, &lockErr) && lockErr.NotHeld:
		diags.AddAttributeError(path.Root("serial_number"), "Device not found", what+": "+err.Error()+".")
		return nil, diags
	case errors.As(err, &lockErr) && lockErr.Internal:
		diags.AddAttributeError(path.Root("serial_number"), "Apple cannot report this device's Activation Lock status", what+": "+err.Error()+".")
		return nil, diags
	case err != nil:
		addAccessError(&diags, what, err, access{permission: "View device management services, manage default platform assignment, and add devices with Apple Configurator."})
		return nil, diags
	}
	state, d2 := encodeState(what, config, activationLockObject.writers(r, nil), 0)
	diags.Append(d2...)
	return state, diags
}

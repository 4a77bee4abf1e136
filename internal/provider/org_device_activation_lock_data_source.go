package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// activationLockObject is the status without an id: the device's serial
// number is the argument.
var activationLockObject = newObjectType(client.ActivationLockStatus)

// abm_org_device_activation_lock: the Activation Lock state of one device
// of the organization.
var orgDeviceActivationLockDataSource = &declaration{
	typeName: "abm_org_device_activation_lock",
	doc: "The Activation Lock state of one device of the organization (Apple Business Manager 2.5+ and " +
		"Apple School Manager 1.7+): whether it is locked, and by what — its device management service or a personal " +
		"Apple Account. One request per device.",
	attributes: func() map[string]schema.Attribute {
		attrs := activationLockObject.attributes()
		attrs["serial_number"] = requiredKey("Serial number of a device of the organization.")
		return attrs
	},
	read: readOrgDeviceActivationLock,
}

// readOrgDeviceActivationLock fetches the status.
func readOrgDeviceActivationLock(ctx context.Context, q *query) stateWriters {
	serial, _, err := q.args.str("serial_number")
	if err != nil {
		return q.invalid(err)
	}
	r, err := q.f.c.GetActivationLockStatus(ctx, serial)
	var lockErr *client.ActivationLockError
	switch {
	case errors.As(err, &lockErr) && lockErr.NotHeld:
		q.diags.AddAttributeError(path.Root("serial_number"), "Device not found", q.what+": "+err.Error()+".")
		return nil
	case errors.As(err, &lockErr) && lockErr.Internal:
		q.diags.AddAttributeError(path.Root("serial_number"), "Apple cannot report this device's Activation Lock status", q.what+": "+err.Error()+".")
		return nil
	case err != nil:
		return q.denied(err, access{permission: "View device management services, manage default platform assignment, and add devices with Apple Configurator."})
	}
	return activationLockObject.writers(r, nil)
}

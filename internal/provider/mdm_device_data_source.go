package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_mdm_device: one managed device with its
// details, by id or serial number.
var mdmDeviceDataSource = &declaration{
	typeName: "abm_mdm_device",
	doc: "One device enrolled in the organization's built-in device management (Apple Business Manager only), " +
		"with its details flat beside it: FileVault, firewall, lock, erase and lost-mode states, storage, OS version, MAC addresses. " +
		"The device is found in the list of managed devices (one request per 1000 devices, shared with `abm_mdm_devices`), " +
		"then its details are read (one request). Requires built-in device management to be turned on.",
	business: true,
	attributes: func() map[string]schema.Attribute {
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
		return attrs
	},
	read: readMdmDevice,
}

func readMdmDevice(ctx context.Context, q *query) stateWriters {
	arg, value, err := configLookup(q.args, "id", "serial_number")
	if err != nil {
		return q.invalid(err)
	}
	// The list is the only way to a serial number, and it tells an unknown
	// id apart from details Apple cannot give.
	devices, err := q.f.List(ctx, client.MdmDevices.Type, q.f.c.ListMdmDevices)
	if err != nil {
		return q.denied(err, mdmDeviceAccess)
	}
	key := lookupKey{arg: "serial_number", index: mdmSerial}
	if arg == "id" {
		key = lookupKey{arg: "id", index: idColumn}
	}
	dev := lookupOne(&q.diags, "managed device", devices, key, value, func(r *client.Record) string {
		s, _ := r.Str(mdmSerial)
		return fmt.Sprintf("%s (%s)", s, r.ID)
	})
	if dev == nil {
		return nil
	}
	det, err := mdmDeviceDetails(ctx, q.f, dev.ID)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.NotFound() {
		q.diags.AddError("Managed device details not found",
			fmt.Sprintf("Apple lists the managed device %s but has no details for it (%v); it may have been unenrolled while being read.", dev.ID, err))
		return nil
	}
	if err != nil {
		return q.denied(err, mdmDeviceAccess)
	}
	return mdmDeviceObject.writers(dev, mdmDetailExtra(det))
}

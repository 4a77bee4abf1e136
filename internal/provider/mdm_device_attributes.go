package provider

import (
	"context"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// A managed device is shown flat: its own attributes (client.MdmDevices)
// and, beside them, those of its details (client.MdmDeviceDetails), read
// from another endpoint. The details' attributes are added to the object
// from their declaration; the ones the device already has (serial number,
// name) come from the device.

// mdmDetailPositions are the details' attributes added to the object, by
// position in client.MdmDeviceDetails, in slot order.
var mdmDetailPositions = func() []int {
	var out []int
	for i := range client.MdmDeviceDetails.Attrs {
		if !client.MdmDevices.Decodes(client.MdmDeviceDetails.Attrs[i].Key) {
			out = append(out, i)
		}
	}
	return out
}()

// mdmDeviceObject is a managed device with its details flat beside it.
var mdmDeviceObject = newObjectType(client.MdmDevices, append([]added{
	idAttribute("Apple's id of the managed device (opaque; not the serial number)."),
}, mdmDetailAdds()...)...)

func mdmDetailAdds() []added {
	out := make([]added, 0, len(mdmDetailPositions))
	for _, i := range mdmDetailPositions {
		a := &client.MdmDeviceDetails.Attrs[i]
		doc := a.Doc + " From the device's details: on `abm_mdm_devices` null unless `include_details` is set."
		out = append(out, added{name: a.TerraformName(), schema: kindAttribute(a.Kind, doc, nil)})
	}
	return out
}

// mdmDetailExtra encodes a device's details as the added values of
// mdmDeviceObject; nil details leave them null.
func mdmDetailExtra(det *client.Record) [][]byte {
	if det == nil {
		return nil
	}
	var w msgpackWriter
	ends := make([]int, len(mdmDetailPositions))
	for k, i := range mdmDetailPositions {
		writeAttribute(&w, det, i, client.MdmDeviceDetails.Attrs[i].Kind)
		ends[k] = len(w.buf)
	}
	out := make([][]byte, len(ends))
	start := 0
	for k, end := range ends {
		out[k] = w.buf[start:end]
		start = end
	}
	return out
}

// mdmDeviceAccess is what Apple requires for managed devices: it names no
// privilege (internal/fakeabm/README.md: Permissions), and built-in device
// management must be on.
var mdmDeviceAccess = access{deviceManagement: true}

// mdmDeviceDetails reads one managed device's details once per provider
// instance, however many data sources ask.
func mdmDeviceDetails(ctx context.Context, f *fleet, id string) (*client.Record, error) {
	return f.Record(ctx, client.MdmDeviceDetails, id, f.c.GetMdmDeviceDetails)
}

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// deviceObject is a device in every data source that shows devices: the
// attributes the client declares (client.OrgDevices) and the server it is
// assigned to, which comes from the servers' linkages.
var deviceObject = newObjectType(client.OrgDevices,
	added{name: "assigned_server_id", schema: schema.StringAttribute{Computed: true,
		MarkdownDescription: "ID of the MDM server the device is assigned to. Null unless assignment data is asked for."}},
)

// The device attributes filters and counts read, by position in a record.
var (
	deviceProductFamily      = client.OrgDevices.Index("productFamily")
	deviceStatus             = client.OrgDevices.Index("status")
	devicePurchaseSourceType = client.OrgDevices.Index("purchaseSourceType")
)

// assignedSlot encodes a device's assigned server id as the added value of
// deviceObject, reusing one buffer; ok false leaves it null.
type assignedSlot struct {
	w     msgpackWriter
	extra [1][]byte
}

func (s *assignedSlot) set(id string, ok bool) [][]byte {
	s.extra[0] = nil
	if ok {
		s.w.buf = s.w.buf[:0]
		s.w.str(id)
		s.extra[0] = s.w.buf
	}
	return s.extra[:]
}

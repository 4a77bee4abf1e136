package provider

import (
	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// deviceField indexes the single-string attributes of a device record.
type deviceField uint8

// The string attributes a record keeps, in no particular order.
const (
	fSerialNumber deviceField = iota
	fAddedToOrg
	fReleasedFromOrg
	fUpdated
	fDeviceModel
	fProductFamily
	fProductType
	fDeviceCapacity
	fPartNumber
	fOrderNumber
	fColor
	fStatus
	fOrderDate
	fEID
	fPurchaseSourceID
	fPurchaseSourceType
	fWifiMAC
	fBluetoothMAC
	fMigrationStatus
	fMigrationDeadline
	numDeviceFields
)

// deviceRecord is one device as a provider instance keeps it between data
// sources: every string attribute in one allocation, with offsets and a
// validity mask. A fleet of 100,000 devices stays around 50 MB this way,
// about half of what the client's decoded form takes, so a summary of a large
// fleet can share the one device walk and still keep a small footprint.
type deviceRecord struct {
	id    string // Apple's id, the serial number
	text  string
	ends  [numDeviceFields]uint32
	valid uint32 // bit f set when attribute f is not null

	imei, meid, ethernet []string // nil when empty
	migrationCapable     int8     // -1 null, 0 false, 1 true
}

func newDeviceRecord(d *client.OrgDevice) *deviceRecord {
	fields := [numDeviceFields]client.Field[string]{
		fSerialNumber: d.SerialNumber, fAddedToOrg: d.AddedToOrgDateTime, fReleasedFromOrg: d.ReleasedFromOrgDateTime,
		fUpdated: d.UpdatedDateTime, fDeviceModel: d.DeviceModel, fProductFamily: d.ProductFamily,
		fProductType: d.ProductType, fDeviceCapacity: d.DeviceCapacity, fPartNumber: d.PartNumber,
		fOrderNumber: d.OrderNumber, fColor: d.Color, fStatus: d.Status, fOrderDate: d.OrderDateTime,
		fEID: d.EID, fPurchaseSourceID: d.PurchaseSourceID, fPurchaseSourceType: d.PurchaseSourceType,
		fMigrationStatus: d.MdmMigrationStatus, fMigrationDeadline: d.MdmMigrationDeadlineDateTime,
	}
	// MAC attributes Apple documents as strings are kept joined, as exposed.
	if d.WifiMacAddress.Valid {
		fields[fWifiMAC] = client.Field[string]{Valid: true, Value: d.WifiMacAddress.Value.Joined()}
	}
	if d.BluetoothMacAddress.Valid {
		fields[fBluetoothMAC] = client.Field[string]{Valid: true, Value: d.BluetoothMacAddress.Value.Joined()}
	}
	size := len(d.ID)
	for _, f := range fields {
		size += len(f.Value)
	}
	buf := make([]byte, 0, size)
	buf = append(buf, d.ID...)
	r := &deviceRecord{migrationCapable: -1}
	for i, f := range fields {
		if f.Valid {
			r.valid |= 1 << i
			buf = append(buf, f.Value...)
		}
		r.ends[i] = uint32(len(buf)) //nolint:gosec // one device's text is far below 4 GiB
	}
	r.text = string(buf)
	r.id = r.text[:len(d.ID)]
	r.imei = nonEmpty(d.IMEI.Value)
	r.meid = nonEmpty(d.MEID.Value)
	r.ethernet = nonEmpty(d.EthernetMacAddress.Value)
	if d.IsMdmMigrationCapable.Valid {
		r.migrationCapable = 0
		if d.IsMdmMigrationCapable.Value {
			r.migrationCapable = 1
		}
	}
	return r
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// get returns attribute f and whether it is set (not null).
func (r *deviceRecord) get(f deviceField) (string, bool) {
	if r.valid&(1<<f) == 0 {
		return "", false
	}
	start := len(r.id)
	if f > 0 {
		start = int(r.ends[f-1])
	}
	return r.text[start:int(r.ends[f])], true
}

// field returns attribute f in the client's form, for filters.
func (r *deviceRecord) field(f deviceField) client.Field[string] {
	v, ok := r.get(f)
	return client.Field[string]{Present: ok, Valid: ok, Value: v}
}

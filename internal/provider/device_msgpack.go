package provider

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// deviceStringAttrs maps the exposed string attributes to record fields;
// writeDeviceAttr handles the rest.
var deviceStringAttrs = map[string]deviceField{
	"serial_number":                    fSerialNumber,
	"added_to_org_date_time":           fAddedToOrg,
	"released_from_org_date_time":      fReleasedFromOrg,
	"updated_date_time":                fUpdated,
	"device_model":                     fDeviceModel,
	"product_family":                   fProductFamily,
	"product_type":                     fProductType,
	"device_capacity":                  fDeviceCapacity,
	"part_number":                      fPartNumber,
	"order_number":                     fOrderNumber,
	"color":                            fColor,
	"status":                           fStatus,
	"order_date_time":                  fOrderDate,
	"eid":                              fEID,
	"purchase_source_id":               fPurchaseSourceID,
	"purchase_source_type":             fPurchaseSourceType,
	"wifi_mac_address":                 fWifiMAC,
	"bluetooth_mac_address":            fBluetoothMAC,
	"mdm_migration_status":             fMigrationStatus,
	"mdm_migration_deadline_date_time": fMigrationDeadline,
}

// deviceAttrNames is every attribute of deviceAttrTypes, sorted, the order
// in which objects are encoded.
var deviceAttrNames = sortedKeys(deviceAttrTypes)

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writeDeviceAttr writes the value of one device attribute. assigned is
// the assigned server id, or nil for null.
func writeDeviceAttr(w *msgpackWriter, r *deviceRecord, name string, assigned *string) {
	if f, ok := deviceStringAttrs[name]; ok {
		if v, set := r.get(f); set {
			w.str(v)
		} else {
			w.null()
		}
		return
	}
	switch name {
	case "imei":
		w.strings(r.imei)
	case "meid":
		w.strings(r.meid)
	case "ethernet_mac_address":
		w.strings(r.ethernet)
	case "is_mdm_migration_capable":
		if r.migrationCapable < 0 {
			w.null()
		} else {
			w.boolean(r.migrationCapable == 1)
		}
	case "assigned_server_id":
		if assigned == nil {
			w.null()
		} else {
			w.str(*assigned)
		}
	default:
		panic("device attribute without a source: " + name) // caught by every acceptance test
	}
}

// writeDevice writes one device as an object of deviceObjectType.
func writeDevice(w *msgpackWriter, r *deviceRecord, assigned *string) {
	w.mapLen(len(deviceAttrNames))
	for _, name := range deviceAttrNames {
		w.str(name)
		writeDeviceAttr(w, r, name, assigned)
	}
}

// writeDeviceWith writes an object whose attributes are the device's plus
// extra ones given already encoded (for abm_org_device, whose state is the
// device's attributes at the top level beside its own).
func writeDeviceWith(w *msgpackWriter, r *deviceRecord, assigned *string, extra map[string][]byte) {
	names := make([]string, 0, len(deviceAttrNames)+len(extra))
	for _, n := range deviceAttrNames {
		if _, override := extra[n]; !override {
			names = append(names, n)
		}
	}
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	w.mapLen(len(names))
	for _, name := range names {
		w.str(name)
		if b, ok := extra[name]; ok {
			w.raw(b)
		} else {
			writeDeviceAttr(w, r, name, assigned)
		}
	}
}

// encodeValue encodes one configuration value, to be copied into a state as
// configured.
func encodeValue(t tftypes.Type, v tftypes.Value) ([]byte, error) {
	dv, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		return nil, err
	}
	return dv.MsgPack, nil
}

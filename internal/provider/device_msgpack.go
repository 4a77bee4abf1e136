package provider

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// deviceStringAttrs maps the exposed string attributes to record fields;
// deviceColumns resolves the rest.
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

// deviceColumn is one exposed device attribute, resolved once: its name
// already encoded as a MessagePack key, and where its value comes from in a
// record. Encoding runs for every attribute of every device, so it does no
// lookups by name.
type deviceColumn struct {
	name  string
	key   []byte
	field deviceField // for string attributes
	kind  columnKind
}

type columnKind uint8

const (
	columnString columnKind = iota
	columnIMEI
	columnMEID
	columnEthernet
	columnMigrationCapable
	columnAssignedServer
)

// deviceColumns is every attribute of deviceAttrTypes, sorted by name: the
// order in which objects are encoded.
var deviceColumns = func() []deviceColumn {
	others := map[string]columnKind{
		"imei": columnIMEI, "meid": columnMEID, "ethernet_mac_address": columnEthernet,
		"is_mdm_migration_capable": columnMigrationCapable, "assigned_server_id": columnAssignedServer,
	}
	var cols []deviceColumn
	for _, name := range sortedKeys(deviceAttrTypes) {
		w := &msgpackWriter{}
		w.str(name)
		c := deviceColumn{name: name, key: w.buf}
		if f, ok := deviceStringAttrs[name]; ok {
			c.kind, c.field = columnString, f
		} else if k, ok := others[name]; ok {
			c.kind = k
		} else {
			panic("device attribute without a source: " + name) // a programming error, caught at start-up
		}
		cols = append(cols, c)
	}
	return cols
}()

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// writeColumn writes the value of one device attribute. assigned is the
// assigned server id, or nil for null.
func writeColumn(w *msgpackWriter, r *deviceRecord, c *deviceColumn, assigned *string) {
	switch c.kind {
	case columnString:
		if v, set := r.get(c.field); set {
			w.str(v)
		} else {
			w.null()
		}
	case columnIMEI:
		w.strings(r.imei)
	case columnMEID:
		w.strings(r.meid)
	case columnEthernet:
		w.strings(r.ethernet)
	case columnMigrationCapable:
		if r.migrationCapable < 0 {
			w.null()
		} else {
			w.boolean(r.migrationCapable == 1)
		}
	case columnAssignedServer:
		if assigned == nil {
			w.null()
		} else {
			w.str(*assigned)
		}
	}
}

// writeDevice writes one device as an object of deviceObjectType.
func writeDevice(w *msgpackWriter, r *deviceRecord, assigned *string) {
	w.mapLen(len(deviceColumns))
	for i := range deviceColumns {
		w.raw(deviceColumns[i].key)
		writeColumn(w, r, &deviceColumns[i], assigned)
	}
}

// writeDeviceWith writes an object whose attributes are the device's plus
// extra ones given already encoded (for abm_org_device, whose state is the
// device's attributes at the top level beside its own); an extra attribute
// replaces the device's of the same name.
func writeDeviceWith(w *msgpackWriter, r *deviceRecord, assigned *string, extra map[string][]byte) {
	columns := map[string]*deviceColumn{}
	names := make([]string, 0, len(deviceColumns)+len(extra))
	for i := range deviceColumns {
		if _, override := extra[deviceColumns[i].name]; !override {
			columns[deviceColumns[i].name] = &deviceColumns[i]
			names = append(names, deviceColumns[i].name)
		}
	}
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	w.mapLen(len(names))
	for _, name := range names {
		if c, ok := columns[name]; ok {
			w.raw(c.key)
			writeColumn(w, r, c, assigned)
		} else {
			w.str(name)
			w.raw(extra[name])
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

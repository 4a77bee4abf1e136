package fakeabm

import "slices"

// Device is the fake's own view of one org device, for test assertions. Its
// attributes are held by key (the rows of deviceAttrs): Value, Strings and
// Bool read them, HasAttribute and IsNull tell an omitted key from an
// explicit null or an empty string.
type Device struct {
	t    *deviceTable
	vals []value // one per row of t

	AssignedServerID  string // "" when unassigned
	Released          bool   // left out of the E1 list and of E8 linkages
	AppleCareCoverage []AppleCareCoverage
}

// AppleCareCoverage is one coverage record (E5). "" date-times and agreement
// numbers are sent as null.
type AppleCareCoverage struct {
	ID                     string
	Status                 string
	PaymentType            string
	Description            string
	StartDateTime          string
	EndDateTime            string
	IsRenewable            bool
	IsCanceled             bool
	ContractCancelDateTime string
	AgreementNumber        string
}

// MdmServer is the fake's own view of one device management service.
// LastConnectedDateTime / LastConnectedIP "" means the keys are omitted.
type MdmServer struct {
	ID                     string
	ServerName             string
	ServerType             string
	Status                 string
	EnableMdmDisownFlag    bool
	DefaultProductFamilies []string
	DeviceCount            int // unreleased devices assigned to it
	LastConnectedDateTime  string
	LastConnectedIP        string
	CreatedDateTime        string
	UpdatedDateTime        string
	DeviceSerials          []string // in E8 order
}

// get is the value of the attribute key (or its alias).
func (d Device) get(key string) value {
	if d.t == nil {
		return value{}
	}
	i, ok := d.t.index[key]
	if !ok {
		return value{}
	}
	return d.vals[i]
}

// SerialNumber is the device's serial number, its id.
func (d Device) SerialNumber() string { return d.get("serialNumber").s }

// Value is the string the device sends for attribute key ("status",
// "releasedFromOrgDateTime", …); "" when the key is omitted or null, or not
// a string attribute.
func (d Device) Value(key string) string { return d.get(key).s }

// Strings is the list the device sends for an array attribute ("imei",
// "ethernetMacAddress"), or the addresses of a MAC attribute whether sent as
// a string or an array; nil when the key is omitted or null.
func (d Device) Strings(key string) []string { return slices.Clone(d.get(key).list) }

// Bool is the boolean the device sends for attribute key; false when the key
// is omitted or null.
func (d Device) Bool(key string) bool { return d.get(key).b }

// HasAttribute reports whether E2 sends the key (an explicit null counts as sent).
// Use the documented spelling "purchaseSourceId" even when the device misspells it.
func (d Device) HasAttribute(key string) bool { return d.get(key).presence != keyOmitted }

// IsNull reports whether E2 sends the key as an explicit null.
func (d Device) IsNull(key string) bool { return d.get(key).presence == keyNull }

// clone is d with copies of its slices, for a caller to keep.
func (d Device) clone() Device {
	d.vals = slices.Clone(d.vals)
	for i := range d.vals {
		d.vals[i].list = slices.Clone(d.vals[i].list)
	}
	d.AppleCareCoverage = slices.Clone(d.AppleCareCoverage)
	return d
}

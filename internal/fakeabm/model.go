package fakeabm

// Device is the fake's own view of one org device, for test assertions. String
// fields hold "" when Apple sends nothing; use HasAttribute / IsNull to tell an
// omitted key from an explicit null or an empty string.
type Device struct {
	SerialNumber                 string
	AddedToOrgDateTime           string
	ReleasedFromOrgDateTime      string // set only for released devices; sent only by E2
	UpdatedDateTime              string
	DeviceModel                  string
	ProductFamily                string
	ProductType                  string
	DeviceCapacity               string
	PartNumber                   string
	OrderNumber                  string
	Color                        string
	Status                       string
	OrderDateTime                string
	IMEI                         []string
	MEID                         []string
	EID                          string
	PurchaseSourceID             string
	PurchaseSourceType           string
	WifiMacAddress               []string
	BluetoothMacAddress          []string
	EthernetMacAddress           []string
	IsMdmMigrationCapable        bool
	MdmMigrationStatus           string
	MdmMigrationDeadlineDateTime string

	// How the JSON carries some values: Apple documents the MACs as strings but
	// has been seen sending arrays, and its example misspells purchaseSourceUid.
	WifiMacAddressIsArray      bool
	BluetoothMacAddressIsArray bool
	PurchaseSourceIDMisspelled bool

	AssignedServerID  string // "" when unassigned
	Released          bool   // left out of the E1 list and of E8 linkages
	AppleCareCoverage []AppleCareCoverage

	omit attrSet // device attributes whose key is left out of the JSON
	null attrSet // device attributes whose key is sent as null
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

// Device attribute keys, in the order Apple's example writes them.
const (
	aSerialNumber = iota
	aAddedToOrgDateTime
	aReleasedFromOrgDateTime
	aUpdatedDateTime
	aDeviceModel
	aProductFamily
	aProductType
	aDeviceCapacity
	aPartNumber
	aOrderNumber
	aColor
	aStatus
	aOrderDateTime
	aIMEI
	aMEID
	aEID
	aPurchaseSourceID
	aPurchaseSourceType
	aWifiMacAddress
	aBluetoothMacAddress
	aEthernetMacAddress
	aIsMdmMigrationCapable
	aMdmMigrationStatus
	aMdmMigrationDeadlineDateTime
	nDeviceAttrs
)

var deviceAttrNames = [nDeviceAttrs]string{
	"serialNumber", "addedToOrgDateTime", "releasedFromOrgDateTime", "updatedDateTime",
	"deviceModel", "productFamily", "productType", "deviceCapacity", "partNumber",
	"orderNumber", "color", "status", "orderDateTime", "imei", "meid", "eid",
	"purchaseSourceId", "purchaseSourceType", "wifiMacAddress", "bluetoothMacAddress",
	"ethernetMacAddress", "isMdmMigrationCapable", "mdmMigrationStatus",
	"mdmMigrationDeadlineDateTime",
}

func deviceAttrIndex(name string) int {
	for i, n := range deviceAttrNames {
		if n == name {
			return i
		}
	}
	return -1
}

// HasAttribute reports whether E2 sends the key (an explicit null counts as sent).
// Use the documented spelling "purchaseSourceId" even when the device misspells it.
func (d Device) HasAttribute(name string) bool {
	i := deviceAttrIndex(name)
	return i >= 0 && !d.omit.has(i)
}

// IsNull reports whether E2 sends the key as an explicit null.
func (d Device) IsNull(name string) bool {
	i := deviceAttrIndex(name)
	if i < 0 || d.omit.has(i) {
		return false
	}
	if i == aReleasedFromOrgDateTime && d.ReleasedFromOrgDateTime == "" {
		return true
	}
	return d.null.has(i)
}

// omitAllBut builds an omit set leaving only the given attributes in.
func omitAllBut(keep ...int) attrSet {
	var all attrSet
	for k := range nDeviceAttrs {
		all = all.with(k)
	}
	return all.minus(attrSetOf(keep...))
}

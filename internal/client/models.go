package client

// OrgDevice is one device of the organization (JSON:API type orgDevices; the
// id is the serial number). Every attribute may be absent or null.
type OrgDevice struct {
	ID                           string
	SerialNumber                 Field[string]
	AddedToOrgDateTime           Field[string]
	ReleasedFromOrgDateTime      Field[string]
	UpdatedDateTime              Field[string]
	DeviceModel                  Field[string]
	ProductFamily                Field[string]
	ProductType                  Field[string]
	DeviceCapacity               Field[string]
	PartNumber                   Field[string]
	OrderNumber                  Field[string]
	Color                        Field[string]
	Status                       Field[string]
	OrderDateTime                Field[string]
	IMEI                         Field[[]string]
	MEID                         Field[[]string]
	EID                          Field[string]
	PurchaseSourceID             Field[string]
	PurchaseSourceType           Field[string]
	WifiMacAddress               Field[MACList]
	BluetoothMacAddress          Field[MACList]
	EthernetMacAddress           Field[MACList]
	IsMdmMigrationCapable        Field[bool]
	MdmMigrationStatus           Field[string]
	MdmMigrationDeadlineDateTime Field[string]
}

// orgDeviceAttributes is the JSON shape of OrgDevice.attributes.
type orgDeviceAttributes struct {
	SerialNumber                 Field[string]   `json:"serialNumber"`
	AddedToOrgDateTime           Field[string]   `json:"addedToOrgDateTime"`
	ReleasedFromOrgDateTime      Field[string]   `json:"releasedFromOrgDateTime"`
	UpdatedDateTime              Field[string]   `json:"updatedDateTime"`
	DeviceModel                  Field[string]   `json:"deviceModel"`
	ProductFamily                Field[string]   `json:"productFamily"`
	ProductType                  Field[string]   `json:"productType"`
	DeviceCapacity               Field[string]   `json:"deviceCapacity"`
	PartNumber                   Field[string]   `json:"partNumber"`
	OrderNumber                  Field[string]   `json:"orderNumber"`
	Color                        Field[string]   `json:"color"`
	Status                       Field[string]   `json:"status"`
	OrderDateTime                Field[string]   `json:"orderDateTime"`
	IMEI                         Field[[]string] `json:"imei"`
	MEID                         Field[[]string] `json:"meid"`
	EID                          Field[string]   `json:"eid"`
	PurchaseSourceID             Field[string]   `json:"purchaseSourceId"`
	PurchaseSourceUID            Field[string]   `json:"purchaseSourceUid"` // the misspelling in Apple's example JSON
	PurchaseSourceType           Field[string]   `json:"purchaseSourceType"`
	WifiMacAddress               Field[MACList]  `json:"wifiMacAddress"`
	BluetoothMacAddress          Field[MACList]  `json:"bluetoothMacAddress"`
	EthernetMacAddress           Field[MACList]  `json:"ethernetMacAddress"`
	IsMdmMigrationCapable        Field[bool]     `json:"isMdmMigrationCapable"`
	MdmMigrationStatus           Field[string]   `json:"mdmMigrationStatus"`
	MdmMigrationDeadlineDateTime Field[string]   `json:"mdmMigrationDeadlineDateTime"`
}

type resource[A any] struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Attributes A      `json:"attributes"`
}

type orgDeviceResource = resource[orgDeviceAttributes]

func toOrgDevice(r *orgDeviceResource) *OrgDevice {
	a := &r.Attributes
	d := &OrgDevice{
		ID:                           r.ID,
		SerialNumber:                 a.SerialNumber,
		AddedToOrgDateTime:           a.AddedToOrgDateTime,
		ReleasedFromOrgDateTime:      a.ReleasedFromOrgDateTime,
		UpdatedDateTime:              a.UpdatedDateTime,
		DeviceModel:                  a.DeviceModel,
		ProductFamily:                a.ProductFamily,
		ProductType:                  a.ProductType,
		DeviceCapacity:               a.DeviceCapacity,
		PartNumber:                   a.PartNumber,
		OrderNumber:                  a.OrderNumber,
		Color:                        a.Color,
		Status:                       a.Status,
		OrderDateTime:                a.OrderDateTime,
		IMEI:                         a.IMEI,
		MEID:                         a.MEID,
		EID:                          a.EID,
		PurchaseSourceID:             a.PurchaseSourceID,
		PurchaseSourceType:           a.PurchaseSourceType,
		WifiMacAddress:               a.WifiMacAddress,
		BluetoothMacAddress:          a.BluetoothMacAddress,
		EthernetMacAddress:           a.EthernetMacAddress,
		IsMdmMigrationCapable:        a.IsMdmMigrationCapable,
		MdmMigrationStatus:           a.MdmMigrationStatus,
		MdmMigrationDeadlineDateTime: a.MdmMigrationDeadlineDateTime,
	}
	// Prefer the documented key; fall back to the misspelled one.
	if !d.PurchaseSourceID.Valid && a.PurchaseSourceUID.Valid {
		d.PurchaseSourceID = a.PurchaseSourceUID
	}
	// The serial number is the id; Apple may leave the attribute out of a
	// sparse answer.
	if !d.SerialNumber.Valid && r.ID != "" {
		d.SerialNumber = Field[string]{Present: true, Valid: true, Value: r.ID}
	}
	return d
}

// MdmServer is one device-management service of the organization (JSON:API
// type mdmServers).
type MdmServer struct {
	ID                     string
	ServerName             Field[string]
	ServerType             Field[string]
	Status                 Field[string]
	DeviceCount            Field[int64]
	EnableMdmDisownFlag    Field[bool]
	DefaultProductFamilies Field[[]string]
	LastConnectedDateTime  Field[string]
	LastConnectedIP        Field[string]
	CreatedDateTime        Field[string]
	UpdatedDateTime        Field[string]
}

type mdmServerAttributes struct {
	ServerName             Field[string]   `json:"serverName"`
	ServerType             Field[string]   `json:"serverType"`
	Status                 Field[string]   `json:"status"`
	DeviceCount            Field[int64]    `json:"deviceCount"`
	EnableMdmDisownFlag    Field[bool]     `json:"enableMdmDisownFlag"`
	DefaultProductFamilies Field[[]string] `json:"defaultProductFamilies"`
	LastConnectedDateTime  Field[string]   `json:"lastConnectedDateTime"`
	LastConnectedIP        Field[string]   `json:"lastConnectedIp"`
	CreatedDateTime        Field[string]   `json:"createdDateTime"`
	UpdatedDateTime        Field[string]   `json:"updatedDateTime"`
}

type mdmServerResource = resource[mdmServerAttributes]

func toMdmServer(r *mdmServerResource) *MdmServer {
	a := &r.Attributes
	return &MdmServer{
		ID:                     r.ID,
		ServerName:             a.ServerName,
		ServerType:             a.ServerType,
		Status:                 a.Status,
		DeviceCount:            a.DeviceCount,
		EnableMdmDisownFlag:    a.EnableMdmDisownFlag,
		DefaultProductFamilies: a.DefaultProductFamilies,
		LastConnectedDateTime:  a.LastConnectedDateTime,
		LastConnectedIP:        a.LastConnectedIP,
		CreatedDateTime:        a.CreatedDateTime,
		UpdatedDateTime:        a.UpdatedDateTime,
	}
}

// linkage is a JSON:API resource identifier.
type linkage struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// page is one page of a JSON:API list.
type page[T any] struct {
	Data  []T `json:"data"`
	Links struct {
		Self string `json:"self"`
		Next string `json:"next"`
	} `json:"links"`
	Meta struct {
		Paging struct {
			Limit      int    `json:"limit"`
			NextCursor string `json:"nextCursor"`
			Total      *int64 `json:"total"`
		} `json:"paging"`
	} `json:"meta"`
}

// single is a response holding one resource, or null.
type single[T any] struct {
	Data *T `json:"data"`
}

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

type resource[A any] struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Attributes A      `json:"attributes"`
}

func (r *resource[A]) itemID() string { return r.ID }

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

func (l *linkage) itemID() string { return l.ID }

// page is one page of a JSON:API list.
type page[T any] struct {
	Data *[]T `json:"data"` // nil when Apple left it out or sent null

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

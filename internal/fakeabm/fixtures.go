package fakeabm

// Fixture MDM servers and devices always exist, first in list order, with the
// same values for every seed: tests assert them literally, and each one carries a
// quirk seen live (array MACs, the purchaseSourceUid typo, omitted keys, nulls,
// a released device, a server that never connected).

const (
	fixtureServerProduction   = "1F97349736CF4614A94F624E705841AD"
	fixtureServerConfigurator = "2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"
	fixtureServerLegacy       = "3C6D1F108F2E4D8BA04C7B2E3F506B7C"
)

func fixtureServers() []MdmServer {
	return []MdmServer{
		{
			ID: fixtureServerProduction, ServerName: "Production MDM", ServerType: "MDM",
			Status: "ACTIVE", DefaultProductFamilies: []string{"IPAD", "IPHONE", "MAC"},
			LastConnectedDateTime: "2026-06-01T08:14:23Z", LastConnectedIP: "203.0.113.5",
			CreatedDateTime: "2025-05-01T03:21:44Z", UpdatedDateTime: "2026-05-12T11:02:18Z",
		},
		{
			ID: fixtureServerConfigurator, ServerName: "Apple Configurator", ServerType: "APPLE_CONFIGURATOR",
			Status: "ACTIVE", DefaultProductFamilies: []string{},
			CreatedDateTime: "2025-06-02T10:00:00.5Z", UpdatedDateTime: "2025-06-02T10:00:00.5Z",
		},
		{
			ID: fixtureServerLegacy, ServerName: "Legacy MDM", ServerType: "APPLE_MDM",
			Status: "INACTIVE", EnableMdmDisownFlag: true, DefaultProductFamilies: []string{"MAC"},
			LastConnectedDateTime: "2025-01-15T09:30:00.12Z", LastConnectedIP: "198.51.100.7",
			CreatedDateTime: "2024-11-01T12:00:00Z", UpdatedDateTime: "2025-01-15T09:30:00.12Z",
		},
	}
}

var migrationAttrs = attrSetOf(aIsMdmMigrationCapable, aMdmMigrationStatus, aMdmMigrationDeadlineDateTime)

func fixtureDevices() []Device {
	return []Device{
		{ // Apple's own example document (README.md, "Apple's example documents"), unchanged.
			SerialNumber: "XABC123X0ABC123X0", AddedToOrgDateTime: "2025-04-30T22:05:14.192Z",
			UpdatedDateTime: "2025-05-01T15:33:54.164Z", DeviceModel: `iMac 21.5"`,
			ProductFamily: "Mac", ProductType: "iMac16,2", DeviceCapacity: "750GB",
			PartNumber: "FD311LL/A", OrderNumber: "1234567890", Color: "SILVER",
			Status: "UNASSIGNED", OrderDateTime: "2011-08-15T07:00:00Z",
			IMEI: []string{"123456789012345"}, MEID: []string{"12345678901237"},
			EID: "89049037640158663184237812557346", PurchaseSourceID: "-2085650007946880",
			PurchaseSourceType: "APPLE", WifiMacAddress: []string{"a4:83:e7:00:00:01"},
			BluetoothMacAddress: []string{"a4:83:e7:00:00:02"},
			EthernetMacAddress:  []string{"a4:83:e7:00:00:03"},
			AppleCareCoverage: []AppleCareCoverage{
				{ID: "H2WVKX7Q9N", Status: "ACTIVE", PaymentType: "PAID_UP_FRONT",
					Description: "AppleCare+ for Business", StartDateTime: "2025-04-30T00:00:00Z",
					EndDateTime: "2028-04-29T00:00:00Z"},
				{ID: "K8PLQ2M4R7", Status: "ACTIVE", PaymentType: "SUBSCRIPTION",
					Description: "AppleCare+ for Business (monthly)", StartDateTime: "2025-05-01T00:00:00Z",
					IsRenewable: true, AgreementNumber: "AG-104233"},
			},
			omit: migrationAttrs,
		},
		{ // MACs as arrays, the purchaseSourceUid typo, an empty colour, migration fields.
			SerialNumber: "XARRAYMAC0001", AddedToOrgDateTime: "2025-09-01T12:00:00Z",
			UpdatedDateTime: "2026-02-03T04:05:06.7Z", DeviceModel: "iPhone 15 Pro",
			ProductFamily: "iPhone", ProductType: "iPhone16,1", DeviceCapacity: "256GB",
			PartNumber: "MTUV3LL/A", OrderNumber: "ORD-0001", Color: "", Status: "ASSIGNED",
			OrderDateTime: "2025-08-30T00:00:00Z",
			IMEI:          []string{"356789012345678", "356789012345679"},
			MEID:          []string{"35678901234567"}, EID: "89049032000000000000000000000001",
			PurchaseSourceID: "1234567", PurchaseSourceIDMisspelled: true, PurchaseSourceType: "RESELLER",
			WifiMacAddress: []string{"f0:18:98:00:00:01", "f0:18:98:00:00:02"}, WifiMacAddressIsArray: true,
			BluetoothMacAddress: []string{"f0:18:98:00:00:03"}, BluetoothMacAddressIsArray: true,
			IsMdmMigrationCapable: true, MdmMigrationStatus: "STARTED",
			MdmMigrationDeadlineDateTime: "2026-12-31T23:59:59.5Z",
			AssignedServerID:             fixtureServerProduction,
			AppleCareCoverage:            []AppleCareCoverage{},
			omit:                         attrSetOf(aEthernetMacAddress),
		},
		{ // Almost nothing: Apple may omit any key, or send null.
			SerialNumber: "XSPARSE00001", AddedToOrgDateTime: "2024-01-02T03:04:05Z",
			UpdatedDateTime: "2024-01-02T03:04:05Z", ProductFamily: "Watch", Status: "UNASSIGNED",
			PurchaseSourceType: "MANUALLY_ADDED", WifiMacAddress: []string{""},
			AppleCareCoverage: []AppleCareCoverage{},
			omit: omitAllBut(aSerialNumber, aAddedToOrgDateTime, aUpdatedDateTime, aProductFamily,
				aStatus, aPurchaseSourceType, aDeviceModel, aWifiMacAddress),
			null: attrSetOf(aDeviceModel),
		},
		{ // Released: only E2 knows it.
			SerialNumber: "XRELEASED0001", AddedToOrgDateTime: "2023-05-05T05:05:05Z",
			ReleasedFromOrgDateTime: "2026-03-01T10:00:00Z", UpdatedDateTime: "2026-03-01T10:00:00Z",
			DeviceModel: "MacBook Air (M2)", ProductFamily: "Mac", ProductType: "Mac14,2",
			DeviceCapacity: "256GB", PartNumber: "MLY33LL/A", OrderNumber: "ORD-0004",
			Color: "MIDNIGHT", Status: "UNASSIGNED", OrderDateTime: "2023-05-01T07:00:00Z",
			PurchaseSourceID: "-2085650007946880", PurchaseSourceType: "APPLE",
			WifiMacAddress: []string{"3c:22:fb:00:00:41"}, BluetoothMacAddress: []string{"3c:22:fb:00:00:42"},
			Released: true, AppleCareCoverage: []AppleCareCoverage{},
			omit: migrationAttrs.with(aIMEI, aMEID, aEID, aEthernetMacAddress),
		},
		{ // Assigned to the Apple Configurator server; string MACs plus an ethernet array.
			SerialNumber: "XAPPLETV0001", AddedToOrgDateTime: "2025-10-10T10:10:10.25Z",
			UpdatedDateTime: "2025-10-11T09:00:00Z", DeviceModel: "Apple TV 4K",
			ProductFamily: "AppleTV", ProductType: "AppleTV14,1", DeviceCapacity: "128GB",
			PartNumber: "MN893LL/A", OrderNumber: "ORD-0005", Color: "BLACK", Status: "ASSIGNED",
			OrderDateTime: "2025-10-01T07:00:00Z", PurchaseSourceID: "-2085650007946880",
			PurchaseSourceType: "APPLE", WifiMacAddress: []string{"a4:83:e7:11:22:33"},
			BluetoothMacAddress: []string{"a4:83:e7:11:22:34"},
			EthernetMacAddress:  []string{"a4:83:e7:11:22:35"},
			AssignedServerID:    fixtureServerConfigurator,
			AppleCareCoverage:   []AppleCareCoverage{},
			omit:                migrationAttrs.with(aIMEI, aMEID, aEID),
		},
	}
}

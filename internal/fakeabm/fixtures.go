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

// fixtureDevices are the fixture devices with the attributes of table, each
// written as Apple's JSON has it (deviceTable.device): a key not given is left
// out.
func fixtureDevices(t *deviceTable) []Device {
	return []Device{
		// Apple's own example document (README.md, "Apple's example documents"), unchanged.
		t.device(Device{AppleCareCoverage: []AppleCareCoverage{
			{ID: "H2WVKX7Q9N", Status: "ACTIVE", PaymentType: "PAID_UP_FRONT",
				Description: "AppleCare+ for Business", StartDateTime: "2025-04-30T00:00:00Z",
				EndDateTime: "2028-04-29T00:00:00Z"},
			{ID: "K8PLQ2M4R7", Status: "ACTIVE", PaymentType: "SUBSCRIPTION",
				Description: "AppleCare+ for Business (monthly)", StartDateTime: "2025-05-01T00:00:00Z",
				IsRenewable: true, AgreementNumber: "AG-104233"},
		}}, map[string]any{
			"serialNumber": "XABC123X0ABC123X0", "addedToOrgDateTime": "2025-04-30T22:05:14.192Z",
			"releasedFromOrgDateTime": nil, "updatedDateTime": "2025-05-01T15:33:54.164Z",
			"deviceModel": `iMac 21.5"`, "productFamily": "Mac", "productType": "iMac16,2",
			"deviceCapacity": "750GB", "partNumber": "FD311LL/A", "orderNumber": "1234567890",
			"color": "SILVER", "status": "UNASSIGNED", "orderDateTime": "2011-08-15T07:00:00Z",
			"imei": []string{"123456789012345"}, "meid": []string{"12345678901237"},
			"eid": "89049037640158663184237812557346", "purchaseSourceId": "-2085650007946880",
			"purchaseSourceType": "APPLE", "wifiMacAddress": "a4:83:e7:00:00:01",
			"bluetoothMacAddress": "a4:83:e7:00:00:02", "ethernetMacAddress": []string{"a4:83:e7:00:00:03"},
		}),
		// MACs as arrays, the purchaseSourceUid typo, an empty colour, migration fields.
		t.device(Device{AssignedServerID: fixtureServerProduction, AppleCareCoverage: []AppleCareCoverage{}}, map[string]any{
			"serialNumber": "XARRAYMAC0001", "addedToOrgDateTime": "2025-09-01T12:00:00Z",
			"releasedFromOrgDateTime": nil, "updatedDateTime": "2026-02-03T04:05:06.7Z",
			"deviceModel": "iPhone 15 Pro", "productFamily": "iPhone", "productType": "iPhone16,1",
			"deviceCapacity": "256GB", "partNumber": "MTUV3LL/A", "orderNumber": "ORD-0001",
			"color": "", "status": "ASSIGNED", "orderDateTime": "2025-08-30T00:00:00Z",
			"imei": []string{"356789012345678", "356789012345679"}, "meid": []string{"35678901234567"},
			"eid": "89049032000000000000000000000001", "purchaseSourceUid": "1234567",
			"purchaseSourceType": "RESELLER", "wifiMacAddress": []string{"f0:18:98:00:00:01", "f0:18:98:00:00:02"},
			"bluetoothMacAddress": []string{"f0:18:98:00:00:03"}, "isMdmMigrationCapable": true,
			"mdmMigrationStatus": "STARTED", "mdmMigrationDeadlineDateTime": "2026-12-31T23:59:59.5Z",
		}),
		// Almost nothing: Apple may omit any key, or send null.
		t.device(Device{AppleCareCoverage: []AppleCareCoverage{}}, map[string]any{
			"serialNumber": "XSPARSE00001", "addedToOrgDateTime": "2024-01-02T03:04:05Z",
			"updatedDateTime": "2024-01-02T03:04:05Z", "deviceModel": nil, "productFamily": "Watch",
			"status": "UNASSIGNED", "purchaseSourceType": "MANUALLY_ADDED", "wifiMacAddress": "",
		}),
		// Released: only E2 knows it.
		t.device(Device{Released: true, AppleCareCoverage: []AppleCareCoverage{}}, map[string]any{
			"serialNumber": "XRELEASED0001", "addedToOrgDateTime": "2023-05-05T05:05:05Z",
			"releasedFromOrgDateTime": "2026-03-01T10:00:00Z", "updatedDateTime": "2026-03-01T10:00:00Z",
			"deviceModel": "MacBook Air (M2)", "productFamily": "Mac", "productType": "Mac14,2",
			"deviceCapacity": "256GB", "partNumber": "MLY33LL/A", "orderNumber": "ORD-0004",
			"color": "MIDNIGHT", "status": "UNASSIGNED", "orderDateTime": "2023-05-01T07:00:00Z",
			"purchaseSourceId": "-2085650007946880", "purchaseSourceType": "APPLE",
			"wifiMacAddress": "3c:22:fb:00:00:41", "bluetoothMacAddress": "3c:22:fb:00:00:42",
		}),
		// Assigned to the Apple Configurator server; string MACs plus an ethernet array.
		t.device(Device{AssignedServerID: fixtureServerConfigurator, AppleCareCoverage: []AppleCareCoverage{}}, map[string]any{
			"serialNumber": "XAPPLETV0001", "addedToOrgDateTime": "2025-10-10T10:10:10.25Z",
			"releasedFromOrgDateTime": nil, "updatedDateTime": "2025-10-11T09:00:00Z",
			"deviceModel": "Apple TV 4K", "productFamily": "AppleTV", "productType": "AppleTV14,1",
			"deviceCapacity": "128GB", "partNumber": "MN893LL/A", "orderNumber": "ORD-0005",
			"color": "BLACK", "status": "ASSIGNED", "orderDateTime": "2025-10-01T07:00:00Z",
			"purchaseSourceId": "-2085650007946880", "purchaseSourceType": "APPLE",
			"wifiMacAddress": "a4:83:e7:11:22:33", "bluetoothMacAddress": "a4:83:e7:11:22:34",
			"ethernetMacAddress": []string{"a4:83:e7:11:22:35"},
		}),
	}
}

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func strs(v ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(v))
	for i, s := range v {
		checks[i] = knownvalue.StringExact(s)
	}
	return knownvalue.ListExact(checks)
}

func TestAccOrgDevicesDataSource(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 11, Devices: 1200, Servers: 3})
	listed := 0
	for _, d := range env.fake.Devices() {
		if !d.Released {
			listed++
		}
	}
	devices := tfjsonpath.New("devices")
	addr := "data.abm_org_devices.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_org_devices" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, devices, knownvalue.ListSizeExact(listed)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("serial_numbers"), knownvalue.ListSizeExact(listed)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("serial_numbers").AtSliceIndex(0), knownvalue.StringExact("XABC123X0ABC123X0")),
				// Apple's documented example device, attribute for attribute.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"serial_number":                    knownvalue.StringExact("XABC123X0ABC123X0"),
					"added_to_org_date_time":           knownvalue.StringExact("2025-04-30T22:05:14.192Z"),
					"released_from_org_date_time":      knownvalue.Null(),
					"updated_date_time":                knownvalue.StringExact("2025-05-01T15:33:54.164Z"),
					"device_model":                     knownvalue.StringExact(`iMac 21.5"`),
					"product_family":                   knownvalue.StringExact("Mac"),
					"product_type":                     knownvalue.StringExact("iMac16,2"),
					"device_capacity":                  knownvalue.StringExact("750GB"),
					"part_number":                      knownvalue.StringExact("FD311LL/A"),
					"order_number":                     knownvalue.StringExact("1234567890"),
					"color":                            knownvalue.StringExact("SILVER"),
					"status":                           knownvalue.StringExact("UNASSIGNED"),
					"order_date_time":                  knownvalue.StringExact("2011-08-15T07:00:00Z"),
					"imei":                             strs("123456789012345"),
					"meid":                             strs("12345678901237"),
					"eid":                              knownvalue.StringExact("89049037640158663184237812557346"),
					"purchase_source_id":               knownvalue.StringExact("-2085650007946880"),
					"purchase_source_type":             knownvalue.StringExact("APPLE"),
					"wifi_mac_address":                 knownvalue.StringExact("a4:83:e7:00:00:01"),
					"bluetooth_mac_address":            knownvalue.StringExact("a4:83:e7:00:00:02"),
					"ethernet_mac_address":             strs("a4:83:e7:00:00:03"),
					"is_mdm_migration_capable":         knownvalue.Null(),
					"mdm_migration_status":             knownvalue.Null(),
					"mdm_migration_deadline_date_time": knownvalue.Null(),
					"assigned_server_id":               knownvalue.Null(),
				})),
				// MACs sent as arrays, the misspelled purchaseSourceUid, an empty color, migration fields.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"serial_number":                    knownvalue.StringExact("XARRAYMAC0001"),
					"added_to_org_date_time":           knownvalue.StringExact("2025-09-01T12:00:00Z"),
					"released_from_org_date_time":      knownvalue.Null(),
					"updated_date_time":                knownvalue.StringExact("2026-02-03T04:05:06.7Z"),
					"device_model":                     knownvalue.StringExact("iPhone 15 Pro"),
					"product_family":                   knownvalue.StringExact("iPhone"),
					"product_type":                     knownvalue.StringExact("iPhone16,1"),
					"device_capacity":                  knownvalue.StringExact("256GB"),
					"part_number":                      knownvalue.StringExact("MTUV3LL/A"),
					"order_number":                     knownvalue.StringExact("ORD-0001"),
					"color":                            knownvalue.StringExact(""),
					"status":                           knownvalue.StringExact("ASSIGNED"),
					"order_date_time":                  knownvalue.StringExact("2025-08-30T00:00:00Z"),
					"imei":                             strs("356789012345678", "356789012345679"),
					"meid":                             strs("35678901234567"),
					"eid":                              knownvalue.StringExact("89049032000000000000000000000001"),
					"purchase_source_id":               knownvalue.StringExact("1234567"),
					"purchase_source_type":             knownvalue.StringExact("RESELLER"),
					"wifi_mac_address":                 knownvalue.StringExact("f0:18:98:00:00:01,f0:18:98:00:00:02"),
					"bluetooth_mac_address":            knownvalue.StringExact("f0:18:98:00:00:03"),
					"ethernet_mac_address":             knownvalue.ListExact([]knownvalue.Check{}),
					"is_mdm_migration_capable":         knownvalue.Bool(true),
					"mdm_migration_status":             knownvalue.StringExact("STARTED"),
					"mdm_migration_deadline_date_time": knownvalue.StringExact("2026-12-31T23:59:59.5Z"),
					"assigned_server_id":               knownvalue.Null(),
				})),
				// Keys Apple left out are null, an explicit null is null, "" stays "", lists are empty.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(2), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"serial_number":                    knownvalue.StringExact("XSPARSE00001"),
					"added_to_org_date_time":           knownvalue.StringExact("2024-01-02T03:04:05Z"),
					"released_from_org_date_time":      knownvalue.Null(),
					"updated_date_time":                knownvalue.StringExact("2024-01-02T03:04:05Z"),
					"device_model":                     knownvalue.Null(),
					"product_family":                   knownvalue.StringExact("Watch"),
					"product_type":                     knownvalue.Null(),
					"device_capacity":                  knownvalue.Null(),
					"part_number":                      knownvalue.Null(),
					"order_number":                     knownvalue.Null(),
					"color":                            knownvalue.Null(),
					"status":                           knownvalue.StringExact("UNASSIGNED"),
					"order_date_time":                  knownvalue.Null(),
					"imei":                             knownvalue.ListExact([]knownvalue.Check{}),
					"meid":                             knownvalue.ListExact([]knownvalue.Check{}),
					"eid":                              knownvalue.Null(),
					"purchase_source_id":               knownvalue.Null(),
					"purchase_source_type":             knownvalue.StringExact("MANUALLY_ADDED"),
					"wifi_mac_address":                 knownvalue.StringExact(""),
					"bluetooth_mac_address":            knownvalue.Null(),
					"ethernet_mac_address":             knownvalue.ListExact([]knownvalue.Check{}),
					"is_mdm_migration_capable":         knownvalue.Null(),
					"mdm_migration_status":             knownvalue.Null(),
					"mdm_migration_deadline_date_time": knownvalue.Null(),
					"assigned_server_id":               knownvalue.Null(),
				})),
				// The released fixture is not in the list: the next one is the Apple TV.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(3).AtMapKey("serial_number"), knownvalue.StringExact("XAPPLETV0001")),
			},
		}},
	})
}

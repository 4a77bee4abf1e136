package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Fixture managed devices (internal/fakeabm/mdm_devices.go).
const (
	mdMac    = "a1f4e1c2-0d53-4a8e-9c61-3f0b7e5d2a01" // XABC123X0ABC123X0, every attribute
	mdMac2   = "b7e2c9d4-1a3f-4e5b-8c7d-6e5f4a3b2c02" // XMACBOOK0002
	mdPhone  = "c3d8f0a6-2b4c-4d6e-9f80-7a6b5c4d3e03" // XARRAYMAC0001, no user
	mdSparse = "d9a0b1c2-3e4f-4a5b-8c6d-7e8f9a0b1c04" // XSPARSE00001, nothing but family
)

// mdmMacFull is the fixture Mac with its details, every attribute.
func mdmMacFull() map[string]knownvalue.Check {
	return map[string]knownvalue.Check{
		"id":                      knownvalue.StringExact(mdMac),
		"serial_number":           knownvalue.StringExact("XABC123X0ABC123X0"),
		"device_name":             knownvalue.StringExact("Reception iMac"),
		"product_family":          knownvalue.StringExact("Mac"),
		"enrolled_user_id":        knownvalue.StringExact("2d5c7a10-6f4e-4b1a-9e3d-8c2b1a0f9e01"),
		"device_model":            knownvalue.StringExact(`iMac 21.5"`),
		"os_version":              knownvalue.StringExact("15.5"),
		"platform":                knownvalue.StringExact("macOS"),
		"imei":                    knownvalue.ListExact([]knownvalue.Check{}),
		"meid":                    knownvalue.ListExact([]knownvalue.Check{}),
		"wifi_mac_address":        knownvalue.StringExact("a4:83:e7:00:00:01"),
		"bluetooth_mac_address":   knownvalue.StringExact("a4:83:e7:00:00:02"),
		"ethernet_mac_address":    knownvalue.StringExact("a4:83:e7:00:00:03"),
		"last_check_in_date_time": knownvalue.StringExact("2026-06-30T08:15:00.25Z"),
		"is_firewall_enabled":     knownvalue.Bool(true),
		"is_file_vault_enabled":   knownvalue.Bool(true),
		"storage_free_capacity":   knownvalue.Int64Exact(412316860416),
		"storage_total_capacity":  knownvalue.Int64Exact(499963174912),
		"device_lock_status":      knownvalue.StringExact("UNLOCKED"),
		"device_erase_status":     knownvalue.StringExact("NOT_ERASED"),
		"lost_mode_status":        knownvalue.StringExact("DISABLED"),
	}
}

// withoutDetails keeps a device's own attributes and makes every detail
// attribute null, as a list without include_details shows it.
func withoutDetails(full map[string]knownvalue.Check) map[string]knownvalue.Check {
	out := map[string]knownvalue.Check{}
	for k, v := range full {
		switch k {
		case "id", "serial_number", "device_name", "product_family", "enrolled_user_id":
			out[k] = v
		default:
			out[k] = knownvalue.Null()
		}
	}
	return out
}

// mdmSparse is the sparse iPad with its details read: nulls, and empty
// lists for imei and meid.
func mdmSparse() map[string]knownvalue.Check {
	out := withoutDetails(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(mdSparse), "serial_number": knownvalue.StringExact("XSPARSE00001"),
		"device_name": knownvalue.Null(), "product_family": knownvalue.StringExact("iPad"), "enrolled_user_id": knownvalue.Null(),
	})
	for k := range mdmMacFull() {
		if _, ok := out[k]; !ok {
			out[k] = knownvalue.Null()
		}
	}
	out["imei"] = knownvalue.ListExact([]knownvalue.Check{})
	out["meid"] = knownvalue.ListExact([]knownvalue.Check{})
	return out
}

func TestAccMdmDevices(t *testing.T) {
	for _, missing := range []string{"absent", "null"} {
		t.Run(missing, func(t *testing.T) {
			env := newTestEnv(t, fakeabm.Options{})
			env.fake.SetUnsetAsNull(missing == "null")
			macFull := mdmMacFull()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: env.providerBlock("") + `
data "abm_mdm_devices" "all" {}
data "abm_mdm_devices" "macs" {
  product_families = ["Mac"]
  include_details  = true
}
data "abm_mdm_devices" "by_serial" {
  serial_numbers  = ["XSPARSE00001", "XARRAYMAC0001", "NOT-MANAGED"]
  include_details = true
}
data "abm_mdm_devices" "none" {
  product_families = ["mac"]
}
data "abm_mdm_device" "by_id" {
  id = "` + mdMac + `"
}
data "abm_mdm_device" "by_serial" {
  serial_number = "XSPARSE00001"
}
`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.abm_mdm_devices.all", tfjsonpath.New("mdm_devices"), knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(withoutDetails(macFull)),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(mdMac2), "is_file_vault_enabled": knownvalue.Null()}),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(mdPhone), "enrolled_user_id": knownvalue.Null()}),
							knownvalue.ObjectExact(withoutDetails(mdmSparse())),
						})),
						statecheck.ExpectKnownValue("data.abm_mdm_devices.macs", tfjsonpath.New("mdm_devices"), knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(macFull),
							knownvalue.ObjectPartial(map[string]knownvalue.Check{"serial_number": knownvalue.StringExact("XMACBOOK0002"),
								"ethernet_mac_address": knownvalue.Null(), "is_file_vault_enabled": knownvalue.Bool(true), "os_version": knownvalue.StringExact("15.4.1")}),
						})),
						// Apple's order, not the filter's; an unknown serial is simply absent.
						statecheck.ExpectKnownValue("data.abm_mdm_devices.by_serial", tfjsonpath.New("mdm_devices"), knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectPartial(map[string]knownvalue.Check{
								"serial_number": knownvalue.StringExact("XARRAYMAC0001"), "device_name": knownvalue.StringExact("Sales iPhone"),
								"imei":                  knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("356789012345678"), knownvalue.StringExact("356789012345679")}),
								"meid":                  knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("35678901234567")}),
								"is_file_vault_enabled": knownvalue.Null(), "is_firewall_enabled": knownvalue.Null(),
								"device_lock_status": knownvalue.StringExact("LOCKED"), "lost_mode_status": knownvalue.StringExact("ENABLED"),
								"platform": knownvalue.StringExact("iOS"), "storage_total_capacity": knownvalue.Int64Exact(256000000000),
							}),
							knownvalue.ObjectExact(mdmSparse()),
						})),
						// Product families pass through unvalidated and compare exactly.
						statecheck.ExpectKnownValue("data.abm_mdm_devices.none", tfjsonpath.New("mdm_devices"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectKnownValue("data.abm_mdm_device.by_id", tfjsonpath.New("serial_number"), knownvalue.StringExact("XABC123X0ABC123X0")),
						statecheck.ExpectKnownValue("data.abm_mdm_device.by_id", tfjsonpath.New("ethernet_mac_address"), knownvalue.StringExact("a4:83:e7:00:00:03")),
						statecheck.ExpectKnownValue("data.abm_mdm_device.by_id", tfjsonpath.New("storage_free_capacity"), knownvalue.Int64Exact(412316860416)),
						statecheck.ExpectKnownValue("data.abm_mdm_device.by_serial", tfjsonpath.New("id"), knownvalue.StringExact(mdSparse)),
						statecheck.ExpectKnownValue("data.abm_mdm_device.by_serial", tfjsonpath.New("os_version"), knownvalue.Null()),
						statecheck.ExpectKnownValue("data.abm_mdm_device.by_serial", tfjsonpath.New("imei"), knownvalue.ListExact([]knownvalue.Check{})),
					},
				}},
			})
			// One list walk per provider instance for all six data sources;
			// details once per device however many sources show it: the two
			// Macs, the iPhone, the iPad.
			expectPerRead(t, env.fake, map[string]int{fakeabm.RouteMdmDevices: 1, fakeabm.RouteMdmDeviceDetails: 4})
		})
	}
}

// expectPerRead checks request counts per provider instance: each Terraform
// command that reads starts one, which asks for exactly one token.
func expectPerRead(t *testing.T, f *fakeabm.Server, perRead map[string]int) {
	t.Helper()
	reads := f.Count(fakeabm.RouteToken)
	if reads == 0 {
		t.Fatal("no token requested")
	}
	for route, n := range perRead {
		if got := f.Count(route); got != reads*n {
			t.Errorf("%s requests = %d, want %d per read (%d reads)", route, got, n, reads)
		}
	}
}

func TestAccMdmDevicesErrors(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	f := env.fake
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock("") + `data "abm_mdm_device" "x" { serial_number = "NOT-MANAGED" }`,
				ExpectError: regexp.MustCompile(`(?s)Managed device not found.*no managed device with serial_number\s+"NOT-MANAGED".*XABC123X0ABC123X0`),
			},
			{
				Config:      env.providerBlock("") + `data "abm_mdm_device" "x" { id = "nope" }`,
				ExpectError: regexp.MustCompile(`(?s)Managed device not found.*with id "nope"`),
			},
			{
				Config:      env.providerBlock("") + `data "abm_mdm_device" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)No attribute specified`),
			},
			{
				Config:      env.providerBlock("") + `data "abm_mdm_device" "x" {` + "\n" + `id = "` + mdMac + `"` + "\n" + `serial_number = "XABC123X0ABC123X0"` + "\n}",
				ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Combination`),
			},
			{
				PreConfig:   func() { f.SetManagedDevicesOff("403") },
				Config:      env.providerBlock("") + `data "abm_mdm_devices" "x" {}`,
				ExpectError: regexp.MustCompile(`(?s)Apple refused access \(HTTP 403\).*Apple does not document which\s+privilege.*requires built-in device management.*to\s+be\s+turned\s+on`),
			},
			{
				PreConfig:   func() { f.SetManagedDevicesOff("404") },
				Config:      env.providerBlock("") + `data "abm_mdm_device" "x" { serial_number = "XABC123X0ABC123X0" }`,
				ExpectError: regexp.MustCompile(`(?s)HTTP 404.*GET /v1/mdmDevices`),
			},
			{
				PreConfig: func() { f.SetManagedDevicesOff("empty") },
				Config:    env.providerBlock("") + `data "abm_mdm_devices" "x" { include_details = true }`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.abm_mdm_devices.x", tfjsonpath.New("mdm_devices"), knownvalue.ListExact([]knownvalue.Check{})),
				},
			},
		},
	})
}

func TestAccMdmDevicesSchoolManager(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Scope: "school.api"})
	for _, cfg := range []string{`data "abm_mdm_devices" "x" {}`, `data "abm_mdm_device" "x" { serial_number = "XABC123X0ABC123X0" }`} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps: []resource.TestStep{{
				Config:      env.providerBlock("") + cfg,
				ExpectError: regexp.MustCompile(`(?s)needs Apple Business Manager.*No request was made`),
			}},
		})
	}
	if n := env.fake.Count(fakeabm.RouteMdmDevices) + env.fake.Count(fakeabm.RouteMdmDeviceDetails); n != 0 {
		t.Errorf("%d requests to managed-device endpoints from an Apple School Manager configuration", n)
	}
}

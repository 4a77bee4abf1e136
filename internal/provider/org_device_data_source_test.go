package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestAccOrgDeviceDataSource(t *testing.T) {
	for _, mode := range []string{"null", "404"} {
		t.Run("unassigned answered with "+mode, func(t *testing.T) {
			env := newTestEnv(t, fakeabm.Options{})
			env.fake.SetUnassignedLinkage(mode)
			ex := "data.abm_org_device.example"
			checks := []statecheck.StateCheck{
				statecheck.ExpectKnownValue(ex, tfjsonpath.New("serial_number"), knownvalue.StringExact("XABC123X0ABC123X0")),
				statecheck.ExpectKnownValue(ex, tfjsonpath.New("device_model"), knownvalue.StringExact(`iMac 21.5"`)),
				statecheck.ExpectKnownValue(ex, tfjsonpath.New("released_from_org_date_time"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ex, tfjsonpath.New("assigned_server_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue(ex, tfjsonpath.New("apple_care_coverage"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id":                        knownvalue.StringExact("H2WVKX7Q9N"),
						"status":                    knownvalue.StringExact("ACTIVE"),
						"payment_type":              knownvalue.StringExact("PAID_UP_FRONT"),
						"description":               knownvalue.StringExact("AppleCare+ for Business"),
						"start_date_time":           knownvalue.StringExact("2025-04-30T00:00:00Z"),
						"end_date_time":             knownvalue.StringExact("2028-04-29T00:00:00Z"),
						"is_renewable":              knownvalue.Bool(false),
						"is_canceled":               knownvalue.Bool(false),
						"contract_cancel_date_time": knownvalue.Null(),
						"agreement_number":          knownvalue.Null(),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id":                        knownvalue.StringExact("K8PLQ2M4R7"),
						"status":                    knownvalue.StringExact("ACTIVE"),
						"payment_type":              knownvalue.StringExact("SUBSCRIPTION"),
						"description":               knownvalue.StringExact("AppleCare+ for Business (monthly)"),
						"start_date_time":           knownvalue.StringExact("2025-05-01T00:00:00Z"),
						"end_date_time":             knownvalue.Null(),
						"is_renewable":              knownvalue.Bool(true),
						"is_canceled":               knownvalue.Bool(false),
						"contract_cancel_date_time": knownvalue.Null(),
						"agreement_number":          knownvalue.StringExact("AG-104233"),
					}),
				})),
				// Released devices are found by serial, with their release time.
				statecheck.ExpectKnownValue("data.abm_org_device.released", tfjsonpath.New("released_from_org_date_time"), knownvalue.StringExact("2026-03-01T10:00:00Z")),
				statecheck.ExpectKnownValue("data.abm_org_device.released", tfjsonpath.New("device_model"), knownvalue.StringExact("MacBook Air (M2)")),
				statecheck.ExpectKnownValue("data.abm_org_device.released", tfjsonpath.New("apple_care_coverage"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue("data.abm_org_device.assigned", tfjsonpath.New("assigned_server_id"), knownvalue.StringExact("1F97349736CF4614A94F624E705841AD")),
				statecheck.ExpectKnownValue("data.abm_org_device.assigned", tfjsonpath.New("wifi_mac_address"), knownvalue.StringExact("f0:18:98:00:00:01,f0:18:98:00:00:02")),
				statecheck.ExpectKnownValue("data.abm_org_device.assigned", tfjsonpath.New("ethernet_mac_address"), knownvalue.ListExact([]knownvalue.Check{})),
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: env.providerBlock("") + `
data "abm_org_device" "example" {
  serial_number = "XABC123X0ABC123X0"
}
data "abm_org_device" "released" {
  serial_number = "XRELEASED0001"
}
data "abm_org_device" "assigned" {
  serial_number = "XARRAYMAC0001"
}
`,
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}

func TestAccOrgDeviceNotFound(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	expectError(t, env.providerBlock("")+`data "abm_org_device" "x" { serial_number = "NOSUCHSERIAL1" }`,
		`(?s)Device not found.*no device with serial number "NOSUCHSERIAL1"`)
	expectError(t, env.providerBlock("")+`data "abm_org_device" "x" { serial_number = "" }`, `(?s)serial_number`)
}

// Only the device's own 404 means the serial is unknown; a 404 from the
// coverage call is reported as what it is.
func TestAccOrgDeviceCoverageErrorIsNotNotFound(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	env.fake.InjectFaults("appleCareCoverage", fakeabm.Fault{Status: 404})
	expectError(t, env.providerBlock("")+`data "abm_org_device" "x" { serial_number = "XABC123X0ABC123X0" }`,
		`(?s)Apple answered HTTP 404.*appleCareCoverage`)
}

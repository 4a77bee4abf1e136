package provider

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// expectSerials builds the exact list of serials, in Apple's order, of the
// listed devices that keep returns true for.
func expectSerials(f *fakeabm.Server, keep func(d fakeabm.Device) bool) knownvalue.Check {
	var checks []knownvalue.Check
	for _, d := range f.Devices() {
		if !d.Released && keep(d) {
			checks = append(checks, knownvalue.StringExact(d.SerialNumber()))
		}
	}
	return knownvalue.ListExact(checks)
}

func TestAccOrgDevicesFilters(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 21, Devices: 1300, Servers: 4})
	f := env.fake
	second := f.MdmServers()[3].ID // a generated server
	cfg := env.providerBlock("") + `
data "abm_org_devices" "macs" {
  product_families = ["Mac"]
}
data "abm_org_devices" "phones_and_tablets_unassigned" {
  product_families = ["iPhone", "iPad"]
  statuses         = ["UNASSIGNED"]
}
data "abm_org_devices" "resellers" {
  purchase_source_types = ["RESELLER"]
}
data "abm_org_devices" "by_serial" {
  serial_numbers = ["XAPPLETV0001", "XABC123X0ABC123X0", "XRELEASED0001", "NOT-IN-ABM"]
}
data "abm_org_devices" "on_servers" {
  mdm_server_ids = ["1F97349736CF4614A94F624E705841AD", "` + second + `"]
}
data "abm_org_devices" "combined" {
  mdm_server_ids   = ["1F97349736CF4614A94F624E705841AD"]
  product_families = ["iPhone"]
  statuses         = ["ASSIGNED"]
}
data "abm_org_devices" "with_servers" {
  include_assigned_server = true
}
output "macs" { value = data.abm_org_devices.macs.devices[*].serial_number }
output "ptu" { value = data.abm_org_devices.phones_and_tablets_unassigned.devices[*].serial_number }
output "resellers" { value = data.abm_org_devices.resellers.devices[*].serial_number }
output "by_serial" { value = data.abm_org_devices.by_serial.devices[*].serial_number }
output "on_servers" { value = data.abm_org_devices.on_servers.devices[*].serial_number }
output "combined" { value = data.abm_org_devices.combined.devices[*].serial_number }
output "assigned_ids" { value = [for d in data.abm_org_devices.with_servers.devices : d.assigned_server_id == null ? "" : d.assigned_server_id] }
`
	var assignedIDs []knownvalue.Check
	for _, d := range f.Devices() {
		if !d.Released {
			assignedIDs = append(assignedIDs, knownvalue.StringExact(d.AssignedServerID))
		}
	}
	prodOrSecond := []string{"1F97349736CF4614A94F624E705841AD", second}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("macs", expectSerials(f, func(d fakeabm.Device) bool { return d.Value("productFamily") == "Mac" })),
				statecheck.ExpectKnownOutputValue("ptu", expectSerials(f, func(d fakeabm.Device) bool {
					return (d.Value("productFamily") == "iPhone" || d.Value("productFamily") == "iPad") && d.Value("status") == "UNASSIGNED"
				})),
				statecheck.ExpectKnownOutputValue("resellers", expectSerials(f, func(d fakeabm.Device) bool { return d.Value("purchaseSourceType") == "RESELLER" })),
				statecheck.ExpectKnownOutputValue("by_serial", strs("XABC123X0ABC123X0", "XAPPLETV0001")),
				statecheck.ExpectKnownValue("data.abm_org_devices.by_serial", tfjsonpath.New("serial_numbers"), strs("XAPPLETV0001", "XABC123X0ABC123X0", "XRELEASED0001", "NOT-IN-ABM")),
				statecheck.ExpectKnownOutputValue("on_servers", expectSerials(f, func(d fakeabm.Device) bool { return slices.Contains(prodOrSecond, d.AssignedServerID) })),
				statecheck.ExpectKnownOutputValue("combined", expectSerials(f, func(d fakeabm.Device) bool {
					return d.AssignedServerID == "1F97349736CF4614A94F624E705841AD" && d.Value("productFamily") == "iPhone" && d.Value("status") == "ASSIGNED"
				})),
				statecheck.ExpectKnownOutputValue("assigned_ids", knownvalue.ListExact(assignedIDs)),
				statecheck.ExpectKnownValue("data.abm_org_devices.on_servers", tfjsonpath.New("devices").AtSliceIndex(0).AtMapKey("assigned_server_id"), knownvalue.StringExact("1F97349736CF4614A94F624E705841AD")),
			},
		}},
	})
}

func TestAccOrgDevicesFilterValidation(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	p := env.providerBlock("")
	expectError(t, p+`data "abm_org_devices" "x" { product_families = ["iPod"] }`, `(?s)iPhone.*iPad.*Mac.*AppleTV.*Watch.*Vision`)
	expectError(t, p+`data "abm_org_devices" "x" { statuses = ["RELEASED"] }`, `(?s)ASSIGNED.*UNASSIGNED`)
	expectError(t, p+`data "abm_org_devices" "x" { purchase_source_types = ["EBAY"] }`, `(?s)APPLE.*RESELLER.*MANUALLY_ADDED`)
	expectError(t, p+`data "abm_org_devices" "x" { serial_numbers = [""] }`, `(?s)serial_numbers`)
	expectError(t, p+`data "abm_org_devices" "x" { mdm_server_ids = [""] }`, `(?s)mdm_server_ids`)
}

// An assignment-aware list costs exactly 1 token + device pages + server
// pages + linkage pages per provider instance, never a request per device;
// and three device lists, a summary, the server list and the organization
// together cost no more than that one list: each collection is walked once.
// Every device data source — three lists, the summary, three indexes —
// shares one device walk and one set of linkage walks with the servers and
// the organization.
func TestAccOrgDevicesRequestCount(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 4, Devices: 2100, Servers: 5})
	f := env.fake
	listed := 0
	for _, d := range f.Devices() {
		if !d.Released {
			listed++
		}
	}
	linkagePages := 0
	for _, s := range f.MdmServers() {
		linkagePages += max(1, (len(s.DeviceSerials)+999)/1000)
	}
	devicePages := (listed + 999) / 1000
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_org_devices" "all" {
  include_assigned_server = true
}
data "abm_org_devices" "macs" {
  product_families = ["Mac"]
  mdm_server_ids   = ["1F97349736CF4614A94F624E705841AD"]
}
data "abm_org_devices" "unassigned" {
  statuses = ["UNASSIGNED"]
}
data "abm_org_device_summary" "fleet" {}
data "abm_mdm_servers" "all" {
  include_device_serials = true
}
data "abm_organization" "org" {}
data "abm_org_device_index" "server" {
  attribute = "assigned_server_id"
}
data "abm_org_device_index" "status" {
  attribute = "status"
}
data "abm_org_device_index" "mac_family" {
  attribute        = "product_family"
  product_families = ["Mac"]
}
`,
		}},
	})
	// Each Terraform command that reads starts a provider instance, which
	// asks for exactly one token; per instance the rest must be the bound.
	reads := f.Count("token")
	if reads == 0 {
		t.Fatal("no token requested")
	}
	want := map[string]int{
		"orgDevices":            reads * devicePages,
		"mdmServers":            reads * 1,
		"mdmServerDevices":      reads * linkagePages,
		"orgDevice":             0,
		"assignedServerLinkage": 0,
	}
	for route, n := range want {
		if got := f.Count(route); got != n {
			t.Errorf("%s requests = %d, want %d (%d reads)", route, got, n, reads)
		}
	}
	t.Logf("reads=%d counts=%v", reads, f.Counts())
}

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestAccMdmServersDataSource(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 3, Devices: 40, Servers: 2})
	var prodCount, configuratorCount int64
	for _, s := range env.fake.MdmServers() {
		switch s.ID {
		case "1F97349736CF4614A94F624E705841AD":
			prodCount = int64(len(s.DeviceSerials))
		case "2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B":
			configuratorCount = int64(s.DeviceCount)
		}
	}
	servers := tfjsonpath.New("mdm_servers")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_mdm_servers" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", servers, knownvalue.ListSizeExact(len(env.fake.MdmServers()))),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", servers.AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":                       knownvalue.StringExact("1F97349736CF4614A94F624E705841AD"),
					"server_name":              knownvalue.StringExact("Production MDM"),
					"server_type":              knownvalue.StringExact("MDM"),
					"status":                   knownvalue.StringExact("ACTIVE"),
					"device_count":             knownvalue.Int64Exact(prodCount),
					"enable_mdm_disown_flag":   knownvalue.Bool(false),
					"default_product_families": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("IPAD"), knownvalue.StringExact("IPHONE"), knownvalue.StringExact("MAC")}),
					"last_connected_date_time": knownvalue.StringExact("2026-06-01T08:14:23Z"),
					"last_connected_ip":        knownvalue.StringExact("203.0.113.5"),
					"created_date_time":        knownvalue.StringExact("2025-05-01T03:21:44Z"),
					"updated_date_time":        knownvalue.StringExact("2026-05-12T11:02:18Z"),
					"device_serial_numbers":    knownvalue.Null(),
				})),
				// Never connected: Apple leaves the keys out, so they are null; no families is an empty list.
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", servers.AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":                       knownvalue.StringExact("2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"),
					"server_name":              knownvalue.StringExact("Apple Configurator"),
					"server_type":              knownvalue.StringExact("APPLE_CONFIGURATOR"),
					"status":                   knownvalue.StringExact("ACTIVE"),
					"device_count":             knownvalue.Int64Exact(configuratorCount),
					"enable_mdm_disown_flag":   knownvalue.Bool(false),
					"default_product_families": knownvalue.ListExact([]knownvalue.Check{}),
					"last_connected_date_time": knownvalue.Null(),
					"last_connected_ip":        knownvalue.Null(),
					"created_date_time":        knownvalue.StringExact("2025-06-02T10:00:00.5Z"),
					"updated_date_time":        knownvalue.StringExact("2025-06-02T10:00:00.5Z"),
					"device_serial_numbers":    knownvalue.Null(),
				})),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", servers.AtSliceIndex(2).AtMapKey("status"), knownvalue.StringExact("INACTIVE")),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", servers.AtSliceIndex(2).AtMapKey("enable_mdm_disown_flag"), knownvalue.Bool(true)),
			},
		}},
	})
	if n := env.fake.Count("mdmServers"); n < 1 {
		t.Errorf("the fake served %d server pages", n)
	}
}

func TestAccMdmServersFilters(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 5, Devices: 1500, Servers: 6})
	var active, mdmActive []knownvalue.Check
	for _, s := range env.fake.MdmServers() {
		if s.Status == "ACTIVE" {
			active = append(active, knownvalue.StringExact(s.ID))
			if s.ServerType == "MDM" {
				mdmActive = append(mdmActive, knownvalue.StringExact(s.ID))
			}
		}
	}
	var prodSerials []knownvalue.Check
	for _, serial := range env.fake.MdmServers()[0].DeviceSerials {
		prodSerials = append(prodSerials, knownvalue.StringExact(serial))
	}
	cfg := env.providerBlock("") + `
data "abm_mdm_servers" "active" {
  statuses = ["ACTIVE"]
}
data "abm_mdm_servers" "active_mdm" {
  statuses     = ["ACTIVE"]
  server_types = ["MDM"]
}
data "abm_mdm_servers" "configurators" {
  server_types           = ["APPLE_CONFIGURATOR"]
  include_device_serials = true
}
data "abm_mdm_servers" "with_serials" {
  include_device_serials = true
}
output "active_ids" { value = data.abm_mdm_servers.active.mdm_servers[*].id }
output "active_mdm_ids" { value = data.abm_mdm_servers.active_mdm.mdm_servers[*].id }
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("active_ids", knownvalue.ListExact(active)),
				statecheck.ExpectKnownOutputValue("active_mdm_ids", knownvalue.ListExact(mdmActive)),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.configurators", tfjsonpath.New("mdm_servers"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.configurators", tfjsonpath.New("mdm_servers").AtSliceIndex(0).AtMapKey("device_serial_numbers"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("XAPPLETV0001")})),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.with_serials", tfjsonpath.New("mdm_servers").AtSliceIndex(0).AtMapKey("device_serial_numbers"), knownvalue.ListExact(prodSerials)),
				// The inactive legacy server has no devices: an empty list, not null.
				statecheck.ExpectKnownValue("data.abm_mdm_servers.with_serials", tfjsonpath.New("mdm_servers").AtSliceIndex(2).AtMapKey("device_serial_numbers"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccMdmServersFilterValidation(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	expectError(t, env.providerBlock("")+`data "abm_mdm_servers" "x" { statuses = ["RUNNING"] }`, `(?s)ACTIVE.*INACTIVE.*DELETED`)
	expectError(t, env.providerBlock("")+`data "abm_mdm_servers" "x" { server_types = ["JAMF"] }`, `(?s)MDM.*APPLE_CONFIGURATOR.*APPLE_MDM`)
}

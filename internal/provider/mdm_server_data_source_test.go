package provider

import (
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestAccMdmServerDataSource(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 9, Devices: 2300, Servers: 2})
	prod := env.fake.MdmServers()[0]
	serials := make([]knownvalue.Check, len(prod.DeviceSerials))
	for i, s := range prod.DeviceSerials {
		serials[i] = knownvalue.StringExact(s)
	}
	legacy := map[string]knownvalue.Check{
		"id":                       knownvalue.StringExact("3C6D1F108F2E4D8BA04C7B2E3F506B7C"),
		"server_name":              knownvalue.StringExact("Legacy MDM"),
		"server_type":              knownvalue.StringExact("APPLE_MDM"),
		"status":                   knownvalue.StringExact("INACTIVE"),
		"device_count":             knownvalue.Int64Exact(0),
		"enable_mdm_disown_flag":   knownvalue.Bool(true),
		"default_product_families": strs("MAC"),
		"last_connected_date_time": knownvalue.StringExact("2025-01-15T09:30:00.12Z"),
		"last_connected_ip":        knownvalue.StringExact("198.51.100.7"),
		"created_date_time":        knownvalue.StringExact("2024-11-01T12:00:00Z"),
		"updated_date_time":        knownvalue.StringExact("2025-01-15T09:30:00.12Z"),
		"device_serial_numbers":    knownvalue.ListExact([]knownvalue.Check{}),
	}
	var checks []statecheck.StateCheck
	for name, c := range legacy {
		checks = append(checks, statecheck.ExpectKnownValue("data.abm_mdm_server.legacy", tfjsonpath.New(name), c))
	}
	checks = append(checks,
		statecheck.ExpectKnownValue("data.abm_mdm_server.by_id", tfjsonpath.New("server_name"), knownvalue.StringExact("Production MDM")),
		statecheck.ExpectKnownValue("data.abm_mdm_server.by_id", tfjsonpath.New("device_serial_numbers"), knownvalue.ListExact(serials)),
		statecheck.ExpectKnownValue("data.abm_mdm_server.by_id", tfjsonpath.New("device_count"), knownvalue.Int64Exact(int64(len(prod.DeviceSerials)))),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_mdm_server" "legacy" {
  server_name = "Legacy MDM"
}
data "abm_mdm_server" "by_id" {
  id = "1F97349736CF4614A94F624E705841AD"
}
`,
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccMdmServerLookupErrors(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Servers: 3, SharedServerName: "Campus MDM"})
	p := env.providerBlock("")
	expectError(t, p+`data "abm_mdm_server" "x" { id = "NOPE" }`, `(?s)MDM server not found.*no MDM server with id "NOPE".*Production MDM`)
	expectError(t, p+`data "abm_mdm_server" "x" { server_name = "Nope" }`, `(?s)MDM server not found.*no MDM server with server_name "Nope".*Campus MDM`)
	expectError(t, p+`data "abm_mdm_server" "x" {}`, `(?s)Invalid Attribute Combination.*id.*server_name`)
	expectError(t, p+`data "abm_mdm_server" "x" {
  id          = "1F97349736CF4614A94F624E705841AD"
  server_name = "Production MDM"
}`, `(?s)Invalid Attribute Combination`)
	var ids []string
	for _, s := range env.fake.MdmServers()[3:] {
		ids = append(ids, s.ID)
	}
	sort.Strings(ids) // the message lists them sorted
	expectError(t, p+`data "abm_mdm_server" "x" { server_name = "Campus MDM" }`,
		`(?s)Several MDM servers have this server name.*3\s+MDM\s+servers\s+have\s+server_name\s+"Campus\s+MDM":\s+`+
			strings.Join(ids, `,\s+`)+`\.\s+Look\s+it\s+up\s+by\s+.id.\s+instead`)
}

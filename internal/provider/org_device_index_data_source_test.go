package provider

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Every device attribute can be indexed, and each index holds, for every
// listed device, exactly the value the device list shows (booleans as
// "true"/"false", lists joined with ","), null where the list has null.
// The comparison runs in HCL over all attributes and devices; the fixtures'
// literal values, nulls included, are asserted beside it.
func TestAccOrgDeviceIndexMatchesTheDeviceList(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 9, Devices: 400, Servers: 3})
	names := indexableAttributes()
	cfg := env.providerBlock("") + `
locals {
  names = ` + hclList(names) + `
}
data "abm_org_devices" "all" {
  include_assigned_server = true
}
` + indexBlocks(names) + `
locals {
  by = {` + indexMap(names) + `}
  list = { for d in data.abm_org_devices.all.devices : d.serial_number => d }
  expected = { for a in local.names : a => {
    for s, d in local.list : s => (
      d[a] == null ? null : can(join(",", d[a])) ? join(",", d[a]) : tostring(d[a])
    )
  } }
}
output "mismatches" {
  value = join("; ", flatten([for a in local.names : [
    for s, want in local.expected[a] : "${a}/${s}=${coalesce(try(local.by[a].values[s], "NOT LISTED"), "NULL")} want ${coalesce(want, "NULL")}" if try(local.by[a].values[s], "NOT LISTED") != want
  ]]))
}
output "sizes_match" {
  value = alltrue([for a in local.names : length(local.by[a].values) == length(local.list)])
}
output "listed" { value = length(local.list) }
output "fixtures" {
  value = { for k, v in {
    server_arr   = local.by["assigned_server_id"].values["XARRAYMAC0001"]
    server_abc   = local.by["assigned_server_id"].values["XABC123X0ABC123X0"]
    wifi_arr     = local.by["wifi_mac_address"].values["XARRAYMAC0001"]
    color_arr    = local.by["color"].values["XARRAYMAC0001"]
    migrate_arr  = local.by["is_mdm_migration_capable"].values["XARRAYMAC0001"]
    imei_abc     = local.by["imei"].values["XABC123X0ABC123X0"]
    part_sparse  = local.by["part_number"].values["XSPARSE00001"]
    model_sparse = local.by["device_model"].values["XSPARSE00001"]
    released_abc = local.by["released_from_org_date_time"].values["XABC123X0ABC123X0"]
    serial_tv    = local.by["serial_number"].values["XAPPLETV0001"]
  } : k => v == null ? "NULL" : v }
}
output "has_sparse" { value = contains(keys(local.by["part_number"].values), "XSPARSE00001") }
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("mismatches", knownvalue.StringExact("")),
				statecheck.ExpectKnownOutputValue("sizes_match", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("listed", knownvalue.Int64Func(func(n int64) error {
					if n < 300 {
						return errorf("only %d devices listed", n)
					}
					return nil
				})),
				statecheck.ExpectKnownOutputValue("fixtures", knownvalue.MapExact(map[string]knownvalue.Check{
					"server_arr":   knownvalue.StringExact("1F97349736CF4614A94F624E705841AD"),
					"server_abc":   knownvalue.StringExact("NULL"),
					"wifi_arr":     knownvalue.StringExact("f0:18:98:00:00:01,f0:18:98:00:00:02"),
					"color_arr":    knownvalue.StringExact(""),
					"migrate_arr":  knownvalue.StringExact("true"),
					"imei_abc":     knownvalue.StringExact("123456789012345"),
					"part_sparse":  knownvalue.StringExact("NULL"),
					"model_sparse": knownvalue.StringExact("NULL"),
					"released_abc": knownvalue.StringExact("NULL"),
					"serial_tv":    knownvalue.StringExact("XAPPLETV0001"),
				})),
				statecheck.ExpectKnownOutputValue("has_sparse", knownvalue.Bool(true)),
			},
		}},
	})
}

// The filters of abm_org_devices select the same devices in an index.
func TestAccOrgDeviceIndexFilters(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 21, Devices: 900, Servers: 4})
	cfg := env.providerBlock("") + `
` + filterPairs() + `
locals {
  lists = { macs = data.abm_org_devices.macs, unassigned = data.abm_org_devices.unassigned, resellers = data.abm_org_devices.resellers, on_prod = data.abm_org_devices.on_prod, serials = data.abm_org_devices.serials }
  idx   = { macs = data.abm_org_device_index.macs, unassigned = data.abm_org_device_index.unassigned, resellers = data.abm_org_device_index.resellers, on_prod = data.abm_org_device_index.on_prod, serials = data.abm_org_device_index.serials }
}
output "same" {
  value = { for k in keys(local.idx) : k => sort(keys(local.idx[k].values)) == sort(local.lists[k].devices[*].serial_number) }
}
output "counts" {
  value = { for k in keys(local.idx) : k => length(local.idx[k].values) }
}
`
	nonEmpty := knownvalue.Int64Func(func(n int64) error {
		if n == 0 {
			return errorf("no device passed")
		}
		return nil
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("same", knownvalue.MapExact(map[string]knownvalue.Check{
					"macs": knownvalue.Bool(true), "unassigned": knownvalue.Bool(true), "resellers": knownvalue.Bool(true),
					"on_prod": knownvalue.Bool(true), "serials": knownvalue.Bool(true),
				})),
				statecheck.ExpectKnownOutputValue("counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"macs": nonEmpty, "unassigned": nonEmpty, "resellers": nonEmpty, "on_prod": nonEmpty,
					"serials": knownvalue.Int64Exact(1),
				})),
			},
		}},
	})
}

// An attribute name that is not a device attribute is refused at plan,
// before any request, with the names that are.
func TestAccOrgDeviceIndexRefusesUnknownAttribute(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_org_device_index" "x" {
  attribute = "warranty_status"
}
`,
			ExpectError: regexp.MustCompile(`(?s)Invalid Attribute Value Match.*attribute.*assigned_server_id.*serial_number`),
		}},
	})
	if n := env.fake.Count("token"); n != 0 {
		t.Errorf("%d token requests for a configuration refused at plan", n)
	}
}

// indexBlocks is one abm_org_device_index per attribute name, each named
// for its attribute (for_each would do, but the test harness cannot read
// states of data sources with string instance keys).
func indexBlocks(names []string) string {
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "data \"abm_org_device_index\" %q {\n  attribute = %q\n}\n", n, n)
	}
	return b.String()
}

// indexMap is an HCL object from attribute name to its index data source.
func indexMap(names []string) string {
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "\n    %s = data.abm_org_device_index.%s", n, n)
	}
	return b.String() + "\n  "
}

// filterPairs is an abm_org_devices and an abm_org_device_index with the
// same filters, for each filter alone and two combined.
func filterPairs() string {
	filters := map[string]string{
		"macs":       `product_families = ["Mac"]`,
		"unassigned": "product_families = [\"iPhone\", \"iPad\"]\n  statuses = [\"UNASSIGNED\"]",
		"resellers":  `purchase_source_types = ["RESELLER"]`,
		"on_prod":    `mdm_server_ids = ["1F97349736CF4614A94F624E705841AD"]`,
		"serials":    `serial_numbers = ["XAPPLETV0001", "XRELEASED0001", "NOT-IN-ABM"]`,
	}
	var b strings.Builder
	for name, f := range filters {
		fmt.Fprintf(&b, "data \"abm_org_devices\" %q {\n  %s\n}\n", name, f)
		fmt.Fprintf(&b, "data \"abm_org_device_index\" %q {\n  attribute = \"status\"\n  %s\n}\n", name, f)
	}
	return b.String()
}

// hclList writes strings as an HCL list.
func hclList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

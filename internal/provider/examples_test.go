package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// The tests in this file execute the committed examples against the fake Apple, as
// a user would run them: provider "abm" {} configured from ABM_* variables. Fixture
// values asserted here are in internal/fakeabm/fixtures.go.

const (
	exProduction   = "1F97349736CF4614A94F624E705841AD" // "Production MDM", ACTIVE
	exConfigurator = "2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B" // "Apple Configurator", ACTIVE
	exLegacy       = "3C6D1F108F2E4D8BA04C7B2E3F506B7C" // "Legacy MDM", INACTIVE
)

// dataSourceExample is examples/provider/provider.tf followed by one data source's
// example: the provider example supplies required_providers and the empty provider
// block, so every data-source test also runs the provider example.
func dataSourceExample(t *testing.T, typeName string) string {
	return readExample(t, "provider/provider.tf") + "\n" + readExample(t, filepath.Join("data-sources", typeName, "data-source.tf"))
}

// testDataSourceExample applies examples/data-sources/<typeName> against the
// fake's fixtures, configured from the environment as a user would, and
// checks its outputs.
func testDataSourceExample(t *testing.T, typeName string, checks ...statecheck.StateCheck) {
	t.Helper()
	exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:            dataSourceExample(t, typeName),
			ConfigStateChecks: checks,
		}},
	})
}

func exStr(s string) knownvalue.Check { return knownvalue.StringExact(s) }

func exList(items ...knownvalue.Check) knownvalue.Check {
	if items == nil {
		items = []knownvalue.Check{}
	}
	return knownvalue.ListExact(items)
}

func exOutput(name string, c knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue(name, c)
}

func TestAccExampleDataSourceOrganization(t *testing.T) {
	testDataSourceExample(t, "abm_organization",
		exOutput("organization", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":       exStr("780420"),
			"name":     exStr("Example Corp"),
			"type":     exStr("org"),
			"email":    exStr("it@example.com"),
			"admin_id": exStr("it-admin@example.com"),
		})),
		exOutput("mdm_server_count", knownvalue.Int64Exact(3)),
	)
}

func TestAccExampleDataSourceMdmServers(t *testing.T) {
	testDataSourceExample(t, "abm_mdm_servers",
		exOutput("mdm_server_names", exList(exStr("Production MDM"), exStr("Apple Configurator"), exStr("Legacy MDM"))),
		exOutput("active_mdm_servers", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"Production MDM": knownvalue.ObjectExact(map[string]knownvalue.Check{
				"id":                exStr(exProduction),
				"device_count":      knownvalue.Int64Exact(1),
				"last_connected_at": exStr("2026-06-01T08:14:23Z"),
			}),
		})),
	)
}

func TestAccExampleDataSourceMdmServer(t *testing.T) {
	testDataSourceExample(t, "abm_mdm_server",
		exOutput("production_mdm", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":             exStr(exProduction),
			"status":         exStr("ACTIVE"),
			"device_count":   knownvalue.Int64Exact(1),
			"device_serials": exList(exStr("XARRAYMAC0001")),
		})),
		exOutput("by_id_server_name", exStr("Apple Configurator")),
	)
}

func TestAccExampleDataSourceOrgDevices(t *testing.T) {
	testDataSourceExample(t, "abm_org_devices",
		exOutput("unassigned_mac_serials", exList(exStr("XABC123X0ABC123X0"))),
		exOutput("production_mdm_device_count", knownvalue.Int64Exact(1)),
		exOutput("reseller_devices_by_server", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"XARRAYMAC0001": exStr(exProduction),
		})),
	)
}

func TestAccExampleDataSourceOrgDevice(t *testing.T) {
	testDataSourceExample(t, "abm_org_device",
		exOutput("imac", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"model":              exStr(`iMac 21.5"`),
			"status":             exStr("UNASSIGNED"),
			"assigned_server_id": knownvalue.Null(),
			"released":           knownvalue.Bool(false),
		})),
		exOutput("imac_apple_care", exList(
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"description": exStr("AppleCare+ for Business"),
				"status":      exStr("ACTIVE"),
				"ends":        exStr("2028-04-29T00:00:00Z"),
			}),
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"description": exStr("AppleCare+ for Business (monthly)"),
				"status":      exStr("ACTIVE"),
				"ends":        knownvalue.Null(),
			}),
		)),
	)
}

func TestAccExampleDataSourceOrgDeviceSummary(t *testing.T) {
	testDataSourceExample(t, "abm_org_device_summary",
		statecheck.ExpectKnownOutputValueAtPath("fleet_summary", tfjsonpath.New("total"), knownvalue.Int64Exact(4)),
		statecheck.ExpectKnownOutputValueAtPath("fleet_summary", tfjsonpath.New("unassigned"), knownvalue.Int64Exact(2)),
		statecheck.ExpectKnownOutputValueAtPath("fleet_summary", tfjsonpath.New("by_mdm_server"), knownvalue.MapExact(map[string]knownvalue.Check{
			exProduction:   knownvalue.Int64Exact(1),
			exConfigurator: knownvalue.Int64Exact(1),
			exLegacy:       knownvalue.Int64Exact(0),
		})),
	)
}

// TestAccExampleDemo runs what `make demo` applies, on the fixture organization
// with its audit trail anchored at the start of the test (as cmd/fakeabm
// -audit-anchor does for the demo) and one Mac with FileVault and the firewall
// off, so every output has something to count. The trail also holds 50 generated
// events, months older than its newest once moved: the last day must leave them out.
func TestAccExampleDemo(t *testing.T) {
	f := exampleEnv(t, fakeabm.Options{AuditEvents: 50})
	f.AnchorAuditEvents(time.Now())
	f.SetManagedDeviceSecurity("XMACBOOK0002", false, false)
	count := func(m map[string]int64) knownvalue.Check {
		c := map[string]knownvalue.Check{}
		for k, v := range m {
			c[k] = knownvalue.Int64Exact(v)
		}
		return knownvalue.MapExact(c)
	}
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "demo")),
			ConfigStateChecks: []statecheck.StateCheck{
				exOutput("devices", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"total":     knownvalue.Int64Exact(4),
					"by_family": count(map[string]int64{"Mac": 1, "iPhone": 1, "Watch": 1, "AppleTV": 1}),
					"by_status": count(map[string]int64{"ASSIGNED": 2, "UNASSIGNED": 2}),
				})),
				exOutput("mdm_servers", exList(exStr("Production MDM: ACTIVE, 1 device"),
					exStr("Apple Configurator: ACTIVE, 1 device"), exStr("Legacy MDM: INACTIVE, 0 devices"))),
				exOutput("users", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"total":                knownvalue.Int64Exact(9),
					"organizational_units": knownvalue.Int64Exact(3),
					"by_role_and_unit": count(map[string]int64{
						"Administrator in Example Corp": 1, "Administrator in Engineering": 1,
						"People Manager in Sales": 1, "Staff in Engineering": 2, "Staff in Sales": 2,
						"Content Manager in Sales": 1, "Device API Manager in Example Corp": 1,
					}),
				})),
				exOutput("built_in_management", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"enrolled":       knownvalue.Int64Exact(4),
					"file_vault_off": exList(exStr("XMACBOOK0002")),
					"firewall_off":   exList(exStr("XMACBOOK0002")),
				})),
				exOutput("activation_lock", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"serial_number": exStr("XABC123X0ABC123X0"),
					"is_locked":     knownvalue.Bool(true),
					"lock_type":     exStr("MDM"),
				})),
				// AE-HIST-3 and AE-HIST-4, the move of XAPPLETV0001, are the trail's last day.
				exOutput("audit_events_last_day", count(map[string]int64{
					"DEVICE_UNASSIGNED_FROM_SERVER": 1, "DEVICE_ASSIGNED_TO_SERVER": 1,
				})),
			},
		}},
	})
}

// exAllPolicies are the check blocks of examples/policy-checks in the order of
// its job summary's table.
var exAllPolicies = []string{
	"purchased_devices_assigned", "no_devices_on_inactive_servers", "devices_on_expected_server", "applecare_not_ending",
	"blueprints_have_app_licenses", "macs_filevault_and_firewall", "no_personal_activation_lock",
	"no_external_administrators", "administrators_in_admin_group", "api_role_holders_within_threshold",
}

// policySummary is the table that opens examples/policy-checks' job summary, with
// these violation counts (0 for a policy not named).
func policySummary(violations map[string]int) string {
	var b strings.Builder
	b.WriteString("## Apple Business policy checks\n\n| Policy | Violations |\n| --- | ---: |\n")
	for _, p := range exAllPolicies {
		fmt.Fprintf(&b, "| %s | %d |\n", p, violations[p])
	}
	return b.String()
}

var exPolicyChecks = []string{
	"purchased_devices_assigned",
	"no_devices_on_inactive_servers",
	"devices_on_expected_server",
	"applecare_not_ending",
}

func exAllChecks(status tfjson.CheckStatus) expectCheckBlocks {
	e := expectCheckBlocks{}
	for _, name := range exPolicyChecks {
		e[name] = status
	}
	return e
}

// exMessages matches the given messages in order, wherever the CLI wrapped their lines.
func exMessages(msgs ...string) *regexp.Regexp {
	parts := make([]string, len(msgs))
	for i, m := range msgs {
		parts[i] = strings.Join(strings.Fields(regexp.QuoteMeta(m)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

func exStrings(values ...string) config.Variable {
	vars := make([]config.Variable, len(values))
	for i, v := range values {
		vars[i] = config.StringVariable(v)
	}
	return config.ListVariable(vars...)
}

// TestAccExamplePolicyChecksViolating runs examples/policy-checks against a fleet
// that breaks every policy:
//   - XABC123X0ABC123X0 was bought from Apple and is UNASSIGNED;
//   - the Apple Configurator server is reported INACTIVE (the fake's SetServerStatus) while
//     XAPPLETV0001 is still assigned to it;
//   - the variables expect AppleTVs on Production MDM, and XAPPLETV0001 is not;
//   - XABC123X0ABC123X0's AppleCare+ ends on 2028-04-29, inside a 100-year window
//     (chosen so the case does not depend on today's date).
//
// Every check block must fail (a warning: the apply succeeds), the violations output
// must list exactly those devices, and with enforce = true the plan must fail.
func TestAccExamplePolicyChecksViolating(t *testing.T) {
	exampleEnv(t, fakeabm.Options{}).SetServerStatus(exConfigurator, "INACTIVE")
	vars := config.Variables{
		"expected_server_by_family": config.MapVariable(map[string]config.Variable{"AppleTV": config.StringVariable(exProduction)}),
		"applecare_serials":         exStrings("XABC123X0ABC123X0"),
		"applecare_window_days":     config.IntegerVariable(36500),
	}
	enforced := config.Variables{"enforce": config.BoolVariable(true)}
	for k, v := range vars {
		enforced[k] = v
	}
	dir := config.StaticDirectory(filepath.Join(examplesDir, "policy-checks"))
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables:          vars,
				ConfigStateChecks: []statecheck.StateCheck{
					exAllChecks(tfjson.CheckStatusFail),
					exOutput("violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"unassigned_purchased": exList(exStr("XABC123X0ABC123X0")),
						"on_inactive_server": exList(knownvalue.ObjectExact(map[string]knownvalue.Check{
							"serial_number": exStr("XAPPLETV0001"),
							"server_id":     exStr(exConfigurator),
							"server_name":   exStr("Apple Configurator"),
						})),
						"wrong_server": exList(knownvalue.ObjectExact(map[string]knownvalue.Check{
							"serial_number":  exStr("XAPPLETV0001"),
							"product_family": exStr("AppleTV"),
							"expected":       exStr(exProduction),
							"actual":         exStr(exConfigurator),
						})),
						"applecare_ending": exList(knownvalue.ObjectExact(map[string]knownvalue.Check{
							"serial_number": exStr("XABC123X0ABC123X0"),
							"coverage_id":   exStr("H2WVKX7Q9N"),
							"description":   exStr("AppleCare+ for Business"),
							"end_date_time": exStr("2028-04-29T00:00:00Z"),
						})),
					})),
					exOutput("violation_count", knownvalue.Int64Exact(4)),
					exOutput("compliant", knownvalue.Bool(false)),
					exOutput("summary_markdown", exStr(policySummary(map[string]int{
						"purchased_devices_assigned": 1, "no_devices_on_inactive_servers": 1,
						"devices_on_expected_server": 1, "applecare_not_ending": 1,
					})+`
### purchased_devices_assigned

- XABC123X0ABC123X0

### no_devices_on_inactive_servers

- XAPPLETV0001 (Apple Configurator)

### devices_on_expected_server

- XAPPLETV0001 (AppleTV: `+exConfigurator+`, expected `+exProduction+`)

### applecare_not_ending

- XABC123X0ABC123X0 H2WVKX7Q9N (2028-04-29T00:00:00Z)
`)),
				},
			},
			{
				// The gate: the same fleet with enforce = true stops the plan, and the
				// error names the offending devices.
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables:          enforced,
				ExpectError: exMessages(
					"purchased devices not assigned to an MDM server: XABC123X0ABC123X0",
					"devices assigned to an INACTIVE MDM server: XAPPLETV0001",
					"devices not on their product family's MDM server: XAPPLETV0001",
					"AppleCare coverage ending within 36500 days: XABC123X0ABC123X0",
				),
			},
		},
	})
}

// TestAccExamplePolicyChecksClean runs examples/policy-checks against the fake's
// own fleet with variables under which nothing violates: the unassigned iMac is
// exempt (a spare kept on purpose), the family map matches where the iPhone and the
// Apple TV are, the AppleCare list holds devices without coverage, and the INACTIVE
// Legacy MDM server holds no device. Every check passes and the gate lets the plan
// through.
func TestAccExamplePolicyChecksClean(t *testing.T) {
	exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "policy-checks")),
			ConfigVariables: config.Variables{
				"exempt_serials": exStrings("XABC123X0ABC123X0"),
				"expected_server_by_family": config.MapVariable(map[string]config.Variable{
					"iPhone":  config.StringVariable(exProduction),
					"AppleTV": config.StringVariable(exConfigurator),
				}),
				"applecare_serials":     exStrings("XARRAYMAC0001", "XAPPLETV0001"),
				"applecare_window_days": config.IntegerVariable(36500),
				"enforce":               config.BoolVariable(true),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				exAllChecks(tfjson.CheckStatusPass),
				exOutput("violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"unassigned_purchased": exList(),
					"on_inactive_server":   exList(),
					"wrong_server":         exList(),
					"applecare_ending":     exList(),
				})),
				exOutput("violation_count", knownvalue.Int64Exact(0)),
				exOutput("compliant", knownvalue.Bool(true)),
				exOutput("summary_markdown", exStr(policySummary(nil)+"\nCompliant: no policy is violated.\n")),
			},
		}},
	})
}

// driftSummaryHead is the job summary's table for the inventory of
// TestAccExampleDriftReport: two missing, one unexpected, two wrongly assigned.
const driftSummaryHead = `## Apple Business drift report

| Difference | Devices |
| --- | ---: |
| Missing (in the inventory, not listed by Apple) | 2 |
| Unexpected (listed by Apple, not in the inventory) | 1 |
| Wrongly assigned (on another MDM server than the inventory's) | 2 |
`

// TestAccExampleDriftReport compares a CSV holding one case of each kind with the
// fake's fixtures (XABC123X0ABC123X0 unassigned, XARRAYMAC0001 on Production MDM,
// XSPARSE00001 unassigned, XAPPLETV0001 on Apple Configurator; XRELEASED0001 is
// released, so Apple does not list it). The CSV has spaces around its fields (trimmed)
// and a row without a serial number (ignored); one listing a serial twice is refused.
func TestAccExampleDriftReport(t *testing.T) {
	exampleEnv(t, fakeabm.Options{})
	csv := filepath.Join(t.TempDir(), "inventory.csv")
	if err := os.WriteFile(csv, []byte(`serial_number,mdm_server_id
 XABC123X0ABC123X0 , `+exProduction+`
XARRAYMAC0001,`+exProduction+"\r"+`
XAPPLETV0001,	`+exProduction+`
,`+exProduction+`
XRELEASED0001,`+exProduction+`
XNOTINABM0001 ,
`), 0o600); err != nil {
		t.Fatal(err)
	}
	duplicated := filepath.Join(t.TempDir(), "duplicated.csv")
	if err := os.WriteFile(duplicated, []byte("serial_number,mdm_server_id\nXARRAYMAC0001,\nXARRAYMAC0001,"+exProduction+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := config.StaticDirectory(filepath.Join(examplesDir, "drift-report"))
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables: config.Variables{
					"inventory_csv": config.StringVariable(csv),
					"changes_since": config.StringVariable("2026-02-15T00:00:00Z"),
				},
				ConfigStateChecks: []statecheck.StateCheck{
					exOutput("changes", driftChanges(t, "2026-02-15T00:00:00Z")),
					exOutput("explained", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"missing": exList(
							knownvalue.ObjectExact(map[string]knownvalue.Check{"serial_number": exStr("XNOTINABM0001"), "events": exList()}),
							knownvalue.ObjectExact(map[string]knownvalue.Check{"serial_number": exStr("XRELEASED0001"), "events": exList(
								driftChange("XRELEASED0001", "released", "2026-03-01T10:00:00Z", "Fleet sync", "RESELLER", "RESELLER-0042", ""),
							)}),
						),
						"unexpected": exList(
							knownvalue.ObjectExact(map[string]knownvalue.Check{"serial_number": exStr("XSPARSE00001"), "events": exList()}),
						),
						"wrongly_assigned": exList(
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"serial_number": exStr("XABC123X0ABC123X0"), "expected": exStr(exProduction), "actual": knownvalue.Null(),
								"events": exList(driftChange("XABC123X0ABC123X0", "added", "2026-06-10T09:00:00Z", "Ada Admin", "", "", "")),
							}),
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"serial_number": exStr("XAPPLETV0001"), "expected": exStr(exProduction), "actual": exStr(exConfigurator),
								"events": exList(
									driftChange("XAPPLETV0001", "unassigned", "2026-06-11T10:00:00Z", "Fleet sync", "", "", ""),
									driftChange("XAPPLETV0001", "assigned", "2026-06-11T10:00:05.5Z", "Ada Admin", "", "", "Apple Configurator"),
								),
							}),
						),
					})),
					exOutput("unexplained", exList(exStr("XNOTINABM0001"), exStr("XSPARSE00001"))),
					exOutput("missing", exList(exStr("XNOTINABM0001"), exStr("XRELEASED0001"))),
					exOutput("unexpected", exList(exStr("XSPARSE00001"))),
					exOutput("wrongly_assigned", exList(
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"serial_number": exStr("XABC123X0ABC123X0"),
							"expected":      exStr(exProduction),
							"actual":        knownvalue.Null(),
						}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"serial_number": exStr("XAPPLETV0001"),
							"expected":      exStr(exProduction),
							"actual":        exStr(exConfigurator),
						}),
					)),
					exOutput("in_sync", knownvalue.Bool(false)),
					exOutput("summary_markdown", exStr(driftSummaryHead+`
### Missing

- XNOTINABM0001
- XRELEASED0001

### Unexpected

- XSPARSE00001

### Wrongly assigned

- XABC123X0ABC123X0: expected `+exProduction+`, actual no server
- XAPPLETV0001: expected `+exProduction+`, actual `+exConfigurator+`
`)),
				},
			},
			{
				// The job summary lists the first summary_shown of each kind and counts the rest.
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables: config.Variables{
					"inventory_csv": config.StringVariable(csv),
					"summary_shown": config.IntegerVariable(1),
				},
				ConfigStateChecks: []statecheck.StateCheck{
					exOutput("summary_markdown", exStr(driftSummaryHead+`
### Missing

- XNOTINABM0001
- … and 1 more

### Unexpected

- XSPARSE00001

### Wrongly assigned

- XABC123X0ABC123X0: expected `+exProduction+`, actual no server
- … and 1 more
`)),
				},
			},
			{
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables:          config.Variables{"inventory_csv": config.StringVariable(duplicated)},
				ExpectError:              regexp.MustCompile(`lists a serial number more than once`),
			},
			{
				// The committed inventory.csv matches the fake's fixtures exactly.
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigStateChecks: []statecheck.StateCheck{
					exOutput("missing", exList()),
					exOutput("unexpected", exList()),
					exOutput("wrongly_assigned", exList()),
					exOutput("in_sync", knownvalue.Bool(true)),
					// The default window, the last 30 days, holds none of the fake's events.
					exOutput("changes", exList()),
					exOutput("unexplained", exList()),
					// Nothing to list: the table's zeros and one line.
					exOutput("summary_markdown", exStr(`## Apple Business drift report

| Difference | Devices |
| --- | ---: |
| Missing (in the inventory, not listed by Apple) | 0 |
| Unexpected (listed by Apple, not in the inventory) | 0 |
| Wrongly assigned (on another MDM server than the inventory's) | 0 |

In sync: Apple lists every device of the inventory, on the MDM server it names, and no other.
`)),
				},
			},
		},
	})
}

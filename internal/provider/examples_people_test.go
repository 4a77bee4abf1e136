package provider

import (
	"path/filepath"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// The people examples against the fake's fixtures (internal/fakeabm/people.go).

func exampleStep(t *testing.T, typeName string, checks ...statecheck.StateCheck) {
	t.Helper()
	exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    []resource.TestStep{{Config: dataSourceExample(t, typeName), ConfigStateChecks: checks}},
	})
}

func TestAccExampleDataSourceUsers(t *testing.T) {
	exampleStep(t, "abm_users",
		exOutput("admin_accounts", exList(exStr("alice@appleid.example.com"), exStr("carol@appleid.example.com"))),
		exOutput("external_user_count", knownvalue.Int64Exact(1)))
}

func TestAccExampleDataSourceUser(t *testing.T) {
	exampleStep(t, "abm_user",
		exOutput("alice", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": exStr("1000000001"), "roles": exList(exStr("Administrator@" + fakeabm.OURoot)),
		})),
		exOutput("by_id_account", exStr("carol@appleid.example.com")))
}

func TestAccExampleDataSourceUserGroups(t *testing.T) {
	exampleStep(t, "abm_user_groups",
		exOutput("members_by_group", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"UG000001": exStr("Administrators: 2"), "UG000003": exStr("Empty Group: 0"),
			"UG000004": exStr("Project X: 1"), "UG000005": exStr("Project X: 1"),
		})))
}

func TestAccExampleDataSourceUserGroup(t *testing.T) {
	exampleStep(t, "abm_user_group",
		exOutput("admin_group", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": exStr("UG000001"), "type": exStr("STANDARD"), "user_ids": exList(exStr("1000000001"), exStr("1000000005")),
		})))
}

func TestAccExampleDataSourceOrganizationalUnits(t *testing.T) {
	exampleStep(t, "abm_organizational_units",
		exOutput("unit_names", knownvalue.ObjectExact(map[string]knownvalue.Check{
			fakeabm.OURoot: exStr("Example Corp"), fakeabm.OUSales: exStr("Sales"), fakeabm.OUEngineering: exStr("Engineering"),
		})))
}

func TestAccExampleDataSourceOrganizationalUnit(t *testing.T) {
	exampleStep(t, "abm_organizational_unit",
		exOutput("sales_unit", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": exStr(fakeabm.OUSales), "user_count": knownvalue.Int64Exact(4),
		})))
}

var exPeopleChecks = []string{"no_external_administrators", "administrators_in_admin_group", "api_role_holders_within_threshold"}

func exPeopleCheckStatus(status tfjson.CheckStatus) expectCheckBlocks {
	e := expectCheckBlocks{}
	for _, name := range exPeopleChecks {
		e[name] = status
	}
	return e
}

// TestAccExamplePolicyChecksPeopleViolating breaks every people policy:
//   - Carol (an Administrator) is reported as an external user;
//   - the admin group is "Sales Team", which neither administrator is in;
//   - at most 0 API-role holders are allowed, and the "Device API" account holds one.
//
// The people checks fail, people_violations lists exactly the offenders, and
// with enforce = true the plan fails naming them.
func TestAccExamplePolicyChecksPeopleViolating(t *testing.T) {
	exampleEnv(t, fakeabm.Options{}).SetExternalUser("1000000005", true)
	vars := config.Variables{
		"admin_group_name":     config.StringVariable("Sales Team"),
		"max_api_role_holders": config.IntegerVariable(0),
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
					exPeopleCheckStatus(tfjson.CheckStatusFail),
					exOutput("people_violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"external_admins":      exList(exStr("carol@appleid.example.com")),
						"admins_outside_group": exList(exStr("alice@appleid.example.com"), exStr("carol@appleid.example.com")),
						"api_role_holders":     exList(exStr("device-api@appleid.example.com")),
					})),
					exOutput("people_compliant", knownvalue.Bool(false)),
				},
			},
			{
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables:          enforced,
				ExpectError: exMessages(
					"external users with an administrator role: carol@appleid.example.com",
					"administrators outside the admin group: alice@appleid.example.com, carol@appleid.example.com",
					"1 users hold an API role, more than 0: device-api@appleid.example.com",
				),
			},
		},
	})
}

// TestAccExamplePolicyChecksPeopleClean runs the same policies where nothing
// violates: no external administrator, both administrators are in
// "Administrators", and the one API-role holder is within a threshold of 1.
func TestAccExamplePolicyChecksPeopleClean(t *testing.T) {
	exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "policy-checks")),
			ConfigVariables: config.Variables{
				"admin_group_name":      config.StringVariable("Administrators"),
				"max_api_role_holders":  config.IntegerVariable(1),
				"exempt_serials":        exStrings("XABC123X0ABC123X0"),
				"enforce":               config.BoolVariable(true),
				"applecare_window_days": config.IntegerVariable(1),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				exPeopleCheckStatus(tfjson.CheckStatusPass),
				exOutput("people_violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"external_admins":      exList(),
					"admins_outside_group": exList(),
					"api_role_holders":     exList(),
				})),
				exOutput("people_compliant", knownvalue.Bool(true)),
			},
		}},
	})
}

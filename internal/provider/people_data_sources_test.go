package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Fixture people are in internal/fakeabm/people.go.

func expectAttrs(address string, want map[string]knownvalue.Check) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for name, c := range want {
		checks = append(checks, statecheck.ExpectKnownValue(address, tfjsonpath.New(name), c))
	}
	return checks
}

func obj(m map[string]knownvalue.Check) knownvalue.Check { return knownvalue.ObjectExact(m) }

func role(name, ou string) knownvalue.Check {
	return obj(map[string]knownvalue.Check{"role_name": exStr(name), "ou_id": exStr(ou)})
}

// userIDs is the ids of a list data source's items, in order.
func userIDs(address, attr string, ids ...string) statecheck.StateCheck {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": exStr(id)})
	}
	return statecheck.ExpectKnownValue(address, tfjsonpath.New(attr), knownvalue.ListExact(checks))
}

var aliceWant = map[string]knownvalue.Check{
	"id": exStr("1000000001"), "first_name": exStr("Alice"), "middle_name": exStr("Marie"), "last_name": exStr("Admin"),
	"status": exStr("ACTIVE"), "managed_apple_account": exStr("alice@appleid.example.com"), "is_external_user": knownvalue.Bool(false),
	"role_ou_list": exList(role("Administrator", fakeabm.OURoot)), "email": exStr("alice.admin@example.com"),
	"employee_number": exStr("E-0001"), "cost_center": exStr("CC-100"), "division": exStr("Corporate"), "department": exStr("IT"),
	"job_title": exStr("IT Director"),
	"phone_numbers": exList(
		obj(map[string]knownvalue.Check{"phone_number": exStr("+1 408 555 0101"), "type": exStr("WORK")}),
		obj(map[string]knownvalue.Check{"phone_number": exStr("+1 408 555 0199"), "type": exStr("MOBILE")}),
	),
	"start_date_time": exStr("2019-03-01T00:00:00Z"), "created_date_time": exStr("2024-02-01T09:05:00Z"),
	"updated_date_time": exStr("2026-05-20T14:02:11.481Z"),
}

// with is a copy of m with one more attribute.
func with(m map[string]knownvalue.Check, name string, c knownvalue.Check) map[string]knownvalue.Check {
	out := map[string]knownvalue.Check{name: c}
	for k, v := range m {
		if k != name {
			out[k] = v
		}
	}
	return out
}

// Frank has almost nothing: nulls, and empty lists rather than null ones.
var frankWant = map[string]knownvalue.Check{
	"id": exStr("1000000006"), "first_name": exStr("Frank"), "middle_name": knownvalue.Null(), "last_name": exStr("Newman"),
	"status": exStr("NEW"), "is_external_user": knownvalue.Bool(false), "role_ou_list": exList(), "email": knownvalue.Null(),
	"employee_number": knownvalue.Null(), "cost_center": knownvalue.Null(), "division": knownvalue.Null(),
	"department": knownvalue.Null(), "job_title": knownvalue.Null(), "phone_numbers": exList(),
	"start_date_time": knownvalue.Null(), "created_date_time": knownvalue.Null(), "updated_date_time": knownvalue.Null(),
}

func TestAccUserDataSource(t *testing.T) {
	for _, unset := range []string{"absent", "null"} {
		t.Run(unset, func(t *testing.T) {
			env := newTestEnv(t, fakeabm.Options{})
			env.fake.SetUnsetAsNull(unset == "null")
			checks := expectAttrs("data.abm_user.alice", aliceWant)
			checks = append(checks, expectAttrs("data.abm_user.frank", frankWant)...)
			// The lookup key keeps the case it was configured with.
			checks = append(checks, statecheck.ExpectKnownValue("data.abm_user.frank", tfjsonpath.New("managed_apple_account"), exStr("FRANK@AppleID.example.com")))
			checks = append(checks, expectAttrs("data.abm_user.carol", map[string]knownvalue.Check{
				"id": exStr("1000000005"), "status": exStr("LOCKED"), "email": exStr("Carol.Chief@example.com"),
				"role_ou_list": exList(role("Administrator", fakeabm.OUEngineering)),
			})...)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: env.providerBlock("") + `
data "abm_user" "alice" { id = "1000000001" }
data "abm_user" "frank" { managed_apple_account = "FRANK@AppleID.example.com" }
data "abm_user" "carol" { email = "Carol.Chief@example.com" }
`,
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}

func TestAccUsersFilters(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	all := []string{}
	for _, u := range env.fake.Users() {
		all = append(all, u.ID)
	}
	internal := []string{}
	for _, id := range all {
		if id != "1000000003" {
			internal = append(internal, id)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + fmt.Sprintf(`
data "abm_users" "all" {}
data "abm_users" "locked" { statuses = ["LOCKED"] }
data "abm_users" "unknown_status" { statuses = ["ON_HOLD"] }
data "abm_users" "admins" { role_names = ["Administrator"] }
data "abm_users" "sales" { ou_ids = [%[1]q] }
data "abm_users" "sales_or_api" {
  role_names = ["Device API Manager", "Content Manager"]
}
data "abm_users" "engineering_admins" {
  role_names = ["Administrator"]
  ou_ids     = [%[2]q]
}
data "abm_users" "staff_in_sales_active" {
  role_names = ["Staff"]
  ou_ids     = [%[1]q]
  statuses   = ["ACTIVE"]
}
data "abm_users" "external" { is_external_user = true }
data "abm_users" "internal" { is_external_user = false }
data "abm_users" "external_admins" {
  is_external_user = true
  role_names       = ["Administrator"]
}
`, fakeabm.OUSales, fakeabm.OUEngineering),
			ConfigStateChecks: []statecheck.StateCheck{
				userIDs("data.abm_users.all", "users", all...),
				statecheck.ExpectKnownValue("data.abm_users.all", tfjsonpath.New("users").AtSliceIndex(0), obj(aliceWant)),
				statecheck.ExpectKnownValue("data.abm_users.all", tfjsonpath.New("users").AtSliceIndex(5), obj(with(frankWant, "managed_apple_account", exStr("frank@appleid.example.com")))),
				userIDs("data.abm_users.locked", "users", "1000000005"),
				userIDs("data.abm_users.unknown_status", "users", "1000000007"),
				userIDs("data.abm_users.admins", "users", "1000000001", "1000000005"),
				userIDs("data.abm_users.sales", "users", "1000000002", "1000000003", "1000000008", "1000000009"),
				userIDs("data.abm_users.sales_or_api", "users", "1000000003", "1000000004"),
				userIDs("data.abm_users.engineering_admins", "users", "1000000005"),
				userIDs("data.abm_users.staff_in_sales_active", "users", "1000000008"),
				userIDs("data.abm_users.external", "users", "1000000003"),
				userIDs("data.abm_users.internal", "users", internal...),
				userIDs("data.abm_users.external_admins", "users"),
			},
		}},
	})
}

func TestAccUserLookupErrors(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	p := env.providerBlock("")
	expectError(t, p+`data "abm_user" "x" { id = "42" }`, `(?s)User not found.*no user with id "42"`)
	expectError(t, p+`data "abm_user" "x" { email = "nobody@example.com" }`, `(?s)User not found.*no user with email "nobody@example.com".*Alice\s+Admin`)
	expectError(t, p+`data "abm_user" "x" { managed_apple_account = "nobody@appleid.example.com" }`, `(?s)User not found`)
	expectError(t, p+`data "abm_user" "x" { email = "frontdesk@EXAMPLE.com" }`,
		`(?s)Several users have this email.*2 users have email "frontdesk@EXAMPLE.com": 1000000008, 1000000009`)
	expectError(t, p+`data "abm_user" "x" {}`, `(?s)Invalid Attribute Combination`)
	expectError(t, p+`data "abm_user" "x" {
  id    = "1000000001"
  email = "alice.admin@example.com"
}`, `(?s)Invalid Attribute Combination`)
}

func TestAccUserGroupsAndUnits(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	adminGroup := map[string]knownvalue.Check{
		"id": exStr("UG000001"), "ou_id": exStr(fakeabm.OURoot), "name": exStr("Administrators"), "type": exStr("STANDARD"),
		"total_member_count": knownvalue.Int64Exact(2), "status": exStr("ACTIVE"),
		"created_date_time": exStr("2024-02-02T00:00:00Z"), "updated_date_time": exStr("2026-05-20T14:03:00Z"),
		"user_ids": strs("1000000001", "1000000005"),
	}
	sales := map[string]knownvalue.Check{
		"id": exStr(fakeabm.OUSales), "name": exStr("Sales"), "description": knownvalue.Null(),
		"created_date_time": exStr("2024-03-05T12:30:00.5Z"), "updated_date_time": exStr("2026-05-01T08:00:00Z"),
		"user_ids": strs("1000000002", "1000000003", "1000000008", "1000000009"),
	}
	withoutIDs := func(m map[string]knownvalue.Check) knownvalue.Check {
		return obj(with(m, "user_ids", knownvalue.Null()))
	}
	checks := expectAttrs("data.abm_user_group.admins", adminGroup)
	checks = append(checks, expectAttrs("data.abm_organizational_unit.sales", sales)...)
	checks = append(checks,
		statecheck.ExpectKnownValue("data.abm_user_group.empty", tfjsonpath.New("user_ids"), exList()),
		statecheck.ExpectKnownValue("data.abm_user_group.empty", tfjsonpath.New("name"), exStr("Empty Group")),
		statecheck.ExpectKnownValue("data.abm_organizational_unit.root", tfjsonpath.New("description"), exStr("The whole organization")),
		statecheck.ExpectKnownValue("data.abm_organizational_unit.root", tfjsonpath.New("user_ids"), strs("1000000001", "1000000004")),
		userIDs("data.abm_user_groups.all", "user_groups", "UG000001", "UG000002", "UG000003", "UG000004", "UG000005"),
		statecheck.ExpectKnownValue("data.abm_user_groups.all", tfjsonpath.New("user_groups").AtSliceIndex(0), withoutIDs(adminGroup)),
		userIDs("data.abm_user_groups.smart", "user_groups", "UG000002"),
		userIDs("data.abm_user_groups.sales", "user_groups", "UG000002", "UG000004"),
		userIDs("data.abm_user_groups.standard_engineering", "user_groups", "UG000003", "UG000005"),
		statecheck.ExpectKnownValue("data.abm_user_groups.standard_engineering", tfjsonpath.New("user_groups"), exList(
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"user_ids": exList()}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"user_ids": strs("1000000007"), "status": exStr("INACTIVE")}),
		)),
		userIDs("data.abm_organizational_units.all", "organizational_units", fakeabm.OURoot, fakeabm.OUSales, fakeabm.OUEngineering),
		statecheck.ExpectKnownValue("data.abm_organizational_units.all", tfjsonpath.New("organizational_units").AtSliceIndex(1), obj(sales)),
		statecheck.ExpectKnownValue("data.abm_organizational_units.no_ids", tfjsonpath.New("organizational_units").AtSliceIndex(1), withoutIDs(sales)),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + fmt.Sprintf(`
data "abm_user_group" "admins" { name = "Administrators" }
data "abm_user_group" "empty" { id = "UG000003" }
data "abm_organizational_unit" "sales" { name = "Sales" }
data "abm_organizational_unit" "root" { id = %[1]q }
data "abm_user_groups" "all" {}
data "abm_user_groups" "smart" { types = ["SMART"] }
data "abm_user_groups" "sales" { ou_ids = [%[2]q] }
data "abm_user_groups" "standard_engineering" {
  types            = ["STANDARD"]
  ou_ids           = [%[3]q]
  include_user_ids = true
}
data "abm_organizational_units" "all" { include_user_ids = true }
data "abm_organizational_units" "no_ids" {}
`, fakeabm.OURoot, fakeabm.OUSales, fakeabm.OUEngineering),
			ConfigStateChecks: checks,
		}},
	})
}

func TestAccUserGroupAndUnitLookupErrors(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	p := env.providerBlock("")
	expectError(t, p+`data "abm_user_group" "x" { name = "Project X" }`,
		`(?s)Several user groups have this name.*2 user groups have name "Project X": UG000004, UG000005`)
	expectError(t, p+`data "abm_user_group" "x" { name = "Nope" }`, `(?s)User group not found.*"Administrators" \(UG000001\)`)
	expectError(t, p+`data "abm_user_group" "x" { id = "UG9" }`, `(?s)User group not found.*no user group with id "UG9"`)
	expectError(t, p+`data "abm_organizational_unit" "x" { id = "OU9" }`, `(?s)Organizational unit not found.*no organizational unit with id "OU9"`)
	expectError(t, p+`data "abm_organizational_unit" "x" { name = "Nope" }`, `(?s)Organizational unit not found`)
	expectError(t, p+`data "abm_organizational_unit" "x" {}`, `(?s)Invalid Attribute Combination`)
	expectError(t, p+`data "abm_user_group" "x" {
  id   = "UG000001"
  name = "Administrators"
}`, `(?s)Invalid Attribute Combination`)
}

// With an Apple School Manager scope every people data source fails before
// any request to the API.
func TestAccPeopleNeedBusinessManager(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Scope: "school.api"})
	p := env.providerBlock(`scope = "school.api"`)
	for _, src := range []string{
		`data "abm_users" "x" {}`,
		`data "abm_user" "x" { id = "1000000001" }`,
		`data "abm_user_groups" "x" {}`,
		`data "abm_user_group" "x" { name = "Administrators" }`,
		`data "abm_organizational_units" "x" {}`,
		`data "abm_organizational_unit" "x" { name = "Sales" }`,
	} {
		expectError(t, p+src, `(?s)needs Apple Business Manager.*No request was made`)
	}
	for route, n := range env.fake.Counts() {
		if route != fakeabm.RouteToken && n > 0 {
			t.Errorf("%d requests to %s", n, route)
		}
	}
}

// A 403 names what the API account needs.
func TestAccPeopleForbidden(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	p := env.providerBlock("")
	env.fake.InjectFaults(fakeabm.RouteUsers, fakeabm.Fault{Status: 403})
	expectError(t, p+`data "abm_users" "x" {}`, `(?s)Apple refused access \(HTTP 403\).*abm_users.*role must not be Staff`)
	env.fake.InjectFaults(fakeabm.RouteUserGroupUsers, fakeabm.Fault{Status: 403})
	expectError(t, p+`data "abm_user_group" "x" { name = "Administrators" }`, `(?s)HTTP 403.*role must not be Staff`)
	env.fake.InjectFaults(fakeabm.RouteOrganizationalUnits, fakeabm.Fault{Status: 403})
	expectError(t, p+`data "abm_organizational_units" "x" {}`, `(?s)HTTP 403.*organizational units; Apple does not name it`)
}

// All six people data sources in one configuration: one token, the list
// pages of each collection once, and only the linkage pages asked for
// (shared between the group list and the group looked up by name).
func TestAccPeopleRequestCount(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 6, Users: 2500})
	f := env.fake
	pages := func(n int) int { return max(1, (n+999)/1000) }
	groupLinkages := 0
	for _, g := range f.UserGroups() {
		groupLinkages += pages(len(g.MemberIDs))
	}
	root := f.OrganizationalUnits()[0]
	if len(root.UserIDs) <= 1000 {
		t.Fatalf("the root unit has %d users; the case needs more than one linkage page", len(root.UserIDs))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_users" "admins" { role_names = ["Administrator"] }
data "abm_user" "alice" { email = "alice.admin@example.com" }
data "abm_user_groups" "all" { include_user_ids = true }
data "abm_user_group" "admins" { name = "Administrators" }
data "abm_organizational_units" "all" {}
data "abm_organizational_unit" "root" { name = "Example Corp" }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_organizational_unit.root", tfjsonpath.New("user_ids"), knownvalue.ListSizeExact(len(root.UserIDs))),
			},
		}},
	})
	reads := f.Count(fakeabm.RouteToken)
	if reads == 0 {
		t.Fatal("no token requested")
	}
	want := map[string]int{
		fakeabm.RouteUsers:                   reads * pages(len(f.Users())),
		fakeabm.RouteUserGroups:              reads * pages(len(f.UserGroups())),
		fakeabm.RouteOrganizationalUnits:     reads * pages(len(f.OrganizationalUnits())),
		fakeabm.RouteUserGroupUsers:          reads * groupLinkages,
		fakeabm.RouteOrganizationalUnitUsers: reads * pages(len(root.UserIDs)),
		fakeabm.RouteUser:                    0,
		fakeabm.RouteUserGroup:               0,
		fakeabm.RouteOrganizationalUnit:      0,
	}
	for route, n := range want {
		if got := f.Count(route); got != n {
			t.Errorf("%s requests = %d, want %d (%d reads)", route, got, n, reads)
		}
	}
	t.Logf("reads=%d counts=%v", reads, f.Counts())
}

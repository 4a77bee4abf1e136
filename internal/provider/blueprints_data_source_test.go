package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// blueprintWant is a fixture blueprint's attributes and, when related is
// not nil, its six id lists (else they must be null: not read).
func blueprintWant(attrs map[string]knownvalue.Check, related map[string]knownvalue.Check) map[string]knownvalue.Check {
	out := map[string]knownvalue.Check{}
	for k, v := range attrs {
		out[k] = v
	}
	for _, r := range blueprintRelationIDs {
		out[r.name] = knownvalue.Null()
		if related != nil {
			out[r.name] = related[r.name]
		}
	}
	return out
}

var (
	salesBlueprint = map[string]knownvalue.Check{
		"id":                    knownvalue.StringExact("blueprint-12345"),
		"name":                  knownvalue.StringExact("Sales iPads"),
		"description":           knownvalue.StringExact("Everything a sales iPad needs."),
		"status":                knownvalue.StringExact("ACTIVE"),
		"app_license_deficient": knownvalue.Bool(false),
		"created_date_time":     knownvalue.StringExact("2025-01-10T09:00:00Z"),
		"updated_date_time":     knownvalue.StringExact("2025-06-01T09:00:00.125Z"),
	}
	salesRelated = map[string]knownvalue.Check{
		"app_ids":               strs("361309726", "1000000001"),
		"configuration_ids":     strs("config-12345", "config-airdrop"),
		"package_ids":           strs("pkg-12345"),
		"device_serial_numbers": strs("XABC123X0ABC123X0", "XARRAYMAC0001"),
		"user_ids":              strs("USER-1001", "USER-1002", "USER-1003"),
		"user_group_ids":        strs("GROUP-2001"),
	}
	retiredBlueprint = map[string]knownvalue.Check{
		"id":                    knownvalue.StringExact("blueprint-empty"),
		"name":                  knownvalue.StringExact("Retired Kiosks"),
		"description":           knownvalue.Null(),
		"status":                knownvalue.StringExact("TO_BE_DELETED"),
		"app_license_deficient": knownvalue.Null(),
		"created_date_time":     knownvalue.StringExact("2024-11-11T11:11:11Z"),
		"updated_date_time":     knownvalue.Null(),
	}
	noneRelated = map[string]knownvalue.Check{
		"app_ids": strs(), "configuration_ids": strs(), "package_ids": strs(),
		"device_serial_numbers": strs(), "user_ids": strs(), "user_group_ids": strs(),
	}
)

// The blueprint list with and without its relationships, and lookups by id
// and name, in one configuration: one list walk and one walk per
// relationship of each blueprint per read, shared by all four sources.
func TestAccBlueprints(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.abm_blueprints.plain", tfjsonpath.New("blueprints"), knownvalue.ListSizeExact(4)),
		item("data.abm_blueprints.plain", "blueprints", 0, blueprintWant(salesBlueprint, nil)),
		item("data.abm_blueprints.plain", "blueprints", 1, blueprintWant(retiredBlueprint, nil)),
		item("data.abm_blueprints.related", "blueprints", 0, blueprintWant(salesBlueprint, salesRelated)),
		item("data.abm_blueprints.related", "blueprints", 1, blueprintWant(retiredBlueprint, noneRelated)),
		statecheck.ExpectKnownValue("data.abm_blueprints.related", tfjsonpath.New("blueprints").AtSliceIndex(2).AtMapKey("app_ids"), strs("361309726")),
		statecheck.ExpectKnownValue("data.abm_blueprints.related", tfjsonpath.New("blueprints").AtSliceIndex(3).AtMapKey("configuration_ids"), strs("config-vault")),
	}
	checks = append(checks, topLevel("data.abm_blueprint.by_id", blueprintWant(salesBlueprint, salesRelated))...)
	checks = append(checks, topLevel("data.abm_blueprint.by_name", blueprintWant(retiredBlueprint, noneRelated))...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_blueprints" "plain" {}
data "abm_blueprints" "related" {
  include_relationships = true
}
data "abm_blueprint" "by_id" {
  id = "blueprint-12345"
}
data "abm_blueprint" "by_name" {
  name = "Retired Kiosks"
}
`,
			ConfigStateChecks: checks,
		}},
	})
	want := map[string]int{fakeabm.RouteBlueprints: 1, fakeabm.RouteBlueprint: 1}
	for _, rel := range client.BlueprintRelationships {
		want[fakeabm.RouteBlueprintRelationship(rel)] = 4 // each of the four blueprints once
	}
	expectCounts(t, env.fake, want)
}

// Without include_relationships no relationship is read: a relationship
// Apple refuses does not matter then.
func TestAccBlueprintsWithoutRelationshipsReadNone(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Catalog: 30})
	env.fake.SetBlueprintRelationshipForbidden("users", true)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_blueprints" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_blueprints.all", tfjsonpath.New("blueprints"), knownvalue.ListSizeExact(34)),
			},
		}},
	})
	want := map[string]int{fakeabm.RouteBlueprints: 1}
	for _, rel := range client.BlueprintRelationships {
		want[fakeabm.RouteBlueprintRelationship(rel)] = 0
	}
	expectCounts(t, env.fake, want)
}

func TestAccBlueprintErrors(t *testing.T) {
	cases := map[string]struct {
		opts      fakeabm.Options
		off       bool
		forbidRel string
		both      bool
		config    string
		pattern   string
	}{
		"relationship refused": {forbidRel: "users", config: `data "abm_blueprint" "x" { id = "blueprint-12345" }`,
			pattern: msgRE(`Apple refused the users relationship of blueprint blueprint-12345 (HTTP 403)`,
				`GET /v1/blueprints/blueprint-12345/relationships/users`, `privilege "View Blueprints"`, `rather than show the users as empty`)},
		"relationship refused in the list": {forbidRel: "userGroups", config: `data "abm_blueprints" "x" { include_relationships = true }`,
			pattern: msgRE(`Apple refused the userGroups relationship of blueprint`, `(HTTP 403)`)},
		"id not found": {config: `data "abm_blueprint" "x" { id = "blueprint-nope" }`,
			pattern: msgRE(`Blueprint not found`, `no blueprint with id "blueprint-nope"`)},
		"name not found": {config: `data "abm_blueprint" "x" { name = "Nope" }`,
			pattern: msgRE(`Blueprint not found`, `no blueprint with name "Nope". It has 4:`, `"Sales iPads" (blueprint-12345)`)},
		"name ambiguous": {config: `data "abm_blueprint" "x" { name = "Lab Macs" }`,
			pattern: msgRE(`Several blueprints have this name`, `blueprint-dup-a, blueprint-dup-b`)},
		"neither key": {both: true, config: `data "abm_blueprint" "x" {}`,
			pattern: msgRE(`Invalid Attribute Combination`, `[id,name]`)},
		"device management off": {off: true, config: `data "abm_blueprints" "x" {}`,
			pattern: msgRE(`Apple refused access (HTTP 403)`, `privilege "View Blueprints"`, `built-in device management`)},
		"device management off by id": {off: true, config: `data "abm_blueprint" "x" { id = "blueprint-12345" }`,
			pattern: msgRE(`Apple refused access (HTTP 403)`, `abm_blueprint`, `turned on`)},
		"list in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_blueprints" "x" {}`,
			pattern: msgRE(`abm_blueprints needs Apple Business Manager`)},
		"one in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_blueprint" "x" { name = "Sales iPads" }`,
			pattern: msgRE(`abm_blueprint needs Apple Business Manager`)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newParallelEnv(t, tc.opts)
			env.fake.SetDeviceManagementOff(tc.off)
			if tc.forbidRel != "" {
				env.fake.SetBlueprintRelationshipForbidden(tc.forbidRel, true)
			}
			check := expectOneError(tc.pattern)
			if tc.both {
				check = func(t *testing.T, out string) {
					if !regexp.MustCompile(tc.pattern).MatchString(out) {
						t.Errorf("output does not match %s:\n%s", tc.pattern, out)
					}
				}
			}
			runExpectingError(t, true, env.providerBlock("")+tc.config, check)
		})
	}
}

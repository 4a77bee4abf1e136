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

// Fixture apps and packages of internal/fakeabm/device_management_data.go,
// every attribute, as Terraform must show them.
var (
	wantPagesApp = map[string]knownvalue.Check{
		"id":            knownvalue.StringExact("361309726"),
		"name":          knownvalue.StringExact("Pages"),
		"bundle_id":     knownvalue.StringExact("com.apple.iWork.Pages"),
		"website_url":   knownvalue.StringExact("https://www.apple.com/pages/"),
		"version":       knownvalue.StringExact("14.4"),
		"supported_os":  strs("SUPPORTED_OS_IOS", "SUPPORTED_OS_IPADOS", "SUPPORTED_OS_MACOS"),
		"is_custom_app": knownvalue.Bool(false),
		"app_store_url": knownvalue.StringExact("https://apps.apple.com/app/pages/id361309726"),
	}
	wantCustomApp = map[string]knownvalue.Check{
		"id":            knownvalue.StringExact("1000000001"),
		"name":          knownvalue.StringExact("Acme Field Service"),
		"bundle_id":     knownvalue.StringExact("com.acme.field"),
		"website_url":   knownvalue.StringExact("https://acme.example/field"),
		"version":       knownvalue.StringExact("3.2.1"),
		"supported_os":  strs("SUPPORTED_OS_IOS", "SUPPORTED_OS_VISIONOS"),
		"is_custom_app": knownvalue.Bool(true),
		"app_store_url": knownvalue.Null(),
	}
	wantSparseApp = map[string]knownvalue.Check{
		"id":            knownvalue.StringExact("1000000002"),
		"name":          knownvalue.StringExact("Sparse App"),
		"bundle_id":     knownvalue.StringExact("com.example.sparse"),
		"website_url":   knownvalue.Null(),
		"version":       knownvalue.Null(),
		"supported_os":  strs(),
		"is_custom_app": knownvalue.Null(),
		"app_store_url": knownvalue.Null(),
	}
	wantAgentPackage = map[string]knownvalue.Check{
		"id":                knownvalue.StringExact("pkg-12345"),
		"name":              knownvalue.StringExact("Acme Agent"),
		"url":               knownvalue.StringExact("https://packages.acme.example/agent-2.1.pkg"),
		"hash":              knownvalue.StringExact("9b2f1c7e4a5d6b8c0e1f2a3b4c5d6e7f"),
		"bundle_ids":        strs("com.acme.agent", "com.acme.agent.helper"),
		"description":       knownvalue.StringExact("Endpoint agent for Macs."),
		"version":           knownvalue.StringExact("2.1"),
		"created_date_time": knownvalue.StringExact("2025-03-01T09:00:00Z"),
		"updated_date_time": knownvalue.StringExact("2025-06-15T10:30:00.250Z"),
	}
	wantSparsePackage = map[string]knownvalue.Check{
		"id":                knownvalue.StringExact("pkg-sparse"),
		"name":              knownvalue.StringExact("Fonts"),
		"url":               knownvalue.Null(),
		"hash":              knownvalue.Null(),
		"bundle_ids":        strs(),
		"description":       knownvalue.Null(),
		"version":           knownvalue.Null(),
		"created_date_time": knownvalue.StringExact("2024-01-01T00:00:00Z"),
		"updated_date_time": knownvalue.Null(),
	}
)

// topLevel checks every attribute of a singular data source's state.
func topLevel(addr string, want map[string]knownvalue.Check) []statecheck.StateCheck {
	var out []statecheck.StateCheck
	for name, c := range want {
		out = append(out, statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), c))
	}
	return out
}

// item checks every attribute of one item of a list data source.
func item(addr, list string, i int, want map[string]knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(list).AtSliceIndex(i), knownvalue.ObjectExact(want))
}

// expectCounts checks each route was asked exactly n times per provider
// instance (each instance asks for one token).
func expectCounts(t *testing.T, f *fakeabm.Server, perRead map[string]int) {
	t.Helper()
	reads := f.Count("token")
	if reads == 0 {
		t.Fatal("no token requested")
	}
	for route, n := range perRead {
		if got := f.Count(route); got != reads*n {
			t.Errorf("%s requests = %d, want %d per read (%d reads)", route, got, n, reads)
		}
	}
}

// The lists and lookups by every key of apps and packages, with null and
// absent attributes (both ways Apple may leave a value out), in one
// configuration: the lists and the lookups by key share one walk per
// collection, a lookup by id is one request.
func TestAccAppsAndPackages(t *testing.T) {
	for _, asNull := range []bool{false, true} {
		env := newTestEnv(t, fakeabm.Options{})
		env.fake.SetUnsetAsNull(asNull)
		checks := []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.abm_apps.all", tfjsonpath.New("apps"), knownvalue.ListSizeExact(5)),
			item("data.abm_apps.all", "apps", 0, wantPagesApp),
			item("data.abm_apps.all", "apps", 1, wantCustomApp),
			item("data.abm_apps.all", "apps", 2, wantSparseApp),
			statecheck.ExpectKnownValue("data.abm_packages.all", tfjsonpath.New("packages"), knownvalue.ListSizeExact(4)),
			item("data.abm_packages.all", "packages", 0, wantAgentPackage),
			item("data.abm_packages.all", "packages", 1, wantSparsePackage),
		}
		checks = append(checks, topLevel("data.abm_app.by_id", wantPagesApp)...)
		checks = append(checks, topLevel("data.abm_app.by_bundle_id", wantSparseApp)...)
		checks = append(checks, topLevel("data.abm_package.by_id", wantAgentPackage)...)
		checks = append(checks, topLevel("data.abm_package.by_name", wantSparsePackage)...)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps: []resource.TestStep{{
				Config: env.providerBlock("") + `
data "abm_apps" "all" {}
data "abm_app" "by_id" {
  id = "361309726"
}
data "abm_app" "by_bundle_id" {
  bundle_id = "com.example.sparse"
}
data "abm_packages" "all" {}
data "abm_package" "by_id" {
  id = "pkg-12345"
}
data "abm_package" "by_name" {
  name = "Fonts"
}
`,
				ConfigStateChecks: checks,
			}},
		})
		expectCounts(t, env.fake, map[string]int{
			fakeabm.RouteApps: 1, fakeabm.RouteApp: 1, fakeabm.RoutePackages: 1, fakeabm.RoutePackage: 1,
		})
	}
}

// Lookup errors, a refused read and a school account, for apps and
// packages; each configuration fails with exactly one error.
func TestAccAppsAndPackagesErrors(t *testing.T) {
	cases := map[string]struct {
		opts     fakeabm.Options
		off      bool
		fault    string
		both     bool // an argument rule, reported on each argument
		config   string
		patterns []string
	}{
		"app id not found": {config: `data "abm_app" "x" { id = "999" }`,
			patterns: []string{msgRE(`App not found`, `no app with id "999"`)}},
		"app bundle id not found": {config: `data "abm_app" "x" { bundle_id = "com.nope" }`,
			patterns: []string{msgRE(`App not found`, `no app with bundle_id "com.nope". It has 5:`, `"Pages" (361309726)`)}},
		"app bundle id ambiguous": {config: `data "abm_app" "x" { bundle_id = "com.acme.shared" }`,
			patterns: []string{msgRE(`Several apps have this bundle id`, `2 apps have bundle_id "com.acme.shared": 1000000003, 1000000004`)}},
		"app neither key": {both: true, config: `data "abm_app" "x" {}`,
			patterns: []string{msgRE(`Invalid Attribute Combination`, `[id,bundle_id]`)}},
		"package both keys": {both: true, config: `data "abm_package" "x" {
  id   = "pkg-12345"
  name = "Fonts"
}`, patterns: []string{msgRE(`Invalid Attribute Combination`, `[id,name]`)}},
		"package name ambiguous": {config: `data "abm_package" "x" { name = "Shared Tools" }`,
			patterns: []string{msgRE(`Several packages have this name`, `pkg-dup-1, pkg-dup-2`, `Look it up by`)}},
		"package id not found": {config: `data "abm_package" "x" { id = "pkg-nope" }`,
			patterns: []string{msgRE(`Package not found`, `no package with id "pkg-nope"`)}},
		"apps device management off": {off: true, config: `data "abm_apps" "x" {}`,
			patterns: []string{msgRE(`Apple refused access (HTTP 403)`, `abm_apps`, `privilege "View Apps"`, `built-in device management`, `turned on`)}},
		"package by id device management off": {off: true, config: `data "abm_package" "x" { id = "pkg-12345" }`,
			patterns: []string{msgRE(`HTTP 403`, `abm_package`, `privilege "View and manage devices using built-in device management"`, `turned on`)}},
		"packages without permission": {fault: fakeabm.RoutePackages, config: `data "abm_packages" "x" {}`,
			patterns: []string{msgRE(`HTTP 403`, `privilege "View and manage devices using built-in device management"`)}},
		"apps in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_apps" "x" {}`,
			patterns: []string{msgRE(`abm_apps needs Apple Business Manager`, `No request was made`)}},
		"app in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_app" "x" { id = "361309726" }`,
			patterns: []string{msgRE(`abm_app needs Apple Business Manager`)}},
		"package in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_package" "x" { name = "Fonts" }`,
			patterns: []string{msgRE(`abm_package needs Apple Business Manager`)}},
		"packages in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_packages" "x" {}`,
			patterns: []string{msgRE(`abm_packages needs Apple Business Manager`)}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newParallelEnv(t, tc.opts)
			env.fake.SetDeviceManagementOff(tc.off)
			if tc.fault != "" {
				env.fake.InjectFaults(tc.fault, forbidden(), forbidden(), forbidden())
			}
			check := expectOneError(tc.patterns...)
			if tc.both {
				check = func(t *testing.T, out string) { // the validator sits on both arguments
					if !regexp.MustCompile(tc.patterns[0]).MatchString(out) {
						t.Errorf("output does not match %s:\n%s", tc.patterns[0], out)
					}
				}
			}
			runExpectingError(t, true, env.providerBlock("")+tc.config, check)
			if tc.opts.Scope == "school.api" {
				if n := env.fake.Count(fakeabm.RouteApps) + env.fake.Count(fakeabm.RouteApp) + env.fake.Count(fakeabm.RoutePackages) + env.fake.Count(fakeabm.RoutePackage); n != 0 {
					t.Errorf("%d catalog requests from a school account", n)
				}
			}
		})
	}
}

// forbidden is Apple's answer to an API account without the privilege.
func forbidden() fakeabm.Fault {
	return fakeabm.Fault{Status: 403, ContentType: "application/json",
		Body: `{"errors":[{"status":"403","code":"FORBIDDEN_ERROR","title":"This request is forbidden for security reasons","detail":"The API key in use does not allow this request"}]}`}
}

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

// configurationWant is a fixture configuration; custom is its
// custom_settings_values (null unless read by id).
func configurationWant(attrs map[string]knownvalue.Check, custom knownvalue.Check) map[string]knownvalue.Check {
	out := map[string]knownvalue.Check{"custom_settings_values": custom}
	for k, v := range attrs {
		out[k] = v
	}
	return out
}

var (
	wifiConfiguration = map[string]knownvalue.Check{
		"id":                       knownvalue.StringExact("config-12345"),
		"type":                     knownvalue.StringExact("CUSTOM_SETTING"),
		"name":                     knownvalue.StringExact("Corporate Wi-Fi"),
		"configured_for_platforms": strs("PLATFORM_IOS", "PLATFORM_MACOS"),
		"created_date_time":        knownvalue.StringExact("2025-02-01T08:00:00Z"),
		"updated_date_time":        knownvalue.StringExact("2025-05-20T12:00:00.500Z"),
	}
	wifiProfile = knownvalue.ObjectExact(map[string]knownvalue.Check{
		"configuration_profile": knownvalue.StringExact(fakeabm.FixtureProfileXML),
		"filename":              knownvalue.StringExact("corporate-wifi.mobileconfig"),
	})
	emptyProfileConfiguration = map[string]knownvalue.Check{
		"id":                       knownvalue.StringExact("config-custom-2"),
		"type":                     knownvalue.StringExact("CUSTOM_SETTING"),
		"name":                     knownvalue.StringExact("Empty profile"),
		"configured_for_platforms": strs(),
		"created_date_time":        knownvalue.StringExact("2025-03-03T08:00:00Z"),
		"updated_date_time":        knownvalue.Null(),
	}
	emptyProfile = knownvalue.ObjectExact(map[string]knownvalue.Check{
		"configuration_profile": knownvalue.StringExact(""),
		"filename":              knownvalue.StringExact("config-custom-2.mobileconfig"),
	})
	airDropConfiguration = map[string]knownvalue.Check{
		"id":                       knownvalue.StringExact("config-airdrop"),
		"type":                     knownvalue.StringExact("AIR_DROP"),
		"name":                     knownvalue.StringExact("AirDrop off"),
		"configured_for_platforms": strs("PLATFORM_IOS"),
		"created_date_time":        knownvalue.StringExact("2025-02-02T08:00:00Z"),
		"updated_date_time":        knownvalue.StringExact("2025-02-02T08:00:00Z"),
	}
	sparseConfiguration = map[string]knownvalue.Check{
		"id":                       knownvalue.StringExact("config-sparse"),
		"type":                     knownvalue.StringExact("WIFI"),
		"name":                     knownvalue.StringExact("Guest Wi-Fi"),
		"configured_for_platforms": strs(),
		"created_date_time":        knownvalue.Null(),
		"updated_date_time":        knownvalue.Null(),
	}
)

// The configuration list with and without custom settings, filtered by
// type, and lookups by id and name, once with the profile as raw XML and
// absent attributes left out, once with Base64 and nulls: Terraform shows
// the same either way. Custom settings cost one request per CUSTOM_SETTING
// configuration, shared by the list and the lookups.
func TestAccConfigurations(t *testing.T) {
	for _, apple := range []struct{ base64, asNull bool }{{false, false}, {true, true}} {
		env := newTestEnv(t, fakeabm.Options{})
		env.fake.SetProfileBase64(apple.base64)
		env.fake.SetUnsetAsNull(apple.asNull)
		checks := []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.abm_configurations.all", tfjsonpath.New("configurations"), knownvalue.ListSizeExact(7)),
			item("data.abm_configurations.all", "configurations", 0, configurationWant(wifiConfiguration, knownvalue.Null())),
			item("data.abm_configurations.all", "configurations", 1, configurationWant(airDropConfiguration, knownvalue.Null())),
			item("data.abm_configurations.all", "configurations", 4, configurationWant(sparseConfiguration, knownvalue.Null())),
			statecheck.ExpectKnownValue("data.abm_configurations.custom", tfjsonpath.New("configurations"), knownvalue.ListSizeExact(2)),
			item("data.abm_configurations.custom", "configurations", 0, configurationWant(wifiConfiguration, wifiProfile)),
			item("data.abm_configurations.custom", "configurations", 1, configurationWant(emptyProfileConfiguration, emptyProfile)),
			statecheck.ExpectKnownValue("data.abm_configurations.native", tfjsonpath.New("configurations"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("config-vault"), "custom_settings_values": knownvalue.Null()}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("config-dup-1")}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("config-dup-2")}),
			})),
		}
		checks = append(checks, topLevel("data.abm_configuration.by_id", configurationWant(wifiConfiguration, wifiProfile))...)
		checks = append(checks, topLevel("data.abm_configuration.custom_by_name", configurationWant(emptyProfileConfiguration, emptyProfile))...)
		checks = append(checks, topLevel("data.abm_configuration.native_by_name", configurationWant(airDropConfiguration, knownvalue.Null()))...)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testProviders,
			Steps: []resource.TestStep{{
				Config: env.providerBlock("") + `
data "abm_configurations" "all" {}
data "abm_configurations" "custom" {
  types                   = ["CUSTOM_SETTING"]
  include_custom_settings = true
}
data "abm_configurations" "native" {
  types                   = ["FILE_VAULT", "WEB_CLIP"]
  include_custom_settings = true
}
data "abm_configuration" "by_id" {
  id = "config-12345"
}
data "abm_configuration" "custom_by_name" {
  name = "Empty profile"
}
data "abm_configuration" "native_by_name" {
  name = "AirDrop off"
}
`,
				ConfigStateChecks: checks,
			}},
		})
		// Two CUSTOM_SETTING configurations: one request each per read,
		// however many sources want them.
		expectCounts(t, env.fake, map[string]int{fakeabm.RouteConfigurations: 1, fakeabm.RouteConfiguration: 2})
	}
}

func TestAccConfigurationErrors(t *testing.T) {
	cases := map[string]struct {
		opts    fakeabm.Options
		off     bool
		fault   string
		both    bool
		config  string
		pattern string
	}{
		"id not found": {config: `data "abm_configuration" "x" { id = "config-nope" }`,
			pattern: msgRE(`Configuration not found`, `no configuration with id "config-nope"`)},
		"name not found": {config: `data "abm_configuration" "x" { name = "Nope" }`,
			pattern: msgRE(`Configuration not found`, `no configuration with name "Nope". It has 7:`, `"Corporate Wi-Fi" (config-12345)`)},
		"name ambiguous": {config: `data "abm_configuration" "x" { name = "Intranet" }`,
			pattern: msgRE(`Several configurations have this name`, `config-dup-1, config-dup-2`)},
		"both keys": {both: true, config: `data "abm_configuration" "x" {
  id   = "config-12345"
  name = "Corporate Wi-Fi"
}`, pattern: msgRE(`Invalid Attribute Combination`, `[id,name]`)},
		"device management off": {off: true, config: `data "abm_configurations" "x" {}`,
			pattern: msgRE(`Apple refused access (HTTP 403)`, `privilege "View device configurations"`, `built-in device management`)},
		"device management off by id": {off: true, config: `data "abm_configuration" "x" { id = "config-12345" }`,
			pattern: msgRE(`Apple refused access (HTTP 403)`, `abm_configuration`, `turned on`)},
		"custom settings refused": {fault: fakeabm.RouteConfiguration, config: `data "abm_configurations" "x" { include_custom_settings = true }`,
			pattern: msgRE(`Apple refused access (HTTP 403)`, `get configuration`, `privilege "View device configurations"`)},
		"list in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_configurations" "x" {}`,
			pattern: msgRE(`abm_configurations needs Apple Business Manager`)},
		"one in a school": {opts: fakeabm.Options{Scope: "school.api"}, config: `data "abm_configuration" "x" { id = "config-12345" }`,
			pattern: msgRE(`abm_configuration needs Apple Business Manager`)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newParallelEnv(t, tc.opts)
			env.fake.SetDeviceManagementOff(tc.off)
			if tc.fault != "" {
				env.fake.InjectFaults(tc.fault, forbidden(), forbidden(), forbidden(), forbidden())
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

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

// The examples of built-in device management's catalog, run as a user runs
// them; the values asserted are the fixtures of
// internal/fakeabm/device_management_data.go.

func TestAccExampleDataSourceApps(t *testing.T) {
	testDataSourceExample(t, "abm_apps",
		exOutput("custom_app_bundle_ids", exList(exStr("com.acme.field"), exStr("com.acme.shared"), exStr("com.acme.shared"))),
		exOutput("mac_apps", exList(exStr("Pages"))),
	)
}

func TestAccExampleDataSourceApp(t *testing.T) {
	testDataSourceExample(t, "abm_app",
		exOutput("pages", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":           exStr("361309726"),
			"version":      exStr("14.4"),
			"supported_os": exList(exStr("SUPPORTED_OS_IOS"), exStr("SUPPORTED_OS_IPADOS"), exStr("SUPPORTED_OS_MACOS")),
		})),
		exOutput("field_service_is_custom", knownvalue.Bool(true)),
	)
}

func TestAccExampleDataSourcePackages(t *testing.T) {
	testDataSourceExample(t, "abm_packages",
		exOutput("package_versions", knownvalue.MapExact(map[string]knownvalue.Check{
			"pkg-12345":  exStr("2.1"),
			"pkg-sparse": knownvalue.Null(),
			"pkg-dup-1":  exStr("1.0"),
			"pkg-dup-2":  exStr("2.0"),
		})),
	)
}

func TestAccExampleDataSourcePackage(t *testing.T) {
	testDataSourceExample(t, "abm_package",
		exOutput("agent", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":         exStr("pkg-12345"),
			"version":    exStr("2.1"),
			"bundle_ids": exList(exStr("com.acme.agent"), exStr("com.acme.agent.helper")),
			"hash":       exStr("9b2f1c7e4a5d6b8c0e1f2a3b4c5d6e7f"),
		})),
	)
}

func TestAccExampleDataSourceBlueprints(t *testing.T) {
	testDataSourceExample(t, "abm_blueprints",
		exOutput("devices_by_blueprint_id", knownvalue.MapExact(map[string]knownvalue.Check{
			"blueprint-12345": exList(exStr("XABC123X0ABC123X0"), exStr("XARRAYMAC0001")),
			"blueprint-empty": exList(),
			"blueprint-dup-a": exList(),
			"blueprint-dup-b": exList(),
		})),
		exOutput("short_of_licenses", exList()),
	)
}

func TestAccExampleDataSourceBlueprint(t *testing.T) {
	testDataSourceExample(t, "abm_blueprint",
		exOutput("sales_blueprint", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id":                    exStr("blueprint-12345"),
			"status":                exStr("ACTIVE"),
			"app_ids":               exList(exStr("361309726"), exStr("1000000001")),
			"configuration_ids":     exList(exStr("config-12345"), exStr("config-airdrop")),
			"device_serial_numbers": exList(exStr("XABC123X0ABC123X0"), exStr("XARRAYMAC0001")),
		})),
	)
}

func TestAccExampleDataSourceConfigurations(t *testing.T) {
	testDataSourceExample(t, "abm_configurations",
		exOutput("profile_files", knownvalue.MapExact(map[string]knownvalue.Check{
			"Corporate Wi-Fi": exStr("corporate-wifi.mobileconfig"),
			"Empty profile":   exStr("config-custom-2.mobileconfig"),
		})),
	)
}

func TestAccExampleDataSourceConfiguration(t *testing.T) {
	testDataSourceExample(t, "abm_configuration",
		exOutput("wifi_profile_is_plist", knownvalue.Bool(true)),
		exOutput("wifi_platforms", exList(exStr("PLATFORM_IOS"), exStr("PLATFORM_MACOS"))),
	)
}

// TestAccExamplePolicyCheckBlueprintLicensesViolating runs
// examples/policy-checks with the fixture blueprint "Sales iPads" reported
// short of app licenses (the fake's SetAppLicenseDeficient): the check fails, the
// output names the blueprint, and with enforce = true the plan fails.
func TestAccExamplePolicyCheckBlueprintLicensesViolating(t *testing.T) {
	exampleEnv(t, fakeabm.Options{}).SetAppLicenseDeficient("blueprint-12345", true)
	dir := config.StaticDirectory(filepath.Join(examplesDir, "policy-checks"))
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigStateChecks: []statecheck.StateCheck{
					expectCheckBlocks{"blueprints_have_app_licenses": tfjson.CheckStatusFail},
					exOutput("blueprints_short_of_licenses", exList(exStr("Sales iPads (blueprint-12345)"))),
				},
			},
			{
				ProtoV6ProviderFactories: testProviders,
				ConfigDirectory:          dir,
				ConfigVariables:          config.Variables{"enforce": config.BoolVariable(true)},
				ExpectError:              exMessages("blueprints short of app licenses: Sales iPads (blueprint-12345)"),
			},
		},
	})
}

// TestAccExamplePolicyCheckBlueprintLicensesClean runs the same directory
// on the fixtures as they are: no blueprint is short, the check passes.
func TestAccExamplePolicyCheckBlueprintLicensesClean(t *testing.T) {
	exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "policy-checks")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectCheckBlocks{"blueprints_have_app_licenses": tfjson.CheckStatusPass},
				exOutput("blueprints_short_of_licenses", exList()),
			},
		}},
	})
}

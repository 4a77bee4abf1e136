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

// The device security policies of examples/policy-checks/device_security.tf,
// run as a user would, against the fake's managed devices and Activation
// Lock fixtures (internal/fakeabm/mdm_devices.go, activation_lock.go).

var exDeviceSecurityChecks = []string{"macs_filevault_and_firewall", "no_personal_activation_lock"}

func exDeviceSecurityCheckBlocks(status tfjson.CheckStatus) expectCheckBlocks {
	e := expectCheckBlocks{}
	for _, name := range exDeviceSecurityChecks {
		e[name] = status
	}
	return e
}

// Violating: the MacBook's FileVault is off (SetManagedDeviceSecurity), and
// XARRAYMAC0001, listed, is locked with a personal Apple Account.
func TestAccExampleDeviceSecurityViolating(t *testing.T) {
	f := exampleEnv(t, fakeabm.Options{})
	f.SetManagedDeviceSecurity("XMACBOOK0002", false, true)
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "policy-checks")),
			ConfigVariables: config.Variables{
				"activation_lock_serials": exStrings("XAPPLETV0001", "XARRAYMAC0001", "XABC123X0ABC123X0"),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				exDeviceSecurityCheckBlocks(tfjson.CheckStatusFail),
				exOutput("device_security_violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"macs_unprotected":  exList(exStr("XMACBOOK0002")),
					"personally_locked": exList(exStr("XARRAYMAC0001")),
				})),
			},
		}},
	})
}

// A firewall that is off fails the Mac policy as well.
func TestAccExampleDeviceSecurityFirewallOff(t *testing.T) {
	f := exampleEnv(t, fakeabm.Options{})
	f.SetManagedDeviceSecurity("XABC123X0ABC123X0", true, false)
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "policy-checks")),
			ConfigStateChecks: []statecheck.StateCheck{
				expectCheckBlocks{"macs_filevault_and_firewall": tfjson.CheckStatusFail, "no_personal_activation_lock": tfjson.CheckStatusPass},
				exOutput("device_security_violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"macs_unprotected":  exList(exStr("XABC123X0ABC123X0")),
					"personally_locked": exList(),
				})),
			},
		}},
	})
}

// Clean: both fixture Macs are protected, and the listed devices are locked
// by their device management service or not at all.
func TestAccExampleDeviceSecurityClean(t *testing.T) {
	exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			ProtoV6ProviderFactories: testProviders,
			ConfigDirectory:          config.StaticDirectory(filepath.Join(examplesDir, "policy-checks")),
			ConfigVariables: config.Variables{
				"activation_lock_serials": exStrings("XAPPLETV0001", "XABC123X0ABC123X0"),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				exDeviceSecurityCheckBlocks(tfjson.CheckStatusPass),
				exOutput("device_security_violations", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"macs_unprotected":  exList(),
					"personally_locked": exList(),
				})),
			},
		}},
	})
}

func TestAccExampleDataSourceMdmDevices(t *testing.T) {
	f := exampleEnv(t, fakeabm.Options{})
	f.SetManagedDeviceSecurity("XMACBOOK0002", false, true)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: dataSourceExample(t, "abm_mdm_devices"),
			ConfigStateChecks: []statecheck.StateCheck{
				exOutput("macs_without_filevault", exList(exStr("XMACBOOK0002"))),
				exOutput("mac_os_versions", knownvalue.MapExact(map[string]knownvalue.Check{
					"XABC123X0ABC123X0": exStr("15.5"), "XMACBOOK0002": exStr("15.4.1"),
				})),
			},
		}},
	})
}

func TestAccExampleDataSourceMdmDevice(t *testing.T) {
	testDataSourceExample(t, "abm_mdm_device",
		exOutput("reception_mac", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"os_version": exStr("15.5"), "file_vault": knownvalue.Bool(true), "firewall": knownvalue.Bool(true),
			"free_storage_gb": knownvalue.Int64Exact(412),
		})),
	)
}

func TestAccExampleDataSourceOrgDeviceActivationLock(t *testing.T) {
	testDataSourceExample(t, "abm_org_device_activation_lock",
		exOutput("activation_lock", knownvalue.ObjectExact(map[string]knownvalue.Check{
			"locked": knownvalue.Bool(true), "lock_type": exStr("USER"),
		})),
	)
}

func TestAccExampleDataSourceOrgDeviceActivity(t *testing.T) {
	f := exampleEnv(t, fakeabm.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: dataSourceExample(t, "abm_org_device_activity"),
			ConfigStateChecks: []statecheck.StateCheck{
				exOutput("activity_sub_status", exStr("COMPLETED_WITH_ERROR")),
				exOutput("failed_devices", exList(exStr("XARRAYMAC0001: ALREADY_ASSIGNED"), exStr("XNOTINORG0001: DEVICE_NOT_FOUND"))),
			},
		}},
	})
	if n := f.Count(fakeabm.RouteActivityLogTokenLeak); n != 0 || f.Count(fakeabm.RouteActivityLog) == 0 {
		t.Errorf("log downloads: %d, with the bearer token: %d", f.Count(fakeabm.RouteActivityLog), n)
	}
}

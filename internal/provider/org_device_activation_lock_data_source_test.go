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

func TestAccOrgDeviceActivationLock(t *testing.T) {
	// ABM and ASM both have it; an unlocked device's lockType is NONE, null or absent.
	for _, tc := range []struct{ scope, unlocked string }{{"business.api", "NONE"}, {"school.api", "absent"}, {"business.api", "null"}} {
		t.Run(tc.scope+"/"+tc.unlocked, func(t *testing.T) {
			env := newTestEnv(t, fakeabm.Options{Scope: tc.scope})
			env.fake.SetLockTypeWhenUnlocked(tc.unlocked)
			var unlockedType knownvalue.Check = knownvalue.Null()
			if tc.unlocked == "NONE" {
				unlockedType = knownvalue.StringExact("NONE")
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: env.providerBlock("") + `
data "abm_org_device_activation_lock" "user" { serial_number = "XARRAYMAC0001" }
data "abm_org_device_activation_lock" "mdm" { serial_number = "XABC123X0ABC123X0" }
data "abm_org_device_activation_lock" "none" { serial_number = "XAPPLETV0001" }
`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.user", tfjsonpath.New("is_locked"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.user", tfjsonpath.New("lock_type"), knownvalue.StringExact("USER")),
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.user", tfjsonpath.New("serial_number"), knownvalue.StringExact("XARRAYMAC0001")),
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.mdm", tfjsonpath.New("is_locked"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.mdm", tfjsonpath.New("lock_type"), knownvalue.StringExact("MDM")),
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.none", tfjsonpath.New("is_locked"), knownvalue.Bool(false)),
						statecheck.ExpectKnownValue("data.abm_org_device_activation_lock.none", tfjsonpath.New("lock_type"), unlockedType),
					},
				}},
			})
			expectPerRead(t, env.fake, map[string]int{fakeabm.RouteActivationLockStatus: 3})
		})
	}
}

func TestAccOrgDeviceActivationLockErrors(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	f := env.fake
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock("") + `data "abm_org_device_activation_lock" "x" { serial_number = "XNOTHELD0001" }`,
				ExpectError: regexp.MustCompile(`(?s)Device not found.*does\s+not\s+hold\s+a\s+device\s+with\s+serial\s+number\s+"XNOTHELD0001"`),
			},
			{
				// Released devices are no longer the organization's.
				Config:      env.providerBlock("") + `data "abm_org_device_activation_lock" "x" { serial_number = "XRELEASED0001" }`,
				ExpectError: regexp.MustCompile(`(?s)Device not found.*"XRELEASED0001"`),
			},
			{
				// A 503 is retried (max_retries) and the final error still names the serial.
				PreConfig:   func() { f.SetActivationLockInternalState("XABC123X0ABC123X0", 503) },
				Config:      env.providerBlock("max_retries = 1") + `data "abm_org_device_activation_lock" "x" { serial_number = "XABC123X0ABC123X0" }`,
				ExpectError: regexp.MustCompile(`(?s)Apple cannot report this device's Activation Lock status.*serial\s+number\s+"XABC123X0ABC123X0".*internal-only\s+lock\s+state.*HTTP\s+503.*still\s+failing\s+after\s+1\s+retries`),
			},
			{
				PreConfig:   func() { f.SetActivationLockInternalState("XABC123X0ABC123X0", 500) },
				Config:      env.providerBlock("") + `data "abm_org_device_activation_lock" "x" { serial_number = "XABC123X0ABC123X0" }`,
				ExpectError: regexp.MustCompile(`(?s)Apple cannot report this device's Activation Lock status.*"XABC123X0ABC123X0".*HTTP\s+500`),
			},
			{
				PreConfig: func() {
					f.InjectFaults(fakeabm.RouteActivationLockStatus, fakeabm.Fault{Status: 403, Body: `{"errors":[{"status":"403","code":"FORBIDDEN_ERROR","title":"Forbidden","detail":"Request not authorized."}]}`, ContentType: "application/json"})
				},
				Config:      env.providerBlock("") + `data "abm_org_device_activation_lock" "x" { serial_number = "XAPPLETV0001" }`,
				ExpectError: regexp.MustCompile(`(?s)Apple refused access \(HTTP 403\).*"XAPPLETV0001".*"View\s+device\s+management\s+services`),
			},
		},
	})
}

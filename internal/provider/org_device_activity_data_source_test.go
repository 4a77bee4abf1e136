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

func logRow(serial, status string, sub knownvalue.Check) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"serial_number": knownvalue.StringExact(serial), "operation_status": knownvalue.StringExact(status), "operation_substatus": sub,
	})
}

func TestAccOrgDeviceActivity(t *testing.T) {
	for _, scope := range []string{"business.api", "school.api"} {
		t.Run(scope, func(t *testing.T) {
			env := newTestEnv(t, fakeabm.Options{Scope: scope})
			f := env.fake
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: env.providerBlock("") + `
data "abm_org_device_activity" "done" {
  id          = "` + fakeabm.ActivityCompleted + `"
  include_log = true
}
data "abm_org_device_activity" "done_no_log" {
  id = "` + fakeabm.ActivityCompleted + `"
}
data "abm_org_device_activity" "running" {
  id          = "` + fakeabm.ActivityInProgress + `"
  include_log = true
}
data "abm_org_device_activity" "empty" {
  id          = "` + fakeabm.ActivityEmptyLog + `"
  include_log = true
}
`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done", tfjsonpath.New("status"), knownvalue.StringExact("COMPLETED")),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done", tfjsonpath.New("sub_status"), knownvalue.StringExact("COMPLETED_WITH_ERROR")),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done", tfjsonpath.New("created_date_time"), knownvalue.StringExact("2026-06-25T14:22:40.512Z")),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done", tfjsonpath.New("completed_date_time"), knownvalue.StringExact("2026-06-25T14:23:05Z")),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done", tfjsonpath.New("download_url"), knownvalue.StringExact(f.ActivityLogURL(fakeabm.ActivityCompleted))),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done", tfjsonpath.New("log"), knownvalue.ListExact([]knownvalue.Check{
							logRow("XABC123X0ABC123X0", "SUCCESS", knownvalue.Null()),
							logRow("XARRAYMAC0001", "FAILED", knownvalue.StringExact("ALREADY_ASSIGNED")),
							logRow("XNOTINORG0001", "FAILED", knownvalue.StringExact("DEVICE_NOT_FOUND")),
						})),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.done_no_log", tfjsonpath.New("log"), knownvalue.Null()),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.running", tfjsonpath.New("status"), knownvalue.StringExact("IN_PROGRESS")),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.running", tfjsonpath.New("sub_status"), knownvalue.StringExact("PROCESSING")),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.running", tfjsonpath.New("completed_date_time"), knownvalue.Null()),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.running", tfjsonpath.New("download_url"), knownvalue.Null()),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.running", tfjsonpath.New("log"), knownvalue.Null()),
						statecheck.ExpectKnownValue("data.abm_org_device_activity.empty", tfjsonpath.New("log"), knownvalue.ListExact([]knownvalue.Check{})),
						statecheck.ExpectSensitiveValue("data.abm_org_device_activity.done", tfjsonpath.New("download_url")),
					},
				}},
			})
			// Two logs downloaded per read, never with the API's bearer token.
			expectPerRead(t, f, map[string]int{fakeabm.RouteOrgDeviceActivity: 4, fakeabm.RouteActivityLog: 2})
			if n := f.Count(fakeabm.RouteActivityLogTokenLeak); n != 0 {
				t.Errorf("%d log downloads carried an Authorization header", n)
			}
		})
	}
}

func TestAccOrgDeviceActivityErrors(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	f := env.fake
	done := `data "abm_org_device_activity" "x" {
  id          = "` + fakeabm.ActivityCompleted + `"
  include_log = true
}`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{
				Config:      env.providerBlock("") + `data "abm_org_device_activity" "x" { id = "` + fakeabm.ActivityExpired + `" }`,
				ExpectError: regexp.MustCompile(`(?s)Device activity not found.*keeps\s+activities\s+for\s+30\s+days`),
			},
			{
				PreConfig:   func() { f.SetActivityLogExpired(404) },
				Config:      env.providerBlock("") + done,
				ExpectError: regexp.MustCompile(`(?s)Cannot read the device activity's log.*download\s+link\s+has\s+expired.*HTTP\s+404`),
			},
			{
				PreConfig: func() {
					f.SetActivityLogExpired(0)
					f.SetActivityLogBase("http://logs.example.com")
				},
				Config:      env.providerBlock("") + done,
				ExpectError: regexp.MustCompile(`(?s)refusing\s+to\s+download\s+from\s+http://logs.example.com.*only\s+https://`),
			},
		},
	})
	if n := f.Count(fakeabm.RouteActivityLogTokenLeak); n != 0 {
		t.Errorf("%d log downloads carried an Authorization header", n)
	}
}

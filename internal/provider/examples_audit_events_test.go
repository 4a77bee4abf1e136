package provider

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestAccExampleDataSourceAuditEvents(t *testing.T) {
	exampleEnv(t, fakeabm.Options{})
	t.Setenv("TF_VAR_since", "2026-06-01T00:00:00Z")
	var keys []knownvalue.Check
	for _, e := range fakeabm.NewServer(fakeabm.Options{}).AuditEvents() {
		if e.Type != "API_ACCOUNT_KEY_GENERATED" && e.Type != "API_ACCOUNT_CREATED_WITH_KEY" {
			continue
		}
		var p struct {
			KeyID string `json:"keyId"`
		}
		if err := json.Unmarshal([]byte(e.Payload), &p); err != nil || p.KeyID == "" {
			t.Fatalf("%s: %q %v", e.ID, e.Payload, err)
		}
		by := e.ActorName
		if by == "" {
			by = e.ActorType
		}
		keys = append(keys, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"at": exStr(e.EventDateTime), "by": exStr(by), "key_id": exStr(p.KeyID),
		}))
	}
	if len(keys) != 2 {
		t.Fatalf("%d key events in the fake", len(keys))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: dataSourceExample(t, "abm_audit_events"),
			ConfigStateChecks: []statecheck.StateCheck{
				exOutput("api_keys", knownvalue.ListExact(keys)),
				exOutput("apple_tv_history", exList(
					exStr("2026-06-11T10:00:00Z DEVICE_UNASSIGNED_FROM_SERVER by Fleet sync"),
					exStr("2026-06-11T10:00:05.5Z DEVICE_ASSIGNED_TO_SERVER by Ada Admin to Apple Configurator"),
				)),
			},
		}},
	})
}

// driftChanges is the drift report's `changes` output for the fake's audit
// trail from since on: device events that did not fail, oldest first, with
// who, when, the releasing entity and the target server from the payload.
func driftChanges(t *testing.T, since string) knownvalue.Check {
	t.Helper()
	names := map[string]string{"DEVICE_ADDED_TO_ORG": "added", "DEVICE_REMOVED_FROM_ORG": "released",
		"DEVICE_ASSIGNED_TO_SERVER": "assigned", "DEVICE_UNASSIGNED_FROM_SERVER": "unassigned"}
	nullable := func(s string) knownvalue.Check {
		if s == "" {
			return knownvalue.Null()
		}
		return exStr(s)
	}
	checks := []knownvalue.Check{}
	for _, e := range fakeabm.NewServer(fakeabm.Options{}).AuditEvents() {
		if names[e.Type] == "" || e.Outcome == "FAILURE" || e.EventDateTime < since {
			continue
		}
		var p struct{ SerialNumber, ReleaseEntityType, ReleaseEntityID, TargetServerName string }
		if err := json.Unmarshal([]byte(e.Payload), &p); err != nil || p.SerialNumber == "" {
			t.Fatalf("%s: %q %v", e.ID, e.Payload, err)
		}
		by := e.ActorName
		for _, v := range []string{e.ActorID, e.ActorType} {
			if by == "" {
				by = v
			}
		}
		checks = append(checks, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"serial_number": exStr(p.SerialNumber), "change": exStr(names[e.Type]), "at": exStr(e.EventDateTime), "by": exStr(by),
			"release_entity_type": nullable(p.ReleaseEntityType), "release_entity_id": nullable(p.ReleaseEntityID),
			"server_name": nullable(p.TargetServerName),
		}))
	}
	return knownvalue.ListExact(checks)
}

// driftChange is one entry of the drift report's changes, as a check.
func driftChange(serial, change, at, by, releaseType, releaseID, server string) knownvalue.Check {
	opt := func(s string) knownvalue.Check {
		if s == "" {
			return knownvalue.Null()
		}
		return exStr(s)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"serial_number": exStr(serial), "change": exStr(change), "at": exStr(at), "by": exStr(by),
		"release_entity_type": opt(releaseType), "release_entity_id": opt(releaseID), "server_name": opt(server),
	})
}

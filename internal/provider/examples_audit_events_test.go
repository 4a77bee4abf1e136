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
	exampleEnv(t, fakeabm.Options{}, nil)
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

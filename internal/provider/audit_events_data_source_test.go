package provider

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// allTime is a window holding every event of the fake.
const allTime = `
  start_date_time = "2025-01-01T00:00:00Z"
  end_date_time   = "2027-01-01T00:00:00Z"`

const (
	ada       = "7A1C2B3D-0000-4000-8000-00000000A001" // the fake's first actor
	fleetSync = "7A1C2B3D-0000-4000-8000-00000000B001" // an API account
)

// eventCheck is the exact object an event must become: every common
// attribute, null where Apple left it out, and the payload's JSON text.
func eventCheck(e fakeabm.AuditEvent) knownvalue.Check {
	s := func(v string) knownvalue.Check {
		if v == "" {
			return knownvalue.Null()
		}
		return knownvalue.StringExact(v)
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": s(e.ID), "event_date_time": s(e.EventDateTime), "type": s(e.Type), "category": s(e.Category),
		"actor_type": s(e.ActorType), "actor_id": s(e.ActorID), "actor_name": s(e.ActorName),
		"subject_type": s(e.SubjectType), "subject_id": s(e.SubjectID), "subject_name": s(e.SubjectName),
		"outcome": s(e.Outcome), "group_id": s(e.GroupID), "event_data_property_key": s(e.PayloadKey),
		"event_data": s(e.Payload),
	})
}

// Every documented type, the 2.6 ones with known payloads, the live-shaped
// event and the devices' history: every attribute exact, and event_data
// decodable in HCL.
func TestAccAuditEventsEveryTypeAndAttribute(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	events := env.fake.AuditEvents()
	var objects, serials []knownvalue.Check
	types := map[string]bool{}
	for _, e := range events {
		objects = append(objects, eventCheck(e))
		var p struct {
			SerialNumber string `json:"serialNumber"`
		}
		if err := json.Unmarshal([]byte(e.Payload), &p); err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		serials = append(serials, knownvalue.StringExact(p.SerialNumber))
		types[e.Type] = true
	}
	if len(types) < 33+4 {
		t.Fatalf("the fake serves %d types", len(types))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_audit_events" "all" {` + allTime + `
}
output "serials" {
  value = [for e in data.abm_audit_events.all.events : try(jsondecode(e.event_data).serialNumber, "")]
}
output "new_name" {
  value = jsondecode([for e in data.abm_audit_events.all.events : e.event_data if e.type == "API_ACCOUNT_NAME_CHANGED"][0]).newName
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_audit_events.all", tfjsonpath.New("events"), knownvalue.ListExact(objects)),
				statecheck.ExpectKnownOutputValue("serials", knownvalue.ListExact(serials)),
				statecheck.ExpectKnownOutputValue("new_name", knownvalue.StringExact(`Opérations "API"`)),
				statecheck.ExpectKnownValue("data.abm_audit_events.all", tfjsonpath.New("end_date_time"), knownvalue.StringExact("2027-01-01T00:00:00Z")),
			},
		}},
	})
}

// Null instead of absent, payload-less events without a payload key or
// without even eventDataPropertyKey, Apple's documented links, an empty last
// cursor, newest-first order and the schema's key casing: the same events.
func TestAccAuditEventsOpenQuestions(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{AuditEvents: 1500})
	f := env.fake
	f.SetUnsetAsNull(true)
	f.SetAuditEmptyPayload("unnamed")
	f.SetAuditDocumentedLinks(true)
	f.SetAuditEmptyLastCursor(true)
	f.SetAuditOrder("desc")
	f.SetAuditSchemaCasing(true)
	var objects []knownvalue.Check
	for _, e := range f.AuditEvents() {
		if e.Payload == "{}" {
			e.Payload, e.PayloadKey = "", ""
		}
		e.PayloadKey = strings.NewReplacer("ICloud", "Icloud", "AppleCare", "Applecare").Replace(e.PayloadKey)
		objects = append(objects, eventCheck(e))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_audit_events" "all" {` + allTime + `
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_audit_events.all", tfjsonpath.New("events"), knownvalue.ListExact(objects)),
			},
		}},
	})
}

// Every filter alone and combined, against the fake's own answer.
func TestAccAuditEventsFilters(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 8, AuditEvents: 2500, Devices: 40})
	f := env.fake
	deviceTypes := []string{"DEVICE_ADDED_TO_ORG", "DEVICE_ASSIGNED_TO_SERVER"}
	deviceCats := []string{"DEVICE_ACTIVITY", "DEVICE_INVENTORY"}
	cfg := env.providerBlock("") + `
data "abm_audit_events" "by_actor" {` + allTime + `
  actor_id = "` + ada + `"
}
data "abm_audit_events" "by_subject" {` + allTime + `
  subject_id = "XAPPLETV0001"
}
data "abm_audit_events" "one_type" {` + allTime + `
  types = ["DEVICE_REMOVED_FROM_ORG"]
}
data "abm_audit_events" "two_types" {` + allTime + `
  types = ["DEVICE_ADDED_TO_ORG", "DEVICE_ASSIGNED_TO_SERVER"]
}
data "abm_audit_events" "by_category" {` + allTime + `
  categories = ["DEVICE_ACTIVITY"]
}
data "abm_audit_events" "window" {
  start_date_time = "2026-06-01T02:00:00Z"
  end_date_time   = "2026-06-01T05:00:00.25+00:00"
}
data "abm_audit_events" "combined" {
  start_date_time = "2026-01-10T00:00:00+02:00"
  end_date_time   = "2026-06-30T00:00:00Z"
  actor_id        = "` + ada + `"
  types           = ["DEVICE_ADDED_TO_ORG", "DEVICE_ASSIGNED_TO_SERVER"]
  categories      = ["DEVICE_ACTIVITY", "DEVICE_INVENTORY"]
}
data "abm_audit_events" "nothing" {` + allTime + `
  subject_id = "NOT-A-SUBJECT"
}
`
	ids := func(name string) string { return "data.abm_audit_events." + name }
	check := func(name string, keep func(e fakeabm.AuditEvent) bool) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(ids(name), tfjsonpath.New("events"), listOfIDs(f, keep))
	}
	combinedStart := time.Date(2026, 1, 9, 22, 0, 0, 0, time.UTC)
	combinedEnd := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				check("by_actor", func(e fakeabm.AuditEvent) bool { return e.ActorID == ada }),
				check("by_subject", func(e fakeabm.AuditEvent) bool { return e.SubjectID == "XAPPLETV0001" }),
				check("one_type", func(e fakeabm.AuditEvent) bool { return e.Type == "DEVICE_REMOVED_FROM_ORG" }),
				check("two_types", func(e fakeabm.AuditEvent) bool { return slices.Contains(deviceTypes, e.Type) }),
				check("by_category", func(e fakeabm.AuditEvent) bool { return e.Category == "DEVICE_ACTIVITY" }),
				check("window", func(e fakeabm.AuditEvent) bool {
					return e.EventDateTime >= "2026-06-01T02" && e.EventDateTime <= "2026-06-01T05:00:00.25Z"
				}),
				check("combined", func(e fakeabm.AuditEvent) bool {
					at, _ := time.Parse(time.RFC3339Nano, e.EventDateTime)
					return !at.Before(combinedStart) && !at.After(combinedEnd) && e.ActorID == ada &&
						slices.Contains(deviceTypes, e.Type) && slices.Contains(deviceCats, e.Category)
				}),
				statecheck.ExpectKnownValue(ids("nothing"), tfjsonpath.New("events"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue(ids("window"), tfjsonpath.New("events").AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact("AE-DEVICE_ASSIGNED_TO_SERVER")),
			},
		}},
	})
	// Apple's filters carry actor, subject and a single type; times go in UTC.
	var sawCombined bool
	for _, q := range f.AuditQueries() {
		if q.Get("filter[actorId]") == ada && q.Get("filter[type]") == "DEVICE_ASSIGNED_TO_SERVER" &&
			q.Get("filter[startTimestamp]") == "2026-01-09T22:00:00Z" && q.Get("filter[endTimestamp]") == "2026-06-30T00:00:00Z" {
			sawCombined = true
		}
		if q.Has("filter[categories]") || q.Has("filter[category]") || strings.Contains(q.Get("filter[type]"), ",") {
			t.Errorf("a filter Apple does not have: %v", q)
		}
	}
	if !sawCombined {
		t.Error("the combined source did not send Apple's filters")
	}
}

// listOfIDs is the exact list of events, by id only, that keep selects.
func listOfIDs(f *fakeabm.Server, keep func(e fakeabm.AuditEvent) bool) knownvalue.Check {
	var checks []knownvalue.Check
	for _, e := range f.AuditEvents() {
		if keep(e) {
			checks = append(checks, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(e.ID)}))
		}
	}
	if len(checks) == 0 {
		return knownvalue.ListExact([]knownvalue.Check{})
	}
	return knownvalue.ListExact(checks)
}

// Both multi-type strategies cost what the documentation says: up to 8
// types, one walk per type (each at least one request); more, one walk of
// the whole window.
func TestAccAuditEventsMultiTypeRequestCounts(t *testing.T) {
	few := []string{"DEVICE_ADDED_TO_ORG", "DEVICE_ASSIGNED_TO_SERVER", "API_ACCOUNT_KEY_GENERATED"}
	many := []string{"DEVICE_ADDED_TO_ORG", "DEVICE_REMOVED_FROM_ORG", "DEVICE_ASSIGNED_TO_SERVER", "DEVICE_UNASSIGNED_FROM_SERVER",
		"DOMAIN_ADDED", "DOMAIN_REMOVED", "DOMAIN_VERIFIED", "ACCOUNT_ADDED", "ACCOUNT_DELETED"}
	for _, tc := range []struct {
		name  string
		types []string
		walks func(f *fakeabm.Server, types []string) (requests int, perType bool)
	}{
		{"per type", few, func(f *fakeabm.Server, types []string) (int, bool) {
			n := 0
			for _, typ := range types {
				n += max(1, (countEvents(f, func(e fakeabm.AuditEvent) bool { return e.Type == typ })+999)/1000)
			}
			return n, true
		}},
		{"one walk", many, func(f *fakeabm.Server, _ []string) (int, bool) {
			return max(1, (countEvents(f, func(fakeabm.AuditEvent) bool { return true })+999)/1000), false
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t, fakeabm.Options{Seed: 3, AuditEvents: 2500, Devices: 100})
			f := env.fake
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps: []resource.TestStep{{
					Config: env.providerBlock("") + `
data "abm_audit_events" "x" {` + allTime + `
  types = ` + hclList(tc.types) + `
}
`,
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.abm_audit_events.x", tfjsonpath.New("events"),
							listOfIDs(f, func(e fakeabm.AuditEvent) bool { return slices.Contains(tc.types, e.Type) })),
					},
				}},
			})
			reads := f.Count("token")
			perRead, perType := tc.walks(f, tc.types)
			if got := f.Count(fakeabm.RouteAuditEvents); reads == 0 || got != reads*perRead {
				t.Errorf("%d requests in %d reads, want %d per read", got, reads, perRead)
			}
			for _, q := range f.AuditQueries() {
				if q.Has("filter[type]") != perType {
					t.Fatalf("strategy: query %v", q)
				}
			}
			t.Logf("%d types: %d requests per read", len(tc.types), perRead)
		})
	}
}

func countEvents(f *fakeabm.Server, keep func(fakeabm.AuditEvent) bool) int {
	n := 0
	for _, e := range f.AuditEvents() {
		if keep(e) {
			n++
		}
	}
	return n
}

// A sliding window from plantimestamp() is known at plan; the end defaults
// to the time of the read and is recorded.
func TestAccAuditEventsSlidingWindow(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	before := time.Now().UTC()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_audit_events" "day" {
  start_date_time = timeadd(plantimestamp(), "-24h")
}
output "hours" {
  value = (parseint(formatdate("YYYYMMDDhh", data.abm_audit_events.day.end_date_time), 10) - parseint(formatdate("YYYYMMDDhh", data.abm_audit_events.day.start_date_time), 10))
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_audit_events.day", tfjsonpath.New("events"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue("data.abm_audit_events.day", tfjsonpath.New("end_date_time"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`))),
			},
		}},
	})
	qs := env.fake.AuditQueries()
	if len(qs) == 0 {
		t.Fatal("no audit request")
	}
	for _, q := range qs {
		start, err1 := time.Parse(time.RFC3339Nano, q.Get("filter[startTimestamp]"))
		end, err2 := time.Parse(time.RFC3339Nano, q.Get("filter[endTimestamp]"))
		if err1 != nil || err2 != nil {
			t.Fatalf("query %v", q)
		}
		if d := start.Sub(before.Add(-24 * time.Hour)); d < -time.Minute || d > 10*time.Minute {
			t.Errorf("start %s is not 24h before the plan (%s)", start, before)
		}
		if d := end.Sub(start); d < 24*time.Hour || d > 24*time.Hour+10*time.Minute {
			t.Errorf("window %s–%s is not the last day", start, end)
		}
	}
}

func TestAccAuditEventsValidation(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	p := env.providerBlock("")
	expectError(t, p+`data "abm_audit_events" "x" {}`, `(?s)start_date_time.*required`)
	expectError(t, p+`data "abm_audit_events" "x" { start_date_time = "yesterday" }`, `(?s)start_date_time.*"yesterday".*RFC 3339`)
	expectError(t, p+`data "abm_audit_events" "x" {
  start_date_time = "2026-06-01T00:00:00Z"
  end_date_time   = "2026-06-31T00:00:00Z"
}`, `(?s)end_date_time.*RFC 3339`)
	expectError(t, p+`data "abm_audit_events" "x" {
  start_date_time = "2026-06-02T00:00:00Z"
  end_date_time   = "2026-06-01T23:59:59Z"
}`, `(?s)end_date_time\s+\(2026-06-01T23:59:59Z\)\s+is\s+before\s+start_date_time\s+\(2026-06-02T00:00:00Z\)`)
	// The end is the time of the read: a start in the future is refused
	// when read, before any request.
	expectError(t, p+`data "abm_audit_events" "x" { start_date_time = timeadd(plantimestamp(), "24h") }`,
		`(?s)end_date_time\s+\(.*\)\s+is\s+before\s+start_date_time.*No\s+request\s+was\s+made`)
	expectError(t, p+`data "abm_audit_events" "x" {
  start_date_time = "2026-06-01T00:00:00Z"
  types           = []
}`, `(?s)types.*at least 1`)
	expectError(t, p+`data "abm_audit_events" "x" {
  start_date_time = "2026-06-01T00:00:00Z"
  actor_id        = ""
}`, `(?s)actor_id.*at least 1`)
	if n := env.fake.Count(fakeabm.RouteAuditEvents); n != 0 {
		t.Errorf("%d audit requests for invalid configurations", n)
	}
}

func TestAccAuditEventsSchoolAndForbidden(t *testing.T) {
	school := newTestEnv(t, fakeabm.Options{Scope: "school.api"})
	expectError(t, school.providerBlock("")+`data "abm_audit_events" "x" {`+allTime+"\n}",
		`(?s)abm_audit_events\s+needs\s+Apple\s+Business\s+Manager.*No\s+request\s+was\s+made`)
	if n := school.fake.Count(fakeabm.RouteAuditEvents) + school.fake.Count("other"); n != 0 {
		t.Errorf("%d requests from a school configuration", n)
	}
	env := newTestEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteAuditEvents, fakeabm.Fault{Status: 403})
	expectError(t, env.providerBlock("")+`data "abm_audit_events" "x" {`+allTime+"\n}",
		`(?s)HTTP 403.*"Access\s+audit\s+events\s+using\s+the\s+Admin\s+API"`)
}

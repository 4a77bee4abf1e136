package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

var everything = client.AuditQuery{Start: "2025-01-01T00:00:00Z", End: "2027-01-01T00:00:00Z"}

func listAudit(t *testing.T, c *client.Client, q client.AuditQuery) []*client.Record {
	t.Helper()
	var out []*client.Record
	if err := c.ListAuditEvents(context.Background(), q, func(r *client.Record) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkAuditEvent compares every attribute of a decoded event with the
// fake's: an attribute the fake leaves out must be absent or null, never "".
func checkAuditEvent(t *testing.T, r *client.Record, e fakeabm.AuditEvent) {
	t.Helper()
	if r.ID != e.ID {
		t.Fatalf("id %s, want %s", r.ID, e.ID)
	}
	for key, want := range map[string]string{
		"eventDateTime": e.EventDateTime, "type": e.Type, "category": e.Category, "actorType": e.ActorType,
		"actorId": e.ActorID, "actorName": e.ActorName, "subjectType": e.SubjectType, "subjectId": e.SubjectID,
		"subjectName": e.SubjectName, "outcome": e.Outcome, "groupId": e.GroupID, "eventDataPropertyKey": e.PayloadKey,
		"eventData": e.Payload,
	} {
		got, ok := r.Str(client.AuditEvents.Index(key))
		if got != want || ok != (want != "") {
			t.Errorf("%s %s = %q (set %v), want %q", e.ID, key, got, ok, want)
		}
	}
}

func TestListAuditEventsDecodesEveryAttribute(t *testing.T) {
	f := newFake(t, fakeabm.Options{AuditEvents: 2100, Devices: 20})
	c, _ := newClient(t, f)
	got := listAudit(t, c, everything)
	want := f.AuditEvents()
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i := range want {
		checkAuditEvent(t, got[i], want[i])
	}
	if n := f.Count(fakeabm.RouteAuditEvents); n != 3 {
		t.Errorf("%d requests for %d events, want 3", n, len(want))
	}
	q := f.AuditQueries()[0]
	if q.Get("filter[startTimestamp]") != everything.Start || q.Get("filter[endTimestamp]") != everything.End || q.Has("fields[auditEvents]") {
		t.Errorf("query %v", q)
	}
}

func TestListAuditEventsFilters(t *testing.T) {
	f := newFake(t, fakeabm.Options{AuditEvents: 500, Devices: 20})
	c, _ := newClient(t, f)
	q := everything
	q.ActorID, q.SubjectID, q.Type = "7A1C2B3D-0000-4000-8000-00000000A001", "XABC123X0ABC123X0", "DEVICE_ADDED_TO_ORG"
	got := listAudit(t, c, q)
	var want []fakeabm.AuditEvent
	for _, e := range f.AuditEvents() {
		if e.ActorID == q.ActorID && e.SubjectID == q.SubjectID && e.Type == q.Type {
			want = append(want, e)
		}
	}
	if len(got) != len(want) || len(want) == 0 || want[len(want)-1].ID != "AE-HIST-2" {
		t.Fatalf("combined filters: %d events, want %d", len(got), len(want))
	}
	for i := range want {
		checkAuditEvent(t, got[i], want[i])
	}
	sent := f.AuditQueries()[0]
	if sent.Get("filter[actorId]") != q.ActorID || sent.Get("filter[subjectId]") != q.SubjectID || sent.Get("filter[type]") != q.Type {
		t.Errorf("query %v", sent)
	}
}

// Every answer Apple leaves open decodes to the same events: nulls for
// absent attributes, the empty-payload variants, the schema's key casing,
// documented links and an empty last cursor.
func TestListAuditEventsOpenQuestions(t *testing.T) {
	f := newFake(t, fakeabm.Options{AuditEvents: 1200})
	c, _ := newClient(t, f)
	f.SetUnsetAsNull(true)
	f.SetAuditSchemaCasing(true)
	f.SetAuditDocumentedLinks(true)
	f.SetAuditEmptyLastCursor(true)
	f.SetAuditEmptyPayload("absent")
	got := listAudit(t, c, everything)
	want := f.AuditEvents()
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for i, r := range got {
		e := want[i]
		if e.Payload == "{}" {
			e.Payload = "" // "absent": the payload key is left out
		}
		e.PayloadKey = strings.NewReplacer("ICloud", "Icloud", "AppleCare", "Applecare").Replace(e.PayloadKey)
		if strings.Contains(e.PayloadKey, "Icloud") && e.Payload == "" {
			t.Fatal("a casing case lost its payload")
		}
		checkAuditEvent(t, r, e)
	}
	f.SetAuditEmptyPayload("unnamed")
	for _, r := range listAudit(t, c, client.AuditQuery{Start: "2026-06-01T00:00:00Z", End: "2026-06-03T00:00:00Z", Type: "DOMAIN_ADDED"}) {
		if r.Present(client.AuditEvents.Index("eventData")) {
			t.Errorf("%s: event_data present without a payload", r.ID)
		}
	}
}

func TestListAuditEventsErrorsNameTheType(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	q := everything
	q.Type = "NOT_A_TYPE"
	err := c.ListAuditEvents(context.Background(), q, func(*client.Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "audit events of type NOT_A_TYPE") || !strings.Contains(err.Error(), "PARAMETER_ERROR.INVALID") {
		t.Errorf("err = %v", err)
	}
}

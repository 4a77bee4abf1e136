package fakeabm

import (
	"testing"
	"time"
)

// Anchored, the newest event is served at the anchor and a window relative to
// it (the last 24 hours) selects by the shifted times: AE-HIST-3 and AE-HIST-4
// are 5.5 s apart and the events before them more than a day older.
func TestAuditEventsAnchor(t *testing.T) {
	s := New(Options{AuditEvents: 20})
	defer s.Close()
	tok := token(t, s)
	now := time.Date(2030, 3, 4, 12, 0, 0, 0, time.UTC)
	s.AnchorAuditEvents(now)

	all := s.AuditEvents()
	if got := all[len(all)-1]; got.ID != "AE-HIST-4" || got.EventDateTime != "2030-03-04T12:00:00Z" {
		t.Fatalf("newest event: %s at %s", got.ID, got.EventDateTime)
	}
	day := auditPath("filter[startTimestamp]", now.Add(-24*time.Hour).Format(time.RFC3339),
		"filter[endTimestamp]", now.Format(time.RFC3339))
	code, p, b := auditGet(t, s, tok, day)
	if code != 200 || len(p.Data) != 2 || p.Data[0].ID != "AE-HIST-3" || p.Data[1].ID != "AE-HIST-4" {
		t.Fatalf("last 24 h: %d %s", code, b)
	}
	if got := string(p.Data[0].Attributes["eventDateTime"]); got != `"2030-03-04T11:59:54.5Z"` {
		t.Errorf("AE-HIST-3 served at %s", got)
	}
	// The generated dates match nothing any more; the count is unchanged.
	jan := auditPath("filter[startTimestamp]", "2026-01-01T00:00:00Z", "filter[endTimestamp]", "2026-02-01T00:00:00Z")
	if code, p, b := auditGet(t, s, tok, jan); code != 200 || len(p.Data) != 0 {
		t.Errorf("January 2026 after the shift: %d %s", code, b)
	}
	if code, p, _ := auditGet(t, s, tok, auditPath("filter[startTimestamp]", "2029-01-01T00:00:00Z", "filter[endTimestamp]", "2031-01-01T00:00:00Z", "limit", "1000")); code != 200 || len(p.Data) != len(all) {
		t.Errorf("whole shifted trail: %d, %d of %d events", code, len(p.Data), len(all))
	}

	s.SetAuditShift(0)
	if got := s.AuditEvents()[len(all)-1].EventDateTime; got != "2026-06-11T10:00:05.5Z" {
		t.Errorf("unshifted again: newest at %s", got)
	}
}

package fakeabm

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"
)

func auditPath(extra ...string) string {
	q := url.Values{"filter[startTimestamp]": {"2025-01-01T00:00:00Z"}, "filter[endTimestamp]": {"2027-01-01T00:00:00Z"}}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			q.Del(extra[i])
			continue
		}
		q.Set(extra[i], extra[i+1])
	}
	return "/v1/auditEvents?" + q.Encode()
}

type auditPage struct {
	Data []struct {
		ID         string                     `json:"id"`
		Attributes map[string]json.RawMessage `json:"attributes"`
	} `json:"data"`
	Links map[string]string `json:"links"`
	Meta  struct {
		Paging map[string]any `json:"paging"`
	} `json:"meta"`
}

func auditGet(t *testing.T, s *Server, tok, path string) (int, auditPage, []byte) {
	t.Helper()
	resp, b := get(t, s, tok, path)
	var p auditPage
	if resp.StatusCode == 200 {
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
	}
	return resp.StatusCode, p, b
}

func TestAuditEventsQueryErrors(t *testing.T) {
	s := New(Options{AuditEvents: 50})
	defer s.Close()
	tok := token(t, s)
	for _, tc := range []struct {
		path, code, param string
	}{
		{auditPath("filter[startTimestamp]", ""), "PARAMETER_ERROR.REQUIRED", "filter[startTimestamp]"},
		{auditPath("filter[endTimestamp]", ""), "PARAMETER_ERROR.REQUIRED", "filter[endTimestamp]"},
		{auditPath("filter[startTimestamp]", "yesterday"), "PARAMETER_ERROR.INVALID", "filter[startTimestamp]"},
		{auditPath("filter[type]", "NOT_A_TYPE"), "PARAMETER_ERROR.INVALID", "filter[type]"},
		{auditPath("filter[type]", "DEVICE_ADDED_TO_ORG,DOMAIN_ADDED"), "PARAMETER_ERROR.INVALID", "filter[type]"},
		{auditPath("fields[auditEvents]", "nope"), "PARAMETER_ERROR.INVALID", "fields[auditEvents]"},
	} {
		resp, b := get(t, s, tok, tc.path)
		if code, param := errorCode(t, b); resp.StatusCode != 400 || code != tc.code || param != tc.param {
			t.Errorf("%s: %d %s %s", tc.path, resp.StatusCode, code, param)
		}
	}
	// The knobs of the open questions.
	s.SetAuditEndRequired(false)
	if code, p, _ := auditGet(t, s, tok, auditPath("filter[endTimestamp]", "")); code != 200 || len(p.Data) != len(s.AuditEvents()) {
		t.Errorf("without an end: %d, %d events", code, len(p.Data))
	}
	backwards := auditPath("filter[startTimestamp]", "2026-07-01T00:00:00Z", "filter[endTimestamp]", "2026-01-01T00:00:00Z")
	if code, p, _ := auditGet(t, s, tok, backwards); code != 200 || len(p.Data) != 0 {
		t.Errorf("end before start: %d, %d events", code, len(p.Data))
	}
	s.SetAuditEndBeforeStart("error")
	if code, _, _ := auditGet(t, s, tok, backwards); code != 400 {
		t.Errorf("end before start with the error knob: %d", code)
	}
	s.SetAuditMaxWindow(24 * time.Hour)
	if code, _, _ := auditGet(t, s, tok, auditPath()); code != 400 {
		t.Errorf("a range over the maximum: %d", code)
	}
	s.SetAuditMaxWindow(0)
	s.SetAuditZuluOnly(true)
	if code, _, _ := auditGet(t, s, tok, auditPath("filter[startTimestamp]", "2025-01-01T01:00:00+01:00")); code != 400 {
		t.Errorf("an offset with Z only: %d", code)
	}
	s.SetAuditTypeFilter("2.4")
	if code, _, _ := auditGet(t, s, tok, auditPath("filter[type]", "ROLE_UPDATED")); code != 400 {
		t.Errorf("a 2.6 type on a 2.4 organization: %d", code)
	}
	s.SetAuditTypeFilter("any")
	if code, p, _ := auditGet(t, s, tok, auditPath("filter[type]", "FROM_THE_FUTURE")); code != 200 || len(p.Data) != 0 {
		t.Errorf("an unknown type with any: %d %d", code, len(p.Data))
	}
}

func TestAuditEventsShapes(t *testing.T) {
	s := New(Options{AuditEvents: 2500, Devices: 30})
	defer s.Close()
	tok := token(t, s)
	all := s.AuditEvents()
	if len(all) != 2500+len(auditTypes)+1+4 {
		t.Fatalf("%d events", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].at < all[i-1].at {
			t.Fatalf("event %d is older than the one before", i)
		}
	}
	// The live page: empty links, limit and nextCursor in meta, events without links.
	code, p, body := auditGet(t, s, tok, auditPath("limit", "1000"))
	if code != 200 || len(p.Data) != 1000 || len(p.Links) != 0 || p.Meta.Paging["nextCursor"] == "" || strings.Contains(string(body), `"self"`) {
		t.Fatalf("first page: %d %d %v %v", code, len(p.Data), p.Links, p.Meta.Paging)
	}
	if p.Data[0].ID != all[0].ID {
		t.Errorf("first event %s, want %s", p.Data[0].ID, all[0].ID)
	}
	s.SetAuditDocumentedLinks(true)
	s.SetAuditEmptyLastCursor(true)
	_, p, _ = auditGet(t, s, tok, auditPath("filter[type]", "DOMAIN_ADDED"))
	if p.Links["self"] == "" || p.Meta.Paging["nextCursor"] != "" {
		t.Errorf("documented links, empty last cursor: %v %v", p.Links, p.Meta.Paging)
	}
	for _, d := range p.Data {
		if string(d.Attributes["type"]) != `"DOMAIN_ADDED"` || string(d.Attributes["eventDataDomainAdded"]) != "{}" {
			t.Errorf("filtered by type: %s %s", d.Attributes["type"], d.Attributes["eventDataDomainAdded"])
		}
	}
	s.SetAuditEmptyPayload("unnamed")
	s.SetUnsetAsNull(true)
	s.SetAuditOrder("desc")
	_, p, _ = auditGet(t, s, tok, auditPath("filter[actorId]", auditActors[0].id))
	if len(p.Data) == 0 || p.Data[0].ID != "AE-HIST-4" {
		t.Fatalf("desc order by actor: %d events", len(p.Data))
	}
	for _, d := range p.Data {
		if _, ok := d.Attributes["groupId"]; !ok {
			t.Errorf("%s: absent as null must send every common attribute", d.ID)
		}
	}
	_, p, _ = auditGet(t, s, tok, auditPath("filter[subjectId]", "SUBJ-DOMAIN_ADDED"))
	if len(p.Data) != 1 || p.Data[0].Attributes["eventDataPropertyKey"] != nil || p.Data[0].Attributes["eventDataDomainAdded"] != nil {
		t.Errorf("unnamed empty payload: %v", p.Data)
	}
}

func TestAuditEventsGenerateFast(t *testing.T) {
	s := NewServer(Options{AuditEvents: 200_000, Devices: 1000})
	start := time.Now()
	s.audit.load()
	if d := time.Since(start); d > time.Second {
		t.Errorf("200,000 events took %s", d)
	}
	if s.AuditEvents()[123_456].ID != NewServer(Options{AuditEvents: 200_000, Devices: 1000}).AuditEvents()[123_456].ID {
		t.Error("events are not deterministic")
	}
}

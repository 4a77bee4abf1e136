package fakeabm

import (
	"net/url"
	"time"
)

// auditKnobs choose among the answers Apple leaves open for audit events
// (README.md, "Audit events"), one per open question.
type auditKnobs struct {
	order           string        // "asc" (default) or "desc"
	absentAsNull    bool          // omitted common attributes sent as null (SetUnsetAsNull)
	emptyPayload    string        // "object" (default: {}), "absent" (key left out) or "unnamed" (eventDataPropertyKey left out too)
	schemaCasing    bool          // payload keys spelled …Icloud…/…Applecare… as the schema's object names
	documentedLinks bool          // links {self, next} as documented, instead of the live {}
	emptyLastCursor bool          // "nextCursor": "" on the last page
	endRequired     bool          // filter[endTimestamp] required (default, as documented)
	endBeforeStart  string        // "empty" (default) or "error"
	maxWindow       time.Duration // longest range accepted; 0 = any
	zuluOnly        bool          // timestamps must end in Z
	typeFilter      string        // "known" (default), "2.4" or "any"
	shift           int64         // milliseconds every event is served later than generated (audit_events_anchor.go)
}

func defaultAuditKnobs() auditKnobs {
	return auditKnobs{order: "asc", emptyPayload: "object", endRequired: true, endBeforeStart: "empty", typeFilter: "known"}
}

func (l *auditLog) knobsNow() auditKnobs {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.knobsSet {
		l.knobs, l.knobsSet = defaultAuditKnobs(), true
	}
	return l.knobs
}

func (s *Server) setAuditKnob(f func(k *auditKnobs)) {
	l := s.audit
	l.knobsNow()
	l.mu.Lock()
	defer l.mu.Unlock()
	f(&l.knobs)
}

func (l *auditLog) remember(q url.Values) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.queries = append(l.queries, q)
}

// AuditQueries is the query of every GET /v1/auditEvents so far, in order.
func (s *Server) AuditQueries() []url.Values {
	s.audit.mu.Lock()
	defer s.audit.mu.Unlock()
	return append([]url.Values(nil), s.audit.queries...)
}

// SetAuditOrder chooses the order of events: "asc" (default, oldest first)
// or "desc". Apple does not document it.
func (s *Server) SetAuditOrder(order string) { s.setAuditKnob(func(k *auditKnobs) { k.order = order }) }

// SetAuditEmptyPayload chooses what an event whose type documents no payload
// fields carries: "object" (default: the key with {}), "absent" (no payload
// key, eventDataPropertyKey still names it) or "unnamed" (neither).
func (s *Server) SetAuditEmptyPayload(mode string) {
	s.setAuditKnob(func(k *auditKnobs) { k.emptyPayload = mode })
}

// SetAuditSchemaCasing spells payload keys as Apple's schema object names do
// (eventDataSubjectHasIcloudStoragePurchaseAdded), in eventDataPropertyKey and
// the payload key alike, instead of the fields list's ICloud/AppleCare.
func (s *Server) SetAuditSchemaCasing(v bool) {
	s.setAuditKnob(func(k *auditKnobs) { k.schemaCasing = v })
}

// SetAuditDocumentedLinks writes links {self, next} as Apple documents
// instead of the live answer's empty links object.
func (s *Server) SetAuditDocumentedLinks(v bool) {
	s.setAuditKnob(func(k *auditKnobs) { k.documentedLinks = v })
}

// SetAuditEmptyLastCursor ends the last page with "nextCursor": "" instead
// of leaving it out.
func (s *Server) SetAuditEmptyLastCursor(v bool) {
	s.setAuditKnob(func(k *auditKnobs) { k.emptyLastCursor = v })
}

// SetAuditEndRequired chooses whether filter[endTimestamp] is required
// (default true, as documented; one SDK leaves it out).
func (s *Server) SetAuditEndRequired(v bool) {
	s.setAuditKnob(func(k *auditKnobs) { k.endRequired = v })
}

// SetAuditEndBeforeStart chooses the answer to an end before the start:
// "empty" (default: no events) or "error" (400).
func (s *Server) SetAuditEndBeforeStart(mode string) {
	s.setAuditKnob(func(k *auditKnobs) { k.endBeforeStart = mode })
}

// SetAuditMaxWindow refuses ranges longer than d with a 400; 0 accepts any.
func (s *Server) SetAuditMaxWindow(d time.Duration) {
	s.setAuditKnob(func(k *auditKnobs) { k.maxWindow = d })
}

// SetAuditZuluOnly refuses timestamps that do not end in Z.
func (s *Server) SetAuditZuluOnly(v bool) { s.setAuditKnob(func(k *auditKnobs) { k.zuluOnly = v }) }

// SetAuditTypeFilter chooses which filter[type] values are accepted:
// "known" (default: every type the fake serves), "2.4" (an organization that
// does not know the 2.6 types: they get a 400) or "any" (an unknown type
// matches nothing).
func (s *Server) SetAuditTypeFilter(mode string) {
	s.setAuditKnob(func(k *auditKnobs) { k.typeFilter = mode })
}

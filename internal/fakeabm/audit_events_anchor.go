package fakeabm

import "time"

// The audit trail is generated at fixed dates (January 2026 and the fixtures
// from March 2026 on) so tests are deterministic. A configuration that reads a
// window relative to the time it runs, such as the last 24 hours
// (timeadd(plantimestamp(), "-24h")), finds nothing there; the shift moves the
// whole trail in time, events keeping their order and spacing, so such a
// window meets events. Filters match the shifted times.

// SetAuditShift serves every audit event d later than its generated time
// (negative d: earlier), in eventDateTime and in the range filters alike.
func (s *Server) SetAuditShift(d time.Duration) {
	s.setAuditKnob(func(k *auditKnobs) { k.shift = d.Milliseconds() })
}

// AnchorAuditEvents shifts the audit trail so its newest event happened at
// now: what a program serving a demo wants, whose window ends at the present.
func (s *Server) AnchorAuditEvents(now time.Time) {
	l := s.audit
	l.load()
	if l.len() == 0 {
		return
	}
	s.SetAuditShift(time.Duration(now.UnixMilli()-l.at(l.len()-1)) * time.Millisecond)
}

// shifted is the query with its range moved back by the shift, so it matches
// against the generated times.
func (q auditQuery) shifted(k auditKnobs) auditQuery {
	if k.shift == 0 {
		return q
	}
	q.start -= k.shift
	if q.end != unboundedAuditEnd {
		q.end -= k.shift
	}
	return q
}

// served is event e as the fake sends it: at its shifted time.
func (e AuditEvent) served(k auditKnobs) AuditEvent {
	if k.shift == 0 {
		return e
	}
	e.at += k.shift
	e.EventDateTime = stamp(e.at/1000, int(e.at%1000), 3)
	return e
}

package fakeabm

import (
	"net/url"
	"sort"
	"sync"
	"time"
)

// AuditEvent is one event of the audit trail as the fake serves it. An empty
// string is a key the fake leaves out (Apple omits absent common attributes
// [seen]).
type AuditEvent struct {
	ID, EventDateTime, Type, Category                     string
	ActorType, ActorID, ActorName                         string
	SubjectType, SubjectID, SubjectName, Outcome, GroupID string
	PayloadKey                                            string // eventDataPropertyKey
	// Payload is the payload object's JSON text as sent; "{}" for a type
	// without documented fields (unless the empty-payload knob says otherwise).
	Payload string

	at   int64       // eventDateTime in Unix milliseconds
	kind payloadKind // payloadNone: the empty-payload knob applies
}

// auditLog is the organization's audit trail: generated events first, in
// January 2026, then the fixtures from March 2026 on, so the whole list is in
// ascending time order by construction. Generated events are a pure function
// of the seed and their index; only their times, types, actors and subjects
// are kept for filtering, so 200,000 of them cost a few megabytes.
type auditLog struct {
	once     sync.Once
	mu       sync.Mutex
	knobs    auditKnobs
	knobsSet bool
	queries  []url.Values
	seed     int64
	nGen     int
	step     int64 // milliseconds between generated events' slots
	meta     []auditMeta
	fixtures []AuditEvent
	serial   func(i int) string // device serials, for device events' subjects
	nDevices int
}

// auditMeta is what filters need of a generated event.
type auditMeta struct {
	at      int64
	typ     uint8
	actor   int8  // index in auditActors, -1 for SYSTEM
	subject int32 // device index for device types, else a draw
}

var (
	auditGenStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	auditGenEnd   = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
)

// auditActor is someone who acts in generated events.
type auditActor struct{ typ, id, name string }

// auditActors: people and API accounts of the organization (fixed ids, so
// tests filter by them).
var auditActors = []auditActor{
	{"USER", "7A1C2B3D-0000-4000-8000-00000000A001", "Ada Admin"},
	{"USER", "7A1C2B3D-0000-4000-8000-00000000A002", "Grace Manager"},
	{"USER", "7A1C2B3D-0000-4000-8000-00000000A003", "Linus Enrollment"},
	{"API_USER", "7A1C2B3D-0000-4000-8000-00000000B001", "Fleet sync"},
	{"API_USER", "7A1C2B3D-0000-4000-8000-00000000B002", "Inventory bot"},
}

const streamAudit = streamCursor + 1

func newAuditLog(seed int64, n int, nDevices int, serial func(int) string) *auditLog {
	l := &auditLog{seed: seed, nGen: max(n, 0), serial: serial, nDevices: nDevices}
	l.step = 10_000
	if l.nGen > 0 {
		l.step = min(l.step, (auditGenEnd-auditGenStart)/int64(l.nGen))
	}
	return l
}

// load builds the filter metadata and the fixtures on first use, so a fake
// that never serves audit events pays nothing for them.
func (l *auditLog) load() {
	l.once.Do(func() {
		l.meta = make([]auditMeta, l.nGen)
		for i := range l.meta {
			r := newRNG(l.seed, streamAudit, uint64(i))
			l.meta[i] = l.draw(r, i)
		}
		l.fixtures = fixtureAuditEvents()
	})
}

// draw makes the first draws of generated event i: its type, actor and
// subject; genEvent makes the same draws first.
func (l *auditLog) draw(r *rng, i int) auditMeta {
	m := auditMeta{at: auditGenStart + int64(i)*l.step + int64(r.intn(int(max(l.step, 1))))}
	if r.chance(60) {
		m.typ = uint8(r.intn(auditDeviceTypes)) // most events are about devices
	} else {
		m.typ = uint8(auditDeviceTypes + r.intn(len(auditTypes)-auditDeviceTypes))
	}
	m.actor = int8(r.intn(len(auditActors)+1) - 1)
	m.subject = int32(r.intn(1 << 30))
	if m.typ < auditDeviceTypes && l.nDevices > 0 {
		m.subject %= int32(l.nDevices)
	}
	return m
}

func (l *auditLog) len() int { return l.nGen + len(l.fixtures) }

func (l *auditLog) at(i int) int64 {
	if i < l.nGen {
		return l.meta[i].at
	}
	return l.fixtures[i-l.nGen].at
}

// typeOf, actorOf and subjectOf are event i's type, actor id and subject id,
// cheaply, for filters.
func (l *auditLog) typeOf(i int) string {
	if i < l.nGen {
		return auditTypes[l.meta[i].typ].typ
	}
	return l.fixtures[i-l.nGen].Type
}

func (l *auditLog) actorOf(i int) string {
	if i < l.nGen {
		if a := l.meta[i].actor; a >= 0 {
			return auditActors[a].id
		}
		return ""
	}
	return l.fixtures[i-l.nGen].ActorID
}

func (l *auditLog) subjectOf(i int) string {
	if i < l.nGen {
		return l.genSubject(l.meta[i])
	}
	return l.fixtures[i-l.nGen].SubjectID
}

func (l *auditLog) genSubject(m auditMeta) string {
	t := &auditTypes[m.typ]
	switch {
	case t.subjectType == "DEVICE" && l.nDevices > 0:
		return l.serial(int(m.subject))
	case t.subjectType == "ORGANIZATION":
		return "ORG-0001"
	}
	return uuidFrom(uint64(m.subject)*0x9E3779B97F4A7C15, uint64(m.typ)+1)
}

// event is event i whole.
func (l *auditLog) event(i int) AuditEvent {
	if i >= l.nGen {
		return l.fixtures[i-l.nGen]
	}
	r := newRNG(l.seed, streamAudit, uint64(i))
	m := l.draw(r, i)
	t := &auditTypes[m.typ]
	e := AuditEvent{
		ID:            uuidFrom(r.next(), r.next()),
		EventDateTime: stamp(m.at/1000, int(m.at%1000), 3),
		Type:          t.typ, Category: t.category,
		SubjectType: t.subjectType, SubjectID: l.genSubject(m),
		PayloadKey: t.key, at: m.at, kind: t.payload,
	}
	if m.typ == 2 && r.chance(50) {
		e.Category = "DEVICE_ACTIVITY" // outside Apple's enum, seen live on this type
	}
	e.ActorType = "SYSTEM"
	if m.actor >= 0 {
		a := auditActors[m.actor]
		e.ActorType, e.ActorID = a.typ, a.id
		if r.chance(90) {
			e.ActorName = a.name
		}
	}
	if t.subjectType == "DEVICE" && r.chance(50) {
		e.SubjectName = "Device " + e.SubjectID
	}
	switch n := r.intn(100); {
	case n < 95:
		e.Outcome = "SUCCESS"
	case n < 99:
		e.Outcome = "FAILURE"
	}
	if r.chance(40) {
		e.GroupID = uuidFrom(r.next(), r.next())
	}
	var j jw
	writePayload(&j, t.payload, r, e.SubjectID)
	e.Payload = string(j.b)
	return e
}

// AuditEvents returns the whole audit trail in ascending time order, at the
// times the fake serves them (SetAuditShift).
func (s *Server) AuditEvents() []AuditEvent {
	l := s.audit
	l.load()
	k := l.knobsNow()
	out := make([]AuditEvent, l.len())
	for i := range out {
		out[i] = l.event(i).served(k)
	}
	return out
}

// fixtureAuditEvents are fixed events with fixed ids for literal assertions:
// one of every type the fake knows, in the order of auditTypes, an hour apart
// from 2026-06-01; the live-shaped event Apple was seen to send; and the
// events that explain the fixture devices' history (their release, an
// addition and a move between servers), which the drift-report example reads.
func fixtureAuditEvents() []AuditEvent {
	var out []AuditEvent
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	for i := range auditTypes {
		t := &auditTypes[i]
		at := base + int64(i)*3_600_000 + 250
		r := newRNG(99, streamAudit, uint64(10_000+i)) // fixed whatever the seed
		a := auditActors[i%len(auditActors)]
		e := AuditEvent{
			ID: "AE-" + t.typ, EventDateTime: stamp(at/1000, int(at%1000), 3), Type: t.typ, Category: t.category,
			ActorType: a.typ, ActorID: a.id, ActorName: a.name, SubjectType: t.subjectType,
			Outcome: "SUCCESS", GroupID: "GROUP-" + t.category, PayloadKey: t.key,
			at: at, kind: t.payload,
		}
		switch t.subjectType {
		case "DEVICE":
			e.SubjectID, e.SubjectName = "XFIXTURE"+string(rune('A'+i)), "Fixture device"
		case "ORGANIZATION":
			e.SubjectID = "ORG-0001"
		default:
			e.SubjectID, e.SubjectName = "SUBJ-"+t.typ, "Subject of "+t.typ
		}
		if i%3 == 1 { // SYSTEM actors have no id or name
			e.ActorType, e.ActorID, e.ActorName = "SYSTEM", "", ""
		}
		if i%4 == 2 { // "may not be populated"
			e.Outcome, e.GroupID, e.SubjectName = "", "", ""
		}
		if i%5 == 3 {
			e.Outcome = "FAILURE"
		}
		var j jw
		writePayload(&j, t.payload, r, e.SubjectID)
		e.Payload = string(j.b)
		if t.payload == payloadNewName {
			// Whitespace and an escape as Apple might send them: the client keeps them.
			e.Payload = `{ "newName" : "Op\u00e9rations \"API\"" }`
		}
		out = append(out, e)
	}
	// The live sample [seen]: no actor id or name, no subject, no group, and
	// a category outside Apple's enum.
	live := time.Date(2026, 6, 2, 6, 18, 50, 789e6, time.UTC).UnixMilli()
	out = append(out, AuditEvent{
		ID: "E1", EventDateTime: "2026-06-02T06:18:50.789Z", Type: "DEVICE_ASSIGNED_TO_SERVER", Category: "DEVICE_ACTIVITY",
		ActorType: "USER", Outcome: "SUCCESS", PayloadKey: "eventDataDeviceAssignedToServer",
		Payload: `{"serialNumber":"KWG32FK99J","targetServerName":"Server-1"}`, at: live, kind: payloadDeviceAssigned,
	})
	out = append(out, fixtureDeviceHistory()...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// fixtureDeviceHistory is what happened to the fixture devices: XRELEASED0001
// released by its reseller when the device says it was, XABC123X0ABC123X0
// added, and XAPPLETV0001 moved from Production MDM to Apple Configurator.
func fixtureDeviceHistory() []AuditEvent {
	ada, sync := auditActors[0], auditActors[3]
	ev := func(id, when, typ string, a auditActor, serial, payload string) AuditEvent {
		t := auditTypeByName[typ]
		at, _ := time.Parse(time.RFC3339Nano, when)
		return AuditEvent{ID: id, EventDateTime: when, Type: typ, Category: t.category, ActorType: a.typ, ActorID: a.id,
			ActorName: a.name, SubjectType: "DEVICE", SubjectID: serial, Outcome: "SUCCESS", PayloadKey: t.key,
			Payload: payload, at: at.UnixMilli(), kind: t.payload}
	}
	return []AuditEvent{
		ev("AE-HIST-1", "2026-03-01T10:00:00Z", "DEVICE_REMOVED_FROM_ORG", sync, "XRELEASED0001",
			`{"serialNumber":"XRELEASED0001","releaseEntityId":"RESELLER-0042","releaseEntityType":"RESELLER"}`),
		ev("AE-HIST-2", "2026-06-10T09:00:00Z", "DEVICE_ADDED_TO_ORG", ada, "XABC123X0ABC123X0",
			`{"serialNumber":"XABC123X0ABC123X0","purchaseSourceType":"RESELLER","purchaseSourceId":"1234567"}`),
		ev("AE-HIST-3", "2026-06-11T10:00:00Z", "DEVICE_UNASSIGNED_FROM_SERVER", sync, "XAPPLETV0001",
			`{"serialNumber":"XAPPLETV0001"}`),
		ev("AE-HIST-4", "2026-06-11T10:00:05.5Z", "DEVICE_ASSIGNED_TO_SERVER", ada, "XAPPLETV0001",
			`{"serialNumber":"XAPPLETV0001","targetServerName":"Apple Configurator"}`),
	}
}

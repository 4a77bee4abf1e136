package fakeabm

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

// RouteAuditEvents is GET /v1/auditEvents (README.md, "Audit events").
const RouteAuditEvents = "auditEvents"

func init() {
	apiRoutes = append(apiRoutes, func(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool) {
		// Apple School Manager has no audit events [doc]: the path is unknown there.
		if len(seg) == 1 && seg[0] == "auditEvents" && s.opts.Scope != "school.api" {
			return RouteAuditEvents, s.serveAuditEvents, true
		}
		return "", nil, false
	})
}

// unboundedAuditEnd is the end of a query without filter[endTimestamp].
const unboundedAuditEnd = 1 << 62

// auditQuery is a parsed GET /v1/auditEvents query.
type auditQuery struct {
	start, end                    int64 // Unix milliseconds, end inclusive
	actor, subject, typ           string
	hasActor, hasSubject, hasType bool
}

// serveAuditEvents answers GET /v1/auditEvents: the events between
// filter[startTimestamp] and filter[endTimestamp] that match the other
// filters, each of which takes one value [doc].
func (s *Server) serveAuditEvents(w http.ResponseWriter, r *http.Request, _ string) {
	l := s.audit
	l.load()
	k := l.knobsNow()
	k.absentAsNull = s.unsetAsNull()
	l.remember(r.URL.Query())
	q, e := parseAuditQuery(r.URL.Query(), k)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	q = q.shifted(k)
	sel, e := parseFields(r, "auditEvents", auditFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	matched := l.match(q)
	if k.order == "desc" {
		slices.Reverse(matched)
	}
	p, e := s.parsePage(r, "/auditEvents", len(matched))
	if e != nil {
		s.writeError(w, *e)
		return
	}
	j := jw{b: make([]byte, 0, 600*(p.end()-p.offset)+256)}
	j.obj()
	j.key("data")
	j.arr()
	for _, i := range matched[p.offset:p.end()] {
		writeAuditEvent(&j, l.event(int(i)).served(k), sel, k)
	}
	j.endArr()
	s.writeAuditTail(&j, r, p, k)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

func parseAuditQuery(v url.Values, k auditKnobs) (auditQuery, *apiError) {
	q := auditQuery{end: unboundedAuditEnd}
	one := func(name string) (string, bool, *apiError) {
		vals, ok := v[name]
		if !ok {
			return "", false, nil
		}
		if len(vals) > 1 || strings.Contains(vals[0], ",") {
			e := invalidParam(name, "Only one value for '"+name+"' in query is supported.")
			return "", false, &e
		}
		return vals[0], true, nil
	}
	stamp := func(name string, required bool) (int64, bool, *apiError) {
		s, ok, e := one(name)
		if e != nil {
			return 0, false, e
		}
		if !ok {
			if required {
				return 0, false, &apiError{status: 400, code: "PARAMETER_ERROR.REQUIRED", title: "A required parameter is missing",
					detail: "The parameter '" + name + "' is required.", param: name}
			}
			return 0, false, nil
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil || (k.zuluOnly && !strings.HasSuffix(s, "Z")) {
			e := invalidParam(name, "'"+s+"' is not a valid ISO 8601 UTC date-time.")
			return 0, false, &e
		}
		return t.UnixMilli(), true, nil
	}
	var e *apiError
	var hasEnd bool
	if q.start, _, e = stamp("filter[startTimestamp]", true); e != nil {
		return q, e
	}
	end, hasEnd, e := stamp("filter[endTimestamp]", k.endRequired)
	if e != nil {
		return q, e
	}
	if hasEnd {
		q.end = end
		if end < q.start && k.endBeforeStart == "error" {
			ie := invalidParam("filter[endTimestamp]", "The end of the range is before its start.")
			return q, &ie
		}
		if k.maxWindow > 0 && time.Duration(end-q.start)*time.Millisecond > k.maxWindow {
			ie := invalidParam("filter[endTimestamp]", "The range is longer than "+k.maxWindow.String()+".")
			return q, &ie
		}
	}
	if q.actor, q.hasActor, e = one("filter[actorId]"); e != nil {
		return q, e
	}
	if q.subject, q.hasSubject, e = one("filter[subjectId]"); e != nil {
		return q, e
	}
	if q.typ, q.hasType, e = one("filter[type]"); e != nil {
		return q, e
	}
	if q.hasType && k.typeFilter != "any" {
		t, known := auditTypeByName[q.typ]
		if !known || (k.typeFilter == "2.4" && !t.api24) {
			ie := invalidParam("filter[type]", "'"+q.typ+"' is not a valid value for 'filter[type]'.")
			return q, &ie
		}
	}
	return q, nil
}

// match is the indices of the events the query selects, in time order.
func (l *auditLog) match(q auditQuery) []int32 {
	n := l.len()
	lo := sort.Search(n, func(i int) bool { return l.at(i) >= q.start })
	hi := sort.Search(n, func(i int) bool { return l.at(i) > q.end })
	out := make([]int32, 0, max(hi-lo, 0))
	for i := lo; i < hi; i++ {
		if (q.hasType && l.typeOf(i) != q.typ) || (q.hasActor && l.actorOf(i) != q.actor) ||
			(q.hasSubject && l.subjectOf(i) != q.subject) {
			continue
		}
		out = append(out, int32(i))
	}
	return out
}

func writeAuditEvent(j *jw, e AuditEvent, sel fieldSel, k auditKnobs) {
	j.obj()
	j.kstr("type", "auditEvents")
	j.kstr("id", e.ID)
	j.key("attributes")
	j.obj()
	opt := func(key, v string) {
		if !sel.has(key) {
			return
		}
		switch {
		case v != "":
			j.kstr(key, v)
		case k.absentAsNull:
			j.key(key)
			j.null()
		}
	}
	opt("eventDateTime", e.EventDateTime)
	opt("type", e.Type)
	opt("category", e.Category)
	opt("actorType", e.ActorType)
	opt("actorId", e.ActorID)
	opt("actorName", e.ActorName)
	opt("subjectType", e.SubjectType)
	opt("subjectId", e.SubjectID)
	opt("subjectName", e.SubjectName)
	opt("outcome", e.Outcome)
	opt("groupId", e.GroupID)
	key := e.PayloadKey
	if k.schemaCasing {
		key = icloudCasing(key)
	}
	empty := e.kind == payloadNone && e.Payload == "{}"
	if !empty || k.emptyPayload != "unnamed" {
		opt("eventDataPropertyKey", key)
	}
	if e.Payload != "" && sel.has(key) && (!empty || k.emptyPayload == "object") {
		j.key(key)
		j.raw(e.Payload)
	}
	j.endObj()
	j.endObj() // no links member: AuditEvent has none [doc]
}

// writeAuditTail writes the top-level links and meta: "links":{} as seen live
// (default) or Apple's documented self and next, and meta.paging with
// nextCursor while there are more pages.
func (s *Server) writeAuditTail(j *jw, r *http.Request, p page, k auditKnobs) {
	next := ""
	if p.end() < p.n {
		next = s.encodeCursor(p.coll, p.end())
	}
	j.key("links")
	j.obj()
	if k.documentedLinks {
		self := s.apiURL(p.coll) + "?" + r.URL.RawQuery
		j.kstr("self", self)
		if next != "" {
			q := r.URL.Query()
			q.Set("cursor", next)
			j.kstr("next", s.apiURL(p.coll)+"?"+q.Encode())
		}
	}
	j.endObj()
	j.key("meta")
	j.obj()
	j.key("paging")
	j.obj()
	j.kint("limit", p.limit)
	if next != "" {
		j.kstr("nextCursor", next)
	} else if k.emptyLastCursor {
		j.kstr("nextCursor", "")
	}
	j.endObj()
	j.endObj()
}

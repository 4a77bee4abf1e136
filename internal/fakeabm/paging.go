package fakeabm

import (
	"encoding/base64"
	"hash/fnv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const (
	defaultLimit = 100
	maxLimit     = 1000
)

// page is one window of a list: items [offset, offset+limit) of n.
type page struct {
	coll          string // collection path under /v1, e.g. "/orgDevices"
	offset, limit int
	n             int
	cursor        string // the cursor the request carried, if any
	extra         int    // hostile knob: items served beyond limit
}

func (p page) end() int { return min(p.offset+p.limit+p.extra, p.n) }

// parsePage reads limit and cursor for the collection at coll holding n items.
func (s *Server) parsePage(r *http.Request, coll string, n int) (page, *apiError) {
	q := r.URL.Query()
	p := page{coll: coll, limit: defaultLimit, n: n}
	if v, ok := q["limit"]; ok {
		l, err := strconv.Atoi(strings.TrimSpace(v[0]))
		if err != nil {
			e := invalidParam("limit", "'"+v[0]+"' is not a valid integer value.")
			return p, &e
		}
		if l < 1 || l > maxLimit {
			if s.knobsNow().limitOutOfRange != "clamp" {
				e := invalidParam("limit", "The limit must be between 1 and 1000.")
				return p, &e
			}
			l = min(max(l, 1), maxLimit)
		}
		p.limit = l
	}
	if v, ok := q["cursor"]; ok {
		off, ok := s.decodeCursor(coll, v[0])
		if !ok || off > n {
			e := invalidParam("cursor", "The cursor '"+v[0]+"' is not valid.")
			return p, &e
		}
		p.offset, p.cursor = off, v[0]
	}
	k := s.knobsNow()
	p.extra = max(k.pageOversize, 0)
	if k.repeatLastItem && p.offset > 0 {
		p.offset-- // the item that ended the previous page comes again
	}
	return p, nil
}

// Cursors look like Apple's (base64 of colon-separated numbers) and are opaque
// to the client: an offset plus a check value tied to the seed and the
// collection, so a made-up or foreign cursor is rejected.
func (s *Server) cursorCheck(coll string, off int) uint64 {
	h := fnv.New64a()
	h.Write([]byte(coll))
	return mix64(h.Sum64()^uint64(s.opts.Seed)*0x9E3779B97F4A7C15^uint64(off)) % 1e13
}

func (s *Server) encodeCursor(coll string, off int) string {
	raw := "0:" + strconv.Itoa(off) + ":" + strconv.FormatUint(s.cursorCheck(coll, off), 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func (s *Server) decodeCursor(coll, c string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(c, "="))
	if err != nil {
		return 0, false
	}
	parts := strings.Split(string(b), ":")
	if len(parts) != 3 || parts[0] != "0" {
		return 0, false
	}
	off, err1 := strconv.Atoi(parts[1])
	chk, err2 := strconv.ParseUint(parts[2], 10, 64)
	if err1 != nil || err2 != nil || off < 0 || chk != s.cursorCheck(coll, off) {
		return 0, false
	}
	return off, true
}

// writeListTail writes the top-level "links" and "meta" of a list response.
func (s *Server) writeListTail(j *jw, r *http.Request, p page) {
	k := s.knobsNow()
	next := ""
	if p.end() < p.n {
		next = s.encodeCursor(p.coll, p.end())
		if k.repeatCursor && p.cursor != "" {
			next = p.cursor // hostile: hand back the cursor we were given
		}
	}
	self := s.apiURL(p.coll)
	if r.URL.RawQuery != "" {
		self += "?" + r.URL.RawQuery
	}
	j.key("links")
	j.obj()
	j.kstr("self", self)
	if p.cursor != "" {
		first := s.apiURL(p.coll)
		if k.nextLinkIncludesLimit {
			first += "?limit=" + strconv.Itoa(p.limit)
		}
		j.kstr("first", first)
	}
	if next != "" {
		base := s.URL()
		if h := k.nextLinkHost; h != "" {
			base = h
			if !strings.Contains(h, "://") {
				base = "https://" + h
			}
		}
		u := base + "/v1" + p.coll + "?cursor=" + url.QueryEscape(next)
		if k.nextLinkIncludesLimit {
			u += "&limit=" + strconv.Itoa(p.limit)
		}
		j.kstr("next", u)
	} else if k.lastPageEmpty {
		j.kstr("next", "")
	}
	j.endObj()
	j.key("meta")
	j.obj()
	j.key("paging")
	j.obj()
	if next != "" && !k.omitNextCursor {
		j.kstr("nextCursor", next)
	} else if next == "" && k.lastPageEmpty {
		j.kstr("nextCursor", "")
	}
	j.kint("limit", p.limit)
	if k.includeTotal {
		j.kint("total", p.n)
	}
	j.endObj()
	j.endObj()
}

// serveLinkages writes one page of a relationship's linkages at coll (e.g.
// "/mdmServers/{id}/relationships/devices"): n items {type, id}, id(i)
// giving each id. Every relationship of the fake pages alike.
func (s *Server) serveLinkages(w http.ResponseWriter, r *http.Request, coll, typ string, n int, id func(i int) string) {
	p, e := s.parsePage(r, coll, n)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	j := jw{b: make([]byte, 0, 48*(p.end()-p.offset)+512)}
	j.obj()
	j.key("data")
	j.arr()
	for i := p.offset; i < p.end(); i++ {
		j.obj()
		j.kstr("type", typ)
		j.kstr("id", id(i))
		j.endObj()
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// serveList writes one page of a collection of n items, each by item.
func (s *Server) serveList(w http.ResponseWriter, r *http.Request, typ string, allowed []string, n int, item func(j *jw, i int, sel fieldSel)) {
	sel, e := parseFields(r, typ, allowed)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	p, e := s.parsePage(r, "/"+typ, n)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	j := jw{b: make([]byte, 0, 700*(p.end()-p.offset)+512)}
	j.obj()
	j.key("data")
	j.arr()
	for i := p.offset; i < p.end(); i++ {
		item(&j, i, sel)
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// serveOne writes one item of a collection, or 404.
func (s *Server) serveOne(w http.ResponseWriter, r *http.Request, typ, id string, allowed []string, i int, ok bool, item func(j *jw, i int, sel fieldSel)) {
	sel, e := parseFields(r, typ, allowed)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	if !ok {
		s.writeError(w, notFound(typ, id))
		return
	}
	var j jw
	j.obj()
	j.key("data")
	item(&j, i, sel)
	s.writeSelfLinks(&j, s.apiURL("/"+typ+"/"+url.PathEscape(id)))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

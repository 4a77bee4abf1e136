package fakeabm

import (
	"fmt"
	"net/http"
)

// apiError is one entry of Apple's ErrorResponse (README.md, "Errors").
type apiError struct {
	status int
	code   string
	title  string
	detail string
	param  string // source.parameter, when a query parameter is at fault
}

func (s *Server) writeError(w http.ResponseWriter, e apiError) {
	var j jw
	j.obj()
	j.key("errors")
	j.arr()
	j.obj()
	j.kstr("id", s.errorID())
	j.kstr("status", fmt.Sprint(e.status))
	j.kstr("code", e.code)
	j.kstr("title", e.title)
	j.kstr("detail", e.detail)
	if e.param != "" {
		j.key("source")
		j.obj()
		j.kstr("parameter", e.param)
		j.endObj()
	}
	j.endObj()
	j.endArr()
	j.endObj()
	writeJSON(w, e.status, j.b)
}

// errorID is a UUID-shaped id, a deterministic sequence per seed so that runs
// repeat exactly.
func (s *Server) errorID() string {
	s.mu.Lock()
	s.errSeq++
	n := s.errSeq
	s.mu.Unlock()
	r := newRNG(s.opts.Seed, streamCredentials, 1000+n)
	return uuidFrom(r.next(), r.next())
}

func uuidFrom(a, b uint64) string {
	a = a&^0xF000 | 0x4000     // version 4
	b = b&^(0xC<<60) | 0x8<<60 // RFC 4122 variant
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xFFFF, a&0xFFFF, b>>48, b&0xFFFFFFFFFFFF)
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func invalidParam(param, detail string) apiError {
	return apiError{status: 400, code: "PARAMETER_ERROR.INVALID", title: "A parameter has an invalid value",
		detail: detail, param: param}
}

func notFound(typ, id string) apiError {
	return apiError{status: 404, code: "NOT_FOUND", title: "The specified resource doesn't exist",
		detail: fmt.Sprintf("There is no resource of type '%s' with id '%s'", typ, id)}
}

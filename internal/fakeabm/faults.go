package fakeabm

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Fault replaces one response on a route.
type Fault struct {
	Status      int    // e.g. 429, 502, 503, 504, 500, 401, 400
	RetryAfter  string // Retry-After header value if non-empty
	Body        string // raw body; if empty: an ErrorResponse JSON for 4xx (unless HTML), an HTML page for 5xx
	ContentType string
	// Reset closes the connection without a response. Note: net/http's Transport
	// silently retries an idempotent request once when a *reused* connection dies
	// before any response byte, so a Go client only sees the error on a fresh
	// connection (or when a second Reset is queued for the retry).
	Reset bool
	// Truncate sends a 200 with complete headers and half a body, then closes:
	// a mid-body transport error that net/http never retries by itself.
	Truncate bool
	// PadTo, when positive, sends a 200 holding a valid, empty list page
	// followed by spaces up to PadTo bytes in all, streamed in chunks so that
	// a huge body costs the fake no memory: the oversized answer a client
	// must refuse to read in full. The body has no Content-Length unless
	// DeclareLength is set.
	PadTo         int64
	DeclareLength bool
	// HTML answers Status with a gateway's HTML page instead of Apple's
	// JSON, as a proxy or load balancer in front of Apple does for any
	// status, 404 included.
	HTML bool
}

// InjectFaults queues faults: the next len(faults) requests to route get them,
// in order, before normal service resumes.
func (s *Server) InjectFaults(route string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[route] = append(s.faults[route], faults...)
}

func (s *Server) nextFault(route string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[route]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[route] = q[1:]
	return q[0], true
}

func (s *Server) writeFault(w http.ResponseWriter, route string, f Fault) {
	if f.Reset {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // HTTP/2: the server resets the stream
	}
	if f.PadTo > 0 {
		writePadded(w, f.PadTo, f.DeclareLength)
		return
	}
	if f.Truncate {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "4096")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"data":[{"type":"orgDevices","id":"`))
		if fl, ok := w.(http.Flusher); ok {
			fl.Flush()
		}
		panic(http.ErrAbortHandler) // closes the connection short of Content-Length
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if f.Body == "" && status < 500 && !f.HTML {
		if route == RouteToken {
			// The token endpoint speaks RFC 6749, not JSON:API.
			writeJSON(w, status, []byte(`{"error":"invalid_client"}`))
			return
		}
		s.writeError(w, faultError(status))
		return
	}
	body, ctype := f.Body, f.ContentType
	if body == "" {
		// Gateways in front of Apple answer 5xx with HTML [seen].
		body = fmt.Sprintf("<html><body><h1>%d %s</h1></body></html>", status, http.StatusText(status))
		if ctype == "" {
			ctype = "text/html"
		}
	}
	if ctype == "" {
		ctype = "application/json"
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func faultError(status int) apiError {
	e := apiError{status: status, code: "ERROR", title: http.StatusText(status), detail: "Injected fault."}
	switch status {
	case 400:
		e.code, e.title = "PARAMETER_ERROR.INVALID", "A parameter has an invalid value"
	case 401:
		e.code, e.title = "NOT_AUTHORIZED", "Authentication credentials are missing or invalid."
	case 403:
		e.code, e.title = "FORBIDDEN_ERROR", "This request is forbidden for security reasons"
	case 404:
		e.code, e.title = "NOT_FOUND", "The specified resource doesn't exist"
	case 429:
		e.code, e.title = "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached."
	}
	return e
}

// limiter is a sliding one-minute window over admitted /v1 requests.
type limiter struct {
	rpm    int
	window time.Duration
	times  []time.Time
}

// allow admits a request or returns the Retry-After seconds until one would be.
func (s *Server) allow() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := &s.limiter
	if l.rpm <= 0 {
		return "", true
	}
	now := time.Now()
	cut := 0
	for cut < len(l.times) && now.Sub(l.times[cut]) >= l.window {
		cut++
	}
	l.times = l.times[cut:]
	if len(l.times) < l.rpm {
		l.times = append(l.times, now)
		return "", true
	}
	wait := l.times[0].Add(l.window).Sub(now)
	secs := int((wait + time.Second - 1) / time.Second)
	return strconv.Itoa(max(secs, 1)), false
}

// writePadded streams an empty list page padded with trailing whitespace,
// which JSON allows, to size bytes.
func writePadded(w http.ResponseWriter, size int64, declare bool) {
	head := []byte(`{"data":[],"links":{"self":"/"},"meta":{"paging":{"limit":1000}}}`)
	w.Header().Set("Content-Type", "application/json")
	if declare {
		w.Header().Set("Content-Length", strconv.FormatInt(max(size, int64(len(head))), 10))
	}
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(head); err != nil {
		return
	}
	pad := bytes.Repeat([]byte(" "), 64<<10)
	for left := size - int64(len(head)); left > 0; {
		n := min(left, int64(len(pad)))
		if _, err := w.Write(pad[:n]); err != nil {
			return // the client stopped reading
		}
		left -= n
	}
}

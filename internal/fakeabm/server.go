// Package fakeabm is an in-process fake of Apple Business Manager / Apple School
// Manager: the OAuth token endpoint, the REST API under /v1, and the two ADE
// (device enrollment) calls that give organization details. It writes Apple's JSON
// from its own definitions, quirks included, and shares no code with the client
// it tests. README.md lists what it models and why; the [doc], [seen] and
// [guess] tags and the route numbers E1–E8 in comments are explained there.
package fakeabm

import (
	"bytes"
	"cmp"
	"crypto/ecdsa"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a fake server. The zero value is a small business organization.
type Options struct {
	Seed              int64         // data set seed (0 means 1)
	Devices           int           // generated devices in addition to the fixtures
	Servers           int           // generated MDM servers in addition to the fixtures
	Scope             string        // "business.api" (default) or "school.api"
	Latency           time.Duration // added to every request
	RequestsPerMinute int           // 0 = unlimited; else /v1 requests beyond it get 429
	// RateWindow is the window RequestsPerMinute counts over, a minute
	// unless set; tests shorten it to see throttling without waiting minutes.
	RateWindow time.Duration
	TokenTTL   time.Duration // expires_in of issued tokens (default 1h)
	// SharedServerName, when set, names every generated server alike: ABM
	// does not require unique names, and lookups by name must cope.
	SharedServerName string
	Users            int // generated users in addition to the fixtures (with units and groups in proportion)
	MdmDevices       int // generated managed devices (built-in device management) in addition to the fixtures
	AuditEvents      int // generated audit events in addition to the fixtures, in January 2026
	Catalog          int // generated apps, packages, blueprints and configurations, each, in addition to the fixtures
}

// Server is one fake organization behind one HTTP listener.
type Server struct {
	opts  Options
	ds    *dataset
	creds credentials
	base  atomic.Value // string: scheme://host:port used in links

	mu       sync.Mutex
	counts   map[string]int
	faults   map[string][]Fault
	tokens   map[string]time.Time // access token → expiry
	sessions map[string]time.Time // ADE session token → expiry
	nonces   map[string]bool      // OAuth 1 nonces already used on /session
	limiter  limiter
	errSeq   uint64
	knobs    knobs
	status   statusKnobs
	seen     seen
	canceled int           // requests whose client went away while the fake was still answering
	latency  time.Duration // Options.Latency, until SetLatency changes it
	people   people        // users, groups and units, built on first use
	audit    *auditLog
	dm       dmState // built-in device management: catalog and knobs

	ts *httptest.Server
	hs *http.Server
	ln net.Listener
}

// NewServer builds a fake without listening; serve Handler() yourself and call
// SetBaseURL before the first request so links point back at you.
func NewServer(opts Options) *Server {
	if opts.Scope == "" {
		opts.Scope = "business.api"
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = time.Hour
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	s := &Server{
		opts:     opts,
		ds:       newDataset(opts.Seed, opts.Devices, opts.Servers),
		creds:    newCredentials(opts.Seed, opts.Scope),
		counts:   map[string]int{},
		faults:   map[string][]Fault{},
		tokens:   map[string]time.Time{},
		sessions: map[string]time.Time{},
		nonces:   map[string]bool{},
		limiter:  limiter{rpm: opts.RequestsPerMinute, window: cmp.Or(opts.RateWindow, time.Minute)},
		knobs:    defaultKnobs(),
		latency:  opts.Latency,
	}
	if opts.SharedServerName != "" {
		for i := range s.ds.servers[len(fixtureServers()):] {
			s.ds.servers[len(fixtureServers())+i].ServerName = opts.SharedServerName
		}
	}
	s.audit = newAuditLog(opts.Seed, opts.AuditEvents, s.ds.numDevices(), s.ds.serialOf)
	s.base.Store("")
	return s
}

// New starts a fake on a loopback httptest listener.
func New(opts Options) *Server {
	s := NewServer(opts)
	s.ts = httptest.NewServer(s.Handler())
	s.SetBaseURL(s.ts.URL)
	return s
}

// Listen starts a fake on addr (e.g. "127.0.0.1:0"); used by cmd/fakeabm.
func Listen(addr string, opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := NewServer(opts)
	s.ln = ln
	s.hs = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	s.SetBaseURL("http://" + ln.Addr().String())
	go func() { _ = s.hs.Serve(ln) }()
	return s, nil
}

// Close stops the listener started by New or Listen.
func (s *Server) Close() {
	if s.ts != nil {
		s.ts.Close()
	}
	if s.hs != nil {
		_ = s.hs.Close()
	}
}

// SetBaseURL sets the scheme://host[:port] the fake writes into links.
func (s *Server) SetBaseURL(u string) { s.base.Store(strings.TrimRight(u, "/")) }

// URL is the base URL: the API lives under URL()+"/v1", ADE at URL().
func (s *Server) URL() string {
	u, _ := s.base.Load().(string)
	return u
}

// TokenURL is the documented token endpoint (/auth/oauth2/v2/token is served too).
func (s *Server) TokenURL() string { return s.URL() + "/auth/oauth2/token" }

func (s *Server) ClientID() string              { return s.creds.clientID }
func (s *Server) KeyID() string                 { return s.creds.keyID }
func (s *Server) PrivateKey() *ecdsa.PrivateKey { return s.creds.key }
func (s *Server) PrivateKeyPEM() []byte         { return s.creds.keyPEM() }
func (s *Server) ServerTokenJSON() []byte       { return s.creds.serverTokenJSON() }
func (s *Server) ServerTokenMIME() []byte       { return s.creds.serverTokenMIME() }
func (s *Server) Handler() http.Handler         { return http.HandlerFunc(s.serveHTTP) }
func (s *Server) apiURL(path string) string     { return s.URL() + "/v1" + path }

// serveHTTP counts the request under its route, waits the configured latency,
// serves any injected fault, and only then lets the route answer.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/_fake/counts" {
		s.serveCounts(w, r)
		return
	}
	if r.URL.Path == "/_fake/forget-tokens" && r.Method == http.MethodPost {
		s.ExpireTokens() // as Apple does when a key is revoked: every token issued so far answers 401
		w.WriteHeader(http.StatusNoContent)
		return
	}
	rt := s.route(r)
	s.count(rt.name)
	s.maybeExpireTokens(rt.name)
	if r.Body != nil && r.Body != http.NoBody {
		// Read the (small) body first: only then does net/http watch the
		// connection, so that a client that goes away while the fake
		// waits out Latency cancels r.Context(), POSTs included.
		b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		r.Body = io.NopCloser(bytes.NewReader(b))
	}
	if !s.delay(r) {
		s.mu.Lock()
		s.canceled++
		s.mu.Unlock()
		return
	}
	if f, ok := s.nextFault(rt.name); ok {
		s.writeFault(w, rt.name, f)
		return
	}
	if rt.api {
		if retry, ok := s.allow(); !ok {
			s.count("throttled") // every 429 the limiter answered, whatever the route
			w.Header().Set("Retry-After", retry)
			s.writeError(w, apiError{status: 429, code: "RATE_LIMIT_EXCEEDED",
				title:  "The request rate limit has been reached.",
				detail: "We've received too many requests for this API. Please wait and try again or slow down your request rate."})
			return
		}
	}
	if headForGet := rt.method == http.MethodGet && r.Method == http.MethodHead; rt.method != "" && r.Method != rt.method && !headForGet {
		w.Header().Set("Allow", rt.method)
		if rt.api {
			s.writeError(w, apiError{status: 405, code: "METHOD_NOT_ALLOWED", title: "The request method is not allowed.",
				detail: "The resource does not support the " + r.Method + " method."})
		} else {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
		return
	}
	if rt.api && !s.authorized(w, r) {
		return
	}
	rt.serve(w, r)
}

func (s *Server) delay(r *http.Request) bool {
	s.mu.Lock()
	latency := s.latency
	s.mu.Unlock()
	if latency <= 0 {
		return true
	}
	t := time.NewTimer(latency)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// SetLatency changes the delay added to every request from now on.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// Canceled is how many requests the client gave up on (closed the
// connection or reset the stream) while the fake was still waiting out its
// Latency before answering.
func (s *Server) Canceled() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.canceled
}

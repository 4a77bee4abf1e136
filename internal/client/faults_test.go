package client_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// logLine is one message the client logged.
type logLine struct {
	level  client.LogLevel
	msg    string
	fields map[string]any
}

// recordingLogger keeps every line the client logs.
type recordingLogger struct {
	mu    sync.Mutex
	lines []logLine
}

func (l *recordingLogger) Log(_ context.Context, level client.LogLevel, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, logLine{level: level, msg: msg, fields: fields})
}

func (l *recordingLogger) all() []logLine {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.lines)
}

// with returns the lines whose message is msg.
func (l *recordingLogger) with(msg string) []logLine {
	var out []logLine
	for _, x := range l.all() {
		if x.msg == msg {
			out = append(out, x)
		}
	}
	return out
}

func withLogger(l client.Logger) func(*client.Config) {
	return func(cfg *client.Config) { cfg.Logger = l }
}

// noKeepAlive makes every request use a new connection, so that a reset
// reaches the client instead of being retried silently by net/http, which
// does that once for an idempotent request on a reused connection.
func noKeepAlive(cfg *client.Config) {
	cfg.HTTPClient = &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
}

func TestThrottledRetryAfterAsHTTPDateOrGarbage(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers,
		// An HTTP date in the past means "now"; garbage falls back to backoff.
		fakeabm.Fault{Status: 429, RetryAfter: "Wed, 21 Oct 2015 07:28:00 GMT"},
		fakeabm.Fault{Status: 429, RetryAfter: "soon"},
		fakeabm.Fault{Status: 429},
	)
	log := &recordingLogger{}
	c, _ := newClient(t, f, withLogger(log))
	if err := listServers(c); err != nil {
		t.Fatal(err)
	}
	if n := f.Count(fakeabm.RouteMdmServers); n != 4 {
		t.Errorf("requests = %d, want 4", n)
	}
	waits := log.with("waiting before retry")
	if len(waits) != 3 {
		t.Fatalf("waits = %d, want 3", len(waits))
	}
	for _, w := range waits {
		if ms, _ := w.fields["wait_ms"].(int64); ms > 5 {
			t.Errorf("waited %d ms, want no more than MaxBackoff", ms)
		}
	}
}

func TestThrottledPastTheDeadlineFailsAtOnce(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 429, RetryAfter: "30"})
	c, _ := newClient(t, f)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	err := c.ListMdmServers(ctx, func(*client.Record) error { return nil })
	var th *client.ThrottledError
	if !errors.As(err, &th) || th.RetryAfter != 30*time.Second || th.Path != "/v1/mdmServers" {
		t.Fatalf("err = %v, want a ThrottledError of 30s on /v1/mdmServers", err)
	}
	for _, want := range []string{"throttling", "30s", "timeouts.read"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v to give up; a wait that cannot fit should fail at once", d)
	}
}

func TestGatewayErrorsBackOffExponentiallyWithJitter(t *testing.T) {
	const minB, maxB = 8 * time.Millisecond, 32 * time.Millisecond
	var capped []int64
	for run := range 6 {
		f := newFake(t, fakeabm.Options{})
		// HTML bodies, as the gateways in front of Apple send.
		f.InjectFaults(fakeabm.RouteMdmServers,
			fakeabm.Fault{Status: 502}, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 504},
			fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 502},
		)
		log := &recordingLogger{}
		c, _ := newClient(t, f, withLogger(log), func(cfg *client.Config) {
			cfg.MaxRetries, cfg.MinBackoff, cfg.MaxBackoff = 5, minB, maxB
		})
		start := time.Now()
		if err := listServers(c); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		elapsed := time.Since(start)
		if n := f.Count(fakeabm.RouteMdmServers); n != 6 {
			t.Fatalf("run %d: requests = %d, want 6", run, n)
		}
		waits := log.with("waiting before retry")
		if len(waits) != 5 {
			t.Fatalf("run %d: waits = %d, want 5", run, len(waits))
		}
		var total time.Duration
		for i, w := range waits {
			d := min(minB<<i, maxB)
			ms, _ := w.fields["wait_ms"].(int64)
			if ms < (d/2).Milliseconds() || ms > d.Milliseconds() {
				t.Errorf("run %d retry %d waited %d ms, want within [%v, %v]", run, i+1, ms, d/2, d)
			}
			if w.fields["status"] != []int{502, 503, 504, 503, 502}[i] || w.fields["route"] != "mdmServers" || w.level != client.LevelInfo {
				t.Errorf("run %d retry %d logged %v", run, i+1, w.fields)
			}
			if d == maxB {
				capped = append(capped, ms)
			}
			total += time.Duration(ms) * time.Millisecond
		}
		if elapsed < total {
			t.Errorf("run %d took %v, less than the %v of waits logged", run, elapsed, total)
		}
	}
	// Jitter: the capped waits are drawn from [16ms, 32ms]; 18 draws all
	// alike would mean there is none.
	if slices.Min(capped) == slices.Max(capped) {
		t.Errorf("every capped wait was %d ms: no jitter", capped[0])
	}
}

func TestConnectionResetsAreRetriedThenSucceed(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Reset: true}, fakeabm.Fault{Reset: true}, fakeabm.Fault{Reset: true})
	log := &recordingLogger{}
	c, _ := newClient(t, f, noKeepAlive, withLogger(log))
	if err := listServers(c); err != nil {
		t.Fatalf("after three resets: %v", err)
	}
	if n := f.Count(fakeabm.RouteMdmServers); n != 4 {
		t.Errorf("requests = %d, want 4", n)
	}
	if n := len(log.with("request failed")); n != 3 {
		t.Errorf("failures logged = %d, want 3", n)
	}
}

func TestConnectionResetsRunOutOfRetries(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Reset: true}, fakeabm.Fault{Reset: true}, fakeabm.Fault{Reset: true})
	c, _ := newClient(t, f, noKeepAlive, func(cfg *client.Config) { cfg.MaxRetries = 2 })
	err := listServers(c)
	if err == nil {
		t.Fatal("three resets with two retries succeeded")
	}
	for _, want := range []string{"GET /v1/mdmServers", "gave up after 2 retries"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
	if strings.Contains(err.Error(), "http://") {
		t.Errorf("message carries the URL: %v", err)
	}
}

func TestGatewayErrorsRunOutWithLastStatusPathAndRetries(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 502}, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 504})
	c, _ := newClient(t, f, func(cfg *client.Config) { cfg.MaxRetries = 2 })
	err := listServers(c)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 504 || apiErr.Path != "/v1/mdmServers" || apiErr.Retries != 2 {
		t.Fatalf("err = %#v, want the last answer, 504 on /v1/mdmServers after 2 retries", err)
	}
	for _, want := range []string{"GET /v1/mdmServers", "HTTP 504", "after 2 retries"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
	if strings.Contains(err.Error(), "<") {
		t.Errorf("message quotes the HTML page: %v", err)
	}
}

func TestBodyCutOffMidStreamIsRetried(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 1500})
	f.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Truncate: true}, fakeabm.Fault{Truncate: true})
	f.InjectFaults(fakeabm.RouteMdmServer, fakeabm.Fault{Truncate: true})
	log := &recordingLogger{}
	c, _ := newClient(t, f, withLogger(log))
	got := listDevices(t, c)
	if want := len(listedSerials(f)); len(got) != want {
		t.Errorf("listed %d devices, want %d", len(got), want)
	}
	if n := f.Count(fakeabm.RouteOrgDevices); n != 4 {
		t.Errorf("orgDevices requests = %d, want 4 (2 cut off + 2 pages)", n)
	}
	if _, err := c.GetMdmServer(context.Background(), f.MdmServers()[0].ID); err != nil {
		t.Fatalf("single GET after a cut-off body: %v", err)
	}
	failed := log.with("request failed")
	if firstErr, _ := failed[0].fields["error"].(string); len(failed) != 3 || !strings.Contains(firstErr, "reading the response") {
		t.Errorf("failures logged = %+v, want 3 while reading the response", failed)
	}
}

func TestBodyCutOffRunsOutOfRetries(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Truncate: true}, fakeabm.Fault{Truncate: true})
	c, _ := newClient(t, f, func(cfg *client.Config) { cfg.MaxRetries = 1 })
	err := listServers(c)
	if err == nil {
		t.Fatal("a body cut off twice with one retry was accepted")
	}
	for _, want := range []string{"GET /v1/mdmServers", "reading the response", "gave up after 1 retries"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
}

// A complete answer with a malformed body is not a transport failure: the
// same request would get the same answer, so it is reported, not retried.
func TestMalformedCompleteBodyIsNotRetried(t *testing.T) {
	const broken = `{"data":[{"type":"mdmServers","id":"X","attributes":{"serverName":"A"}}`
	cases := []struct {
		route string
		call  func(c *client.Client, f *fakeabm.Server) error
		want  string
	}{
		{fakeabm.RouteMdmServers, func(c *client.Client, _ *fakeabm.Server) error { return listServers(c) }, "malformed"},
		{fakeabm.RouteOrgDevices, func(c *client.Client, _ *fakeabm.Server) error {
			return c.ListOrgDevices(context.Background(), func(*client.Record) error { return nil })
		}, "malformed"},
		{fakeabm.RouteMdmServer, func(c *client.Client, f *fakeabm.Server) error {
			_, err := c.GetMdmServer(context.Background(), f.MdmServers()[0].ID)
			return err
		}, "malformed"},
		{fakeabm.RouteOrgDevice, func(c *client.Client, _ *fakeabm.Server) error {
			_, err := c.GetOrgDevice(context.Background(), "XABC123X0ABC123X0")
			return err
		}, "malformed"},
		{fakeabm.RouteToken, func(c *client.Client, _ *fakeabm.Server) error { return c.CheckToken(context.Background()) }, "not the JSON Apple documents"},
	}
	for _, tc := range cases {
		t.Run(tc.route, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.InjectFaults(tc.route, fakeabm.Fault{Status: 200, Body: broken})
			c, _ := newClient(t, f)
			err := tc.call(c, f)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if n := f.Count(tc.route); n != 1 {
				t.Errorf("%s requests = %d, want 1: a malformed answer is not retried", tc.route, n)
			}
		})
	}
}

// listedSerials is the serial numbers Apple lists, in its order.
func listedSerials(f *fakeabm.Server) []string {
	var out []string
	for _, d := range f.Devices() {
		if !d.Released {
			out = append(out, d.SerialNumber())
		}
	}
	return out
}

func TestTokensExpiredMidWalkGetOneNewTokenAndEveryDeviceOnce(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 19500})
	want := listedSerials(f)
	if pages := (len(want) + 999) / 1000; pages != 20 {
		t.Fatalf("data set has %d pages, want 20", pages)
	}
	// Apple revokes every token just before the eleventh page.
	f.ExpireTokensAt(fakeabm.RouteOrgDevices, 11)
	c, _ := newClient(t, f)
	var got []string
	err := c.ListOrgDevices(context.Background(), func(d *client.Record) error {
		got = append(got, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("listed %d devices, want Apple's %d in Apple's order, each once", len(got), len(want))
	}
	if n := f.Count(fakeabm.RouteToken); n != 2 {
		t.Errorf("token requests = %d, want 2", n)
	}
	if n := f.Count(fakeabm.RouteOrgDevices); n != 21 {
		t.Errorf("orgDevices requests = %d, want 21 (20 pages + the one refused)", n)
	}
}

func TestPersistent401IsReportedAfterOneNewToken(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 401}, fakeabm.Fault{Status: 401})
	c, _ := newClient(t, f)
	err := listServers(c)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 401 || apiErr.Code != "NOT_AUTHORIZED" {
		t.Fatalf("err = %v, want the second 401", err)
	}
	if n := f.Count(fakeabm.RouteToken); n != 2 {
		t.Errorf("token requests = %d, want 2: one new token, not a loop", n)
	}
}

func TestTokenEndpointFaultsAreRetried(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 429, RetryAfter: "0"})
	c, _ := newClient(t, f)
	if err := listServers(c); err != nil {
		t.Fatal(err)
	}
	if n := f.Count(fakeabm.RouteToken); n != 3 {
		t.Errorf("token requests = %d, want 3", n)
	}
}

func TestInvalidClientFromTheTokenEndpointListsWhatToCheck(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 400})
	c, _ := newClient(t, f)
	err := listServers(c)
	var te *client.TokenError
	if !errors.As(err, &te) || te.HTTPStatus != 400 || te.Code != "invalid_client" {
		t.Fatalf("err = %v, want a 400 invalid_client TokenError", err)
	}
	for _, hint := range []string{"client ID", "BUSINESSAPI.", "key ID", "private key", ".pem", "scope", "clock"} {
		if !strings.Contains(err.Error(), hint) {
			t.Errorf("message lacks %q: %v", hint, err)
		}
	}
	if n := f.Count(fakeabm.RouteToken); n != 1 {
		t.Errorf("token requests = %d, want 1: invalid_client is not retried", n)
	}
}

func TestCancellationStopsWaitsAndInFlightRequests(t *testing.T) {
	cases := map[string]struct {
		opts   fakeabm.Options
		faults []fakeabm.Fault
		edit   func(*client.Config)
	}{
		"request in flight":       {opts: fakeabm.Options{Latency: 30 * time.Second}},
		"waiting for Retry-After": {faults: []fakeabm.Fault{{Status: 429, RetryAfter: "60"}}},
		"backing off after a 503": {faults: []fakeabm.Fault{{Status: 503}},
			edit: func(cfg *client.Config) { cfg.MinBackoff, cfg.MaxBackoff = 30*time.Second, 30*time.Second }},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, tc.opts)
			f.InjectFaults(fakeabm.RouteMdmServers, tc.faults...)
			edits := []func(*client.Config){}
			if tc.edit != nil {
				edits = append(edits, tc.edit)
			}
			c, _ := newClient(t, f, edits...)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			// With latency, the token request is the one in flight.
			route := fakeabm.RouteMdmServers
			if tc.opts.Latency > 0 {
				route = fakeabm.RouteToken
			}
			go func() {
				// Cancel once the request is at Apple.
				for f.Count(route) == 0 {
					time.Sleep(5 * time.Millisecond)
				}
				time.Sleep(50 * time.Millisecond)
				cancel()
			}()
			start := time.Now()
			err := c.ListMdmServers(ctx, func(*client.Record) error { return nil })
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v to stop", d)
			}
			if n := f.Count(route); n != 1 {
				t.Errorf("%s requests = %d, want 1: nothing is sent after cancellation", route, n)
			}
			if tc.opts.Latency > 0 {
				deadline := time.Now().Add(2 * time.Second)
				for f.Canceled() == 0 && time.Now().Before(deadline) {
					time.Sleep(5 * time.Millisecond)
				}
				if f.Canceled() != 1 {
					t.Error("the fake never saw the in-flight request go away")
				}
			}
		})
	}
}

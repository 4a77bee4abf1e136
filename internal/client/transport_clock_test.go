package client

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// The retry loop's waits run on the client's clock: Retry-After and backoff
// are asserted exactly, against the fake Apple, without sleeping.

func clockedClient(t *testing.T, f *fakeabm.Server, clk clock) *Client {
	t.Helper()
	c, err := New(Config{
		ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(),
		APIURL: f.URL(), TokenURL: f.TokenURL(), MaxRetries: 3,
		MinBackoff: time.Second, MaxBackoff: 30 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	c.clock = clk
	return c
}

func newClockedFake(t *testing.T) *fakeabm.Server {
	t.Helper()
	f := fakeabm.New(fakeabm.Options{})
	t.Cleanup(f.Close)
	return f
}

func listMdmServers(c *Client) error {
	return c.ListMdmServers(context.Background(), func(*Record) error { return nil })
}

func TestRetryAfterIsWaitedOnTheClientClock(t *testing.T) {
	f := newClockedFake(t)
	clk := newFakeClock()
	f.InjectFaults(fakeabm.RouteMdmServers,
		fakeabm.Fault{Status: 429, RetryAfter: "90"},
		fakeabm.Fault{Status: 503, RetryAfter: "7"},
		fakeabm.Fault{Status: 429, RetryAfter: clk.Now().Add(2 * time.Minute).UTC().Format(http.TimeFormat)},
	)
	c := clockedClient(t, f, clk)
	start := time.Now()
	if err := listMdmServers(c); err != nil {
		t.Fatal(err)
	}
	// The HTTP date, two minutes after the start, is read against the
	// client's clock, which has then moved on by 97s.
	if got, want := clk.sleeps(), []time.Duration{90 * time.Second, 7 * time.Second, 23 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("waited %v, want %v", got, want)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v of real time; the waits should be on the fake clock", d)
	}
}

func TestBackoffGrowsOnTheClientClock(t *testing.T) {
	f := newClockedFake(t)
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 502}, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 504})
	clk := newFakeClock()
	c := clockedClient(t, f, clk)
	if err := listMdmServers(c); err != nil {
		t.Fatal(err)
	}
	got := clk.sleeps()
	if len(got) != 3 {
		t.Fatalf("waited %v, want three backoffs", got)
	}
	for i, d := range got {
		// Exponential from 1s with jitter on the upper half: [0.5, 1]s, [1, 2]s, [2, 4]s.
		lo, hi := time.Second<<i/2, time.Second<<i
		if d < lo || d > hi {
			t.Errorf("backoff %d = %v, want within [%v, %v]", i+1, d, lo, hi)
		}
	}
}

// A Retry-After beyond the read's deadline, measured on the client's clock,
// fails at once instead of waiting.
func TestThrottlePastTheDeadlineFailsAtOnce(t *testing.T) {
	f := newClockedFake(t)
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 429, RetryAfter: "30"})
	clk := newFakeClock()
	c := clockedClient(t, f, clk)
	ctx, cancel := context.WithDeadline(context.Background(), clk.Now().Add(20*time.Second))
	defer cancel()
	err := c.ListMdmServers(ctx, func(*Record) error { return nil })
	var th *ThrottledError
	if !errors.As(err, &th) || th.RetryAfter != 30*time.Second {
		t.Fatalf("err = %v, want a ThrottledError of 30s", err)
	}
	if s := clk.sleeps(); len(s) != 0 {
		t.Errorf("waited %v before failing", s)
	}
}

// debugLines records the client's log lines by message.
type debugLines struct {
	mu    sync.Mutex
	waits []map[string]any
}

func (l *debugLines) Log(_ context.Context, _ LogLevel, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if msg == "waiting before retry" {
		l.waits = append(l.waits, fields)
	}
}

// A Retry-After of 90 seconds is waited out in full within the read's
// deadline, logged once with its length, and the list is then read whole
// with exactly one more request — on the client's clock, so the test does
// not spend the 90 seconds.
func TestThrottledRetryAfter90IsWaitedOutWithinTheDeadline(t *testing.T) {
	f := newClockedFake(t)
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 429, RetryAfter: "90"})
	clk := newFakeClock()
	c := clockedClient(t, f, clk)
	log := &debugLines{}
	c.cfg.Logger = log
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var n int
	if err := c.ListMdmServers(ctx, func(*Record) error { n++; return nil }); err != nil {
		t.Fatalf("after Retry-After: 90: %v", err)
	}
	if got := clk.sleeps(); !slices.Equal(got, []time.Duration{90 * time.Second}) {
		t.Errorf("waited %v, want the 90s Apple asked for", got)
	}
	if n != len(f.MdmServers()) {
		t.Errorf("listed %d servers, want %d", n, len(f.MdmServers()))
	}
	if got := f.Count(fakeabm.RouteMdmServers); got != 2 {
		t.Errorf("mdmServers requests = %d, want 2", got)
	}
	if len(log.waits) != 1 || log.waits[0]["wait_ms"] != int64(90000) {
		t.Errorf("waits logged = %+v, want one of 90000 ms", log.waits)
	}
}

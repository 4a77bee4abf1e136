package client

import (
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Waits that overlap count once: the meter reports the time during which at
// least one request waited, what the read lost, and includes a wait still
// going on.
func TestWaitMeterCountsOverlappingWaitsOnce(t *testing.T) {
	t0 := time.Unix(1_000_000, 0)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	var m waitMeter
	m.begin(at(0))
	m.begin(at(5))
	if got := m.total(at(8)); got != 8*time.Second {
		t.Errorf("during two waits: %v, want 8s", got)
	}
	m.end(at(10))
	m.end(at(20))
	if got := m.total(at(25)); got != 20*time.Second {
		t.Errorf("after [0,10] and [5,20]: %v, want 20s", got)
	}
	m.begin(at(30))
	m.end(at(35))
	if got := m.total(at(99)); got != 25*time.Second {
		t.Errorf("after another 5s wait: %v, want 25s", got)
	}
}

// Usage counts every request, every 429, the time waited out for Apple's
// Retry-After and the time spent pacing to requests_per_minute, the last two
// apart — on the client's clock, so the figures are exact.
func TestUsageCountsThrottleWaitsAndPacingApart(t *testing.T) {
	f := newClockedFake(t)
	f.InjectFaults(fakeabm.RouteMdmServers,
		fakeabm.Fault{Status: 429, RetryAfter: "90"},
		fakeabm.Fault{Status: 429, RetryAfter: "30"},
	)
	clk := newFakeClock()
	c := clockedClient(t, f, clk)
	c.pace = newPacer(6) // one request every 10.2 s
	c.cfg.RequestsPerMinute = 6
	if u := c.Usage(); u != (Usage{}) {
		t.Fatalf("before any request: %+v", u)
	}
	if err := listMdmServers(c); err != nil {
		t.Fatal(err)
	}
	// The token request leaves at once; the first server request waits its
	// pacing slot (10.2 s); the two 429s are waited out (90 s + 30 s), after
	// which the pacing slot has long passed.
	want := Usage{Requests: 4, Throttled: 2, ThrottleWait: 120 * time.Second, PaceWait: 10200 * time.Millisecond}
	if got := c.Usage(); got != want {
		t.Errorf("usage = %+v, want %+v", got, want)
	}
	if got, want := c.Usage().Waited(), 130200*time.Millisecond; got != want {
		t.Errorf("waited = %v, want %v", got, want)
	}
	if got := f.Count(fakeabm.RouteMdmServers); got != 3 {
		t.Errorf("mdmServers requests = %d, want 3", got)
	}
}

// Without a rate limit nothing is waited, and Usage still counts requests.
func TestUsageOfAnUnthrottledRead(t *testing.T) {
	f := newClockedFake(t)
	c := clockedClient(t, f, newFakeClock())
	if err := listMdmServers(c); err != nil {
		t.Fatal(err)
	}
	if got, want := c.Usage(), (Usage{Requests: 2}); got != want {
		t.Errorf("usage = %+v, want %+v", got, want)
	}
}

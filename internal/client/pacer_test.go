package client

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"
)

// 60 requests a minute, two percent slower: one request every 1.02s.
const testInterval = 1020 * time.Millisecond

func TestPacerSpacesRequestsFromWhenTheyLeft(t *testing.T) {
	clk := newFakeClock()
	p := newPacer(60)
	ctx := context.Background()
	leave := func() time.Duration {
		t.Helper()
		waited, err := p.wait(ctx, clk)
		if err != nil {
			t.Fatal(err)
		}
		return waited
	}
	if w := leave(); w != 0 {
		t.Errorf("first request waited %v, want 0", w)
	}
	clk.advance(300 * time.Millisecond) // the caller spent 0.3s on the answer
	if w := leave(); w != testInterval-300*time.Millisecond {
		t.Errorf("second request waited %v, want %v", w, testInterval-300*time.Millisecond)
	}
	if w := leave(); w != testInterval {
		t.Errorf("third request waited %v, want %v", w, testInterval)
	}
	clk.advance(5 * time.Second) // idle longer than the interval: no wait
	if w := leave(); w != 0 {
		t.Errorf("request after a pause waited %v, want 0", w)
	}
}

// A wake-up that comes late moves the next request's slot with it: spacing
// is from when the request actually left.
func TestPacerLateWakeUpNeverBunchesRequests(t *testing.T) {
	clk := newFakeClock()
	clk.late = 400 * time.Millisecond
	p := newPacer(60)
	ctx := context.Background()
	var left []time.Time
	for range 4 {
		if _, err := p.wait(ctx, clk); err != nil {
			t.Fatal(err)
		}
		left = append(left, clk.Now())
	}
	for i := 1; i < len(left); i++ {
		if gap := left[i].Sub(left[i-1]); gap < testInterval {
			t.Errorf("requests %d and %d left %v apart, want at least %v", i-1, i, gap, testInterval)
		}
	}
	if got, want := clk.sleeps(), []time.Duration{testInterval, testInterval, testInterval}; !slices.Equal(got, want) {
		t.Errorf("slept %v, want %v", got, want)
	}
}

// Readers in parallel share one budget: eight at once leave one interval
// apart, each after the one before.
func TestPacerSharedByParallelReaders(t *testing.T) {
	clk := newFakeClock()
	start := clk.Now()
	p := newPacer(60)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := p.wait(context.Background(), clk); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := clk.Now().Sub(start); got != 7*testInterval {
		t.Errorf("eight requests took %v of clock time, want %v", got, 7*testInterval)
	}
	for _, d := range clk.sleeps() {
		if d != testInterval {
			t.Errorf("a request slept %v, want %v", d, testInterval)
		}
	}
}

// A read that ends while waiting for its slot gives the context's error,
// and the slot it did not use is not counted: the next request is spaced
// from the last one that left.
func TestPacerStopsWithTheContext(t *testing.T) {
	clk := newFakeClock()
	p := newPacer(60)
	if _, err := p.wait(context.Background(), clk); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.wait(ctx, clk); err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	clk.advance(500 * time.Millisecond)
	if w, err := p.wait(context.Background(), clk); err != nil || w != testInterval-500*time.Millisecond {
		t.Errorf("next request waited %v (err %v), want %v", w, err, testInterval-500*time.Millisecond)
	}
}

func TestPacerOffNeverWaits(t *testing.T) {
	clk := newFakeClock()
	p := newPacer(0)
	for range 100 {
		if w, err := p.wait(context.Background(), clk); w != 0 || err != nil {
			t.Fatalf("waited %v, err %v", w, err)
		}
	}
	if len(clk.sleeps()) != 0 {
		t.Errorf("slept %v without a budget", clk.sleeps())
	}
}

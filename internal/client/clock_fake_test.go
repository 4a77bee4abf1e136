package client

import (
	"context"
	"sync"
	"time"
)

// fakeClock is a clock whose time moves only when something sleeps on it
// (or a test advances it), so waits are tested without waiting.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	late  time.Duration // added to every sleep: a wake-up that comes late
	slept []time.Duration
}

// newFakeClock starts at the real time, to the second, so that what the
// client signs with it (the client assertion) is valid for the fake Apple.
func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Now().Truncate(time.Second)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.slept = append(f.slept, d)
	f.now = f.now.Add(d + f.late)
	return nil
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

func (f *fakeClock) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

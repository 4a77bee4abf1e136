package client

import (
	"context"
	"time"
)

// clock is the client's time. Every wait the client makes (Retry-After,
// backoff, pacing) goes through it, so tests can run those waits on a fake
// clock instead of sleeping.
type clock interface {
	Now() time.Time
	// Sleep returns after d, or with ctx's error as soon as ctx is done.
	Sleep(ctx context.Context, d time.Duration) error
}

// systemClock is the real time.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

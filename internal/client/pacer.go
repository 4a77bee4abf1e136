package client

import (
	"context"
	"sync"
	"time"
)

// pacer spaces requests evenly to stay under a requests-per-minute budget.
// One pacer is shared by every read of a client, so several data sources
// together keep to the budget.
type pacer struct {
	interval time.Duration
	mu       sync.Mutex
	next     time.Time
}

func newPacer(perMinute int) *pacer {
	if perMinute <= 0 {
		return &pacer{}
	}
	return &pacer{interval: time.Minute / time.Duration(perMinute)}
}

// wait blocks until the caller's slot comes and returns how long it waited.
func (p *pacer) wait(ctx context.Context) (time.Duration, error) {
	if p.interval == 0 {
		return 0, nil
	}
	p.mu.Lock()
	now := time.Now()
	slot := p.next
	if slot.Before(now) {
		slot = now
	}
	p.next = slot.Add(p.interval)
	p.mu.Unlock()
	d := time.Until(slot)
	if d <= 0 {
		return 0, nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return d, nil
	case <-ctx.Done():
		return d, ctx.Err()
	}
}

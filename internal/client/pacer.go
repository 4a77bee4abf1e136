package client

import (
	"context"
	"time"
)

// pacer spaces requests to stay under a requests-per-minute budget. One
// pacer is shared by every read of a client, so several data sources
// together keep to the budget. Spacing is measured from when the previous
// request actually left, not from when it was scheduled, so a late wake-up
// can never bunch two requests closer than the interval.
type pacer struct {
	interval time.Duration
	turn     chan struct{} // one holder at a time
	last     time.Time     // when the previous request left; guarded by turn
}

func newPacer(perMinute int) *pacer {
	if perMinute <= 0 {
		return &pacer{}
	}
	// Two percent slower than the budget, so that network jitter cannot
	// bunch requests into one more than a window allows.
	return &pacer{interval: time.Minute * 102 / 100 / time.Duration(perMinute), turn: make(chan struct{}, 1)}
}

// on says whether the pacer spaces requests at all.
func (p *pacer) on() bool { return p.interval > 0 }

// wait blocks until the caller may send and returns how long it waited. It
// reads and waits on the client's clock.
func (p *pacer) wait(ctx context.Context, clk clock) (time.Duration, error) {
	if p.interval == 0 {
		return 0, nil
	}
	start := clk.Now()
	select {
	case p.turn <- struct{}{}:
	case <-ctx.Done():
		return clk.Now().Sub(start), ctx.Err()
	}
	defer func() { <-p.turn }()
	if d := p.last.Add(p.interval).Sub(clk.Now()); d > 0 {
		if err := clk.Sleep(ctx, d); err != nil {
			return clk.Now().Sub(start), err
		}
	}
	p.last = clk.Now()
	return p.last.Sub(start), nil
}

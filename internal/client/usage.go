package client

import (
	"sync"
	"time"
)

// Usage is what a client has spent on Apple so far: the figures of the
// provider's rate-limit warning and its logs. It holds counts and durations
// only, never anything Apple sent.
type Usage struct {
	// Requests is every HTTP request sent: token requests, API requests and
	// the attempts Apple answered with 429 or an error.
	Requests int64
	// Throttled is how many answers were 429 (too many requests).
	Throttled int64
	// ThrottleWait is the time during which at least one request was waiting
	// out a 429's Retry-After (or, without one, a backoff). Requests that
	// wait side by side count once: it is time the read lost, not a sum.
	ThrottleWait time.Duration
	// PaceWait is the time during which at least one request was held back
	// by requests_per_minute pacing, counted the same way.
	PaceWait time.Duration

	// FromReadCache is how many reads (whole lists, or single GETs) were
	// served from the read cache instead of Apple, and ReadCacheOldest when
	// the oldest of them was read from Apple.
	FromReadCache   int64
	ReadCacheOldest time.Time
	// CacheTrouble says why the cache directory could not be used, "" when
	// it could (or no cache is on).
	CacheTrouble string
}

// Waited is all the time the read lost to Apple's rate limit, throttled or
// paced.
func (u Usage) Waited() time.Duration { return u.ThrottleWait + u.PaceWait }

// Usage reports what the client has spent so far.
func (c *Client) Usage() Usage {
	now := c.now()
	u := Usage{
		Requests:     c.requests.Load(),
		Throttled:    c.throttled.Load(),
		ThrottleWait: c.throttleWait.total(now),
		PaceWait:     c.paceWait.total(now),
	}
	if rc := c.readCache; rc != nil {
		u.FromReadCache = rc.served.Load()
		rc.mu.Lock()
		u.ReadCacheOldest = rc.oldest
		rc.mu.Unlock()
	}
	if msg := c.trouble.msg.Load(); msg != nil {
		u.CacheTrouble = *msg
	}
	return u
}

// waitMeter measures the wall time during which at least one request waits:
// the union of the waits' intervals. Four requests that wait out the same
// minute side by side cost the user one minute, and that is what it reports.
type waitMeter struct {
	mu     sync.Mutex
	active int
	since  time.Time     // when active last went from 0 to 1
	done   time.Duration // closed intervals so far
}

func (m *waitMeter) begin(now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.active == 0 {
		m.since = now
	}
	m.active++
}

func (m *waitMeter) end(now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.active--
	if m.active == 0 {
		m.done += now.Sub(m.since)
	}
}

// total is the waited time up to now, a wait still going on included.
func (m *waitMeter) total(now time.Time) time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.active > 0 {
		return m.done + now.Sub(m.since)
	}
	return m.done
}

// RequestsPerMinute is the pacing the client keeps to; 0 means none.
func (c *Client) RequestsPerMinute() int { return max(c.cfg.RequestsPerMinute, 0) }

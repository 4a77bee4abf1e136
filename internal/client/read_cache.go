package client

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// freshRoutes are never served from the read cache: audit events are read
// over a window that moves with the clock, and an activity's log link
// expires soon after Apple hands it out.
var freshRoutes = map[string]bool{"auditEvents": true, "orgDeviceActivity": true}

// readCache keeps the answers of reads, sealed, so that another provider
// process with the same credentials and endpoints can reuse them within
// maxAge instead of asking Apple again. An entry is one request: the first
// page's URL of a list (with every page after it) or one GET, so a read
// with other arguments never meets another's answers.
type readCache struct {
	dir    *cacheDir
	seal   *sealer
	maxAge time.Duration

	served atomic.Int64
	mu     sync.Mutex
	oldest time.Time // read time of the oldest entry served
}

// readHeader is an entry's first record.
type readHeader struct {
	URL    string `json:"url"`
	ReadAt int64  `json:"read_at_unix_ms"`
}

// readsFor is the read cache for a route, or nil.
func (c *Client) readsFor(route string) *readCache {
	if c.readCache == nil || freshRoutes[route] {
		return nil
	}
	return c.readCache
}

// replay serves a read from its entry: each answer handed to use in order,
// as they came from Apple. It reports false, having used nothing, when
// there is no whole entry for u younger than maxAge; the entry is checked in
// full before its first answer is used, so a damaged one costs a fresh
// read, never half of one.
func (rc *readCache) replay(ctx context.Context, c *Client, route string, u *url.URL, use func(body []byte) error) (served bool, err error) {
	name := rc.seal.name("read", u.String())
	r, err := rc.dir.openEntry(rc.seal, name)
	if err != nil {
		return false, nil
	}
	defer r.close()
	readAt, ok := rc.check(r, c.now(), u)
	if !ok || r.rewind() != nil {
		return false, nil
	}
	if _, _, err := r.next(); err != nil { // the header, checked already
		return false, nil
	}
	answers := 0
	for {
		body, _, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil { // the disk changed under a checked entry
			if answers == 0 {
				return false, nil
			}
			return true, errors.New("the read cache entry of " + route + " changed while it was read; run again")
		}
		answers++
		if err := use(body); err != nil {
			return true, err
		}
	}
	rc.served.Add(1)
	rc.mu.Lock()
	if rc.oldest.IsZero() || readAt.Before(rc.oldest) {
		rc.oldest = readAt
	}
	rc.mu.Unlock()
	c.log(ctx, LevelInfo, "read from the read cache", map[string]any{
		"route": route, "answers": answers, "age_ms": c.now().Sub(readAt).Milliseconds(),
	})
	return true, nil
}

// check opens every record of an entry and says when it was read; false
// for an entry that is damaged, foreign, of another request, cut off or
// older than maxAge.
func (rc *readCache) check(r *entryReader, now time.Time, u *url.URL) (time.Time, bool) {
	first, last, err := r.next()
	if err != nil || last {
		return time.Time{}, false
	}
	var h readHeader
	if json.Unmarshal(first, &h) != nil || h.URL != u.String() {
		return time.Time{}, false
	}
	readAt := time.UnixMilli(h.ReadAt)
	if age := now.Sub(readAt); age < 0 || age > rc.maxAge {
		return time.Time{}, false
	}
	for {
		_, last, err := r.next()
		if err != nil {
			return time.Time{}, false
		}
		if last {
			return readAt, true
		}
	}
}

// readRecorder writes the answers of one read from Apple into a new entry
// as they arrive; the entry takes the place of the old one only once the
// read is whole. A nil recorder records nothing.
type readRecorder struct {
	w *entryWriter
}

// record starts the entry of a read of u, or returns nil when the cache
// cannot be written (said once, by the client).
func (rc *readCache) record(ctx context.Context, c *Client, u *url.URL) *readRecorder {
	w, err := rc.dir.create(rc.seal, rc.seal.name("read", u.String()))
	if err == nil {
		h, _ := json.Marshal(readHeader{URL: u.String(), ReadAt: c.now().UnixMilli()})
		if err = w.add(h, false); err != nil {
			w.abort()
		}
	}
	if err != nil {
		c.cacheTrouble(ctx, err)
		return nil
	}
	return &readRecorder{w: w}
}

// answer keeps one answer; last says it is the read's final one.
func (r *readRecorder) answer(body []byte, last bool) {
	if r == nil || r.w == nil {
		return
	}
	if err := r.w.add(body, last); err != nil {
		r.w.abort()
		r.w = nil
	}
}

// end puts the entry in place when the read succeeded, and drops it
// otherwise.
func (r *readRecorder) end(ctx context.Context, c *Client, readErr error) {
	if r == nil || r.w == nil {
		return
	}
	if readErr != nil {
		r.w.abort()
		return
	}
	if err := r.w.commit(); err != nil {
		c.cacheTrouble(ctx, err)
	}
}

// cachedGet is get through the read cache: one GET's answer, reused
// within the maximum age. Only 200 answers are kept.
func (c *Client) cachedGet(ctx context.Context, route string, u *url.URL) ([]byte, error) {
	rc := c.readsFor(route)
	if rc == nil {
		return c.get(ctx, route, u)
	}
	var body []byte
	if served, _ := rc.replay(ctx, c, route, u, func(b []byte) error { body = b; return nil }); served {
		return body, nil
	}
	rec := rc.record(ctx, c, u)
	body, err := c.get(ctx, route, u)
	if err == nil {
		rec.answer(body, true)
	}
	rec.end(ctx, c, err)
	return body, err
}

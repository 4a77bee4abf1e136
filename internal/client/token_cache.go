package client

import (
	"context"
	"encoding/json"
	"time"
)

// tokenCache keeps the access token, sealed, so that the next provider
// process with the same credentials reuses it instead of asking Apple for
// another: a plan and an apply, or ten workspaces of one pipeline, then
// cost one grant an hour. Apple limits grants per API account apart from
// the API and does not say to how many.
type tokenCache struct {
	dir  *cacheDir
	seal *sealer
	name string
}

// cachedToken is a token entry's one record.
type cachedToken struct {
	AccessToken string `json:"access_token"`
	// UseUntil is the token's expiry less the refresh margin, as the
	// process that fetched it worked it out.
	UseUntil int64 `json:"use_until_unix_ms"`
}

// load returns the cached token; false when there is none, or when the
// entry is damaged, another account's or not for this endpoint.
func (tc *tokenCache) load() (string, time.Time, bool) {
	r, err := tc.dir.openEntry(tc.seal, tc.name)
	if err != nil {
		return "", time.Time{}, false
	}
	defer r.close()
	b, last, err := r.next()
	if err != nil || !last {
		return "", time.Time{}, false
	}
	var e cachedToken
	if json.Unmarshal(b, &e) != nil || e.AccessToken == "" {
		return "", time.Time{}, false
	}
	return e.AccessToken, time.UnixMilli(e.UseUntil), true
}

func (tc *tokenCache) store(tok string, until time.Time) error {
	b, err := json.Marshal(cachedToken{AccessToken: tok, UseUntil: until.UnixMilli()}) //nolint:gosec // sealed by add before it reaches the disk
	if err != nil {
		return err
	}
	w, err := tc.dir.create(tc.seal, tc.name)
	if err != nil {
		return err
	}
	if err := w.add(b, true); err != nil {
		w.abort()
		return err
	}
	return w.commit()
}

// obtain is a token for tokenSource.get: the cached one while it is good
// and not the one Apple refused, else a new one from Apple, kept for the
// next process. The lock around it makes processes that start at once
// wait for the first one's token rather than each asking Apple.
func (ts *tokenSource) obtain(ctx context.Context) (string, time.Time, error) {
	tc := ts.c.tokenCache
	if tc == nil {
		return ts.fetch(ctx)
	}
	unlock, err := tc.dir.lock(ctx, tc.name)
	if err != nil {
		if ctx.Err() != nil {
			return "", time.Time{}, ctx.Err()
		}
		ts.c.cacheTrouble(ctx, err)
		return ts.fetch(ctx)
	}
	defer unlock()
	ts.mu.Lock()
	refused := ts.refused
	ts.mu.Unlock()
	if tok, until, ok := tc.load(); ok {
		if tok != refused && ts.c.now().Before(until) {
			ts.c.log(ctx, LevelDebug, "access token from the token cache", map[string]any{"valid_for_s": int64(until.Sub(ts.c.now()).Seconds())})
			return tok, until, nil
		}
		tc.dir.remove(tc.name)
	}
	tok, until, err := ts.fetch(ctx)
	if err != nil {
		return "", time.Time{}, err
	}
	if err := tc.store(tok, until); err != nil {
		ts.c.cacheTrouble(ctx, err)
	}
	return tok, until, nil
}

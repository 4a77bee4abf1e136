package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// tokenRefreshMargin is how long before expires_in runs out a token is
// replaced, so a request never leaves with a token about to lapse.
const tokenRefreshMargin = 5 * time.Minute

// tokenSource holds the access token in memory and shares it between
// concurrent callers: while one fetch is in flight, others wait for it
// instead of asking Apple again (Apple answers too-frequent token requests
// with HTTP 400).
type tokenSource struct {
	c *Client

	mu           sync.Mutex
	token        string
	expires      time.Time
	assertion    string
	assertionExp time.Time
	inflight     chan struct{} // closed when the running fetch ends
	fetchErr     error
	refused      string // the last token Apple answered 401 to: never taken from the token cache again
}

// get returns a valid access token, fetching one if needed.
func (ts *tokenSource) get(ctx context.Context) (string, error) {
	for {
		ts.mu.Lock()
		if ts.token != "" && ts.c.now().Before(ts.expires) {
			tok := ts.token
			ts.mu.Unlock()
			return tok, nil
		}
		if ts.inflight != nil {
			wait := ts.inflight
			ts.mu.Unlock()
			select {
			case <-wait:
			case <-ctx.Done():
				return "", ctx.Err()
			}
			ts.mu.Lock()
			err := ts.fetchErr
			ts.mu.Unlock()
			if err != nil {
				return "", err
			}
			continue
		}
		done := make(chan struct{})
		ts.inflight = done
		ts.mu.Unlock()

		tok, exp, err := ts.obtain(ctx)

		ts.mu.Lock()
		ts.inflight = nil
		ts.fetchErr = err
		if err == nil {
			ts.token, ts.expires = tok, exp
		}
		close(done)
		ts.mu.Unlock()
		if err != nil {
			return "", err
		}
		return tok, nil
	}
}

// invalidate drops the token if it is still the one that Apple refused, so
// that a burst of 401s on the same token leads to one new token, not many.
func (ts *tokenSource) invalidate(refused string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.token == refused {
		ts.token = ""
	}
	ts.refused = refused
}

// clientAssertion returns the cached assertion, signing a new one when the
// cached one is within the refresh margin of its expiry.
func (ts *tokenSource) clientAssertion() (string, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	now := ts.c.now()
	if ts.assertion != "" && now.Add(tokenRefreshMargin).Before(ts.assertionExp) {
		return ts.assertion, nil
	}
	a, exp, err := signAssertion(ts.c.cfg.PrivateKey, ts.c.cfg.ClientID, ts.c.cfg.KeyID, now)
	if err != nil {
		return "", err
	}
	ts.assertion, ts.assertionExp = a, exp
	return a, nil
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
	Scope       string `json:"scope"`
}

type tokenErrorResponse struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

func (ts *tokenSource) fetch(ctx context.Context) (string, time.Time, error) {
	assertion, err := ts.clientAssertion()
	if err != nil {
		return "", time.Time{}, err
	}
	form := url.Values{
		"grant_type":            {"client_credentials"},
		"client_id":             {ts.c.cfg.ClientID},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {assertion},
		"scope":                 {ts.c.cfg.Scope},
	}
	body := form.Encode()
	started := ts.c.now()
	resp, err := ts.c.send(ctx, "token", func() (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, ts.c.cfg.TokenURL, strings.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return req, nil
	})
	if err != nil {
		return "", time.Time{}, fmt.Errorf("access token request: %w", err)
	}
	if resp.status != http.StatusOK {
		te := &TokenError{HTTPStatus: resp.status}
		var er tokenErrorResponse
		if json.Unmarshal(resp.body, &er) == nil {
			te.Code, te.Description = er.Error, er.ErrorDescription
		}
		return "", time.Time{}, te
	}
	var tr tokenResponse
	if err := json.Unmarshal(resp.body, &tr); err != nil {
		return "", time.Time{}, fmt.Errorf("access token response is not the JSON Apple documents: %w", err)
	}
	if tr.AccessToken == "" {
		return "", time.Time{}, fmt.Errorf("access token response has no access_token")
	}
	if tr.TokenType != "" && !strings.EqualFold(tr.TokenType, "Bearer") {
		return "", time.Time{}, fmt.Errorf("access token response has token_type %q, expected Bearer", tr.TokenType)
	}
	life := time.Duration(tr.ExpiresIn) * time.Second
	if life <= 0 {
		life = time.Hour // Apple documents an hour
	}
	// Refresh a few minutes early, but never use less than half the lifetime,
	// so a short-lived token is not thrown away at once.
	margin := tokenRefreshMargin
	if margin > life/2 {
		margin = life / 2
	}
	ts.c.log(ctx, LevelDebug, "access token obtained", map[string]any{"expires_in_s": tr.ExpiresIn, "scope": tr.Scope})
	return tr.AccessToken, started.Add(life - margin), nil
}

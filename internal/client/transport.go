package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxBodyBytes caps one response body. A full page of 1000 devices is about
// 1.5 MB; anything far larger is a broken or hostile answer.
const maxBodyBytes = 64 << 20

// maxErrorBodyBytes is how much of an error answer is kept: Apple's
// ErrorResponse is small, and a gateway's HTML page says nothing useful.
const maxErrorBodyBytes = 1 << 20

// response is one answer, its body read in full (up to the size cap).
type response struct {
	status  int
	header  http.Header
	body    []byte
	method  string
	path    string
	retries int // retries spent on transport errors and 502/503/504 answers
}

// answer is what one attempt got: a status with its body, or an error.
type answer struct {
	method, path string
	status       int // 0 when no answer came
	header       http.Header
	body         []byte
	err          error          // the transport failed, or the body could not be read
	ctxDone      bool           // the request's context had ended when the attempt did
	fields       map[string]any // what the attempt logged, for the log lines that follow
}

// send performs one request that carries no access token (the token request
// itself, the ADE service). build is called for every attempt so each gets a
// fresh body.
func (c *Client) send(ctx context.Context, route string, build func() (*http.Request, error)) (*response, error) {
	return c.exchange(ctx, route, nil, func(string) (*http.Request, error) { return build() })
}

// exchange is the one retry loop: it sends attempts until classify says the
// answer stands or the request has failed. The answer comes back read in
// full, so a retry can cover the body as well as the headers. With tokens,
// each attempt carries the current access token, and a 401 renews it once.
func (c *Client) exchange(ctx context.Context, route string, tokens *tokenSource, build func(token string) (*http.Request, error)) (*response, error) {
	var t tally
	for {
		tok := ""
		if tokens != nil {
			var err error
			if tok, err = tokens.get(ctx); err != nil {
				return nil, err
			}
		}
		a, err := c.attempt(ctx, route, t, func() (*http.Request, error) { return build(tok) })
		if err != nil {
			return nil, err // nothing was sent
		}
		a.ctxDone = ctx.Err() != nil
		if a.err == nil && a.status == http.StatusTooManyRequests {
			c.throttled.Add(1)
		}
		if a.err != nil && !a.ctxDone {
			a.fields["error"] = redactURLError(a.err)
			c.log(ctx, LevelDebug, "request failed", a.fields)
		}
		switch classify(a, t, tokens != nil, c.cfg.MaxRetries) {
		case stepAnswer:
			return &response{status: a.status, header: a.header, body: a.body,
				method: a.method, path: a.path, retries: t.retries}, nil
		case stepRenew:
			tokens.invalidate(tok)
			t.renewed = true
			c.log(ctx, LevelDebug, "access token refused (HTTP 401), fetching a new one", map[string]any{"path": a.path})
		case stepRetry:
			t.retries++
			wait, why := c.backoff(t.retries), "transport error"
			if a.err == nil {
				why = "server error, backing off"
				if ra, ok := parseRetryAfter(a.header.Get("Retry-After"), c.now()); ok {
					wait = ra
				}
			}
			if err := c.sleep(ctx, wait, why, a.fields); err != nil {
				return nil, err
			}
		case stepThrottle:
			t.throttled++
			wait, ok := parseRetryAfter(a.header.Get("Retry-After"), c.now())
			if !ok {
				wait = c.backoff(t.throttled)
			}
			if dl, has := ctx.Deadline(); has && c.now().Add(wait).After(dl) {
				return nil, &ThrottledError{Method: a.method, Path: a.path, RetryAfter: wait}
			}
			c.throttleWait.begin(c.now())
			err := c.sleep(ctx, wait, "throttled by Apple (HTTP 429), waiting Retry-After", a.fields)
			c.throttleWait.end(c.now())
			if err != nil {
				return nil, err
			}
		case stepGiveUp:
			if a.err == nil {
				return nil, fmt.Errorf("%s %s: Apple is throttling requests (HTTP 429) and still did after %d waits", a.method, a.path, maxThrottleWaits)
			}
			return nil, fmt.Errorf("%s %s: %s (gave up after %d retries)", a.method, a.path, redactURLError(a.err), t.retries)
		case stepStop:
			if a.ctxDone {
				return nil, fmt.Errorf("%s %s: %w", a.method, a.path, ctx.Err())
			}
			return nil, fmt.Errorf("%s %s: %w", a.method, a.path, a.err)
		}
	}
}

// attempt sends one request and reads its answer. It holds one in-flight
// slot from before the pacing wait until the body is read, and gives it back
// on every path out, before any wait for a retry. The in-flight slot comes
// first, then the pacing slot: a request then leaves right at its pacing slot
// instead of queueing behind others after it, which could bunch requests
// past the budget. An error means nothing was sent.
func (c *Client) attempt(ctx context.Context, route string, t tally, build func() (*http.Request, error)) (answer, error) {
	if err := c.acquire(ctx); err != nil {
		return answer{}, err
	}
	defer c.release()
	if err := c.paced(ctx, route); err != nil {
		return answer{}, err
	}
	req, err := build()
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	start := c.now()
	resp, err := c.http.Do(req)
	n := c.requests.Add(1)
	a := answer{method: req.Method, path: req.URL.Path, err: err, fields: map[string]any{
		"route": route, "method": req.Method, "path": req.URL.Path,
		"attempt": t.retries + t.throttled + 1, "retries": t.retries, "requests_so_far": n,
		"duration_ms": c.now().Sub(start).Milliseconds(),
	}}
	if err != nil {
		return a, nil
	}
	a.fields["status"] = resp.StatusCode
	c.log(ctx, LevelDebug, "request done", a.fields)
	a.status, a.header = resp.StatusCode, resp.Header
	a.body, err = readBody(resp)
	resp.Body.Close()
	if err != nil {
		var tooLarge *bodyTooLargeError
		if !errors.As(err, &tooLarge) {
			err = fmt.Errorf("reading the response: %w", err)
		}
		a.err = err
	}
	return a, nil
}

// paced waits for the request's requests_per_minute slot, if pacing is on,
// and accounts for the wait (Usage, and a log line at INFO level).
func (c *Client) paced(ctx context.Context, route string) error {
	if !c.pace.on() {
		return nil
	}
	c.paceWait.begin(c.now())
	waited, err := c.pace.wait(ctx, c.clock)
	c.paceWait.end(c.now())
	if err == nil && waited >= time.Millisecond {
		c.log(ctx, LevelInfo, "paced request (requests_per_minute)", map[string]any{
			"route": route, "wait_ms": waited.Milliseconds(), "requests_so_far": c.requests.Load(),
			"reason": fmt.Sprintf("requests_per_minute = %d", c.cfg.RequestsPerMinute),
		})
	}
	return err
}

// acquire takes one of the client's in-flight slots. Apple has reset HTTP/2
// streams beyond about four concurrent requests, so no more are sent at once
// however many data sources read in parallel. The slot is held from sending
// until the body has been read, while the stream is open.
func (c *Client) acquire(ctx context.Context) error {
	select {
	case c.inflight <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) release() { <-c.inflight }

// ThrottledError says Apple asked the client to wait longer than the time
// the read has left.
type ThrottledError struct {
	Method, Path string
	RetryAfter   time.Duration
}

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("%s %s: Apple is throttling requests (HTTP 429) and asked to wait %s, which is past the read timeout; "+
		"raise the data source's timeouts.read, or set requests_per_minute to pace requests", e.Method, e.Path, e.RetryAfter)
}

// get GETs an API URL with the bearer token and returns the body of a 200
// answer; any other answer becomes an *APIError.
func (c *Client) get(ctx context.Context, route string, u *url.URL) ([]byte, error) {
	resp, err := c.exchange(ctx, route, c.tokens, func(tok string) (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		return req, nil
	})
	if err != nil {
		return nil, err
	}
	if resp.status != http.StatusOK {
		return nil, newAPIError(resp)
	}
	return resp.body, nil
}

// getJSON GETs an API URL and decodes the JSON answer into out.
func (c *Client) getJSON(ctx context.Context, route string, u *url.URL, out any) error {
	body, err := c.cachedGet(ctx, route, u)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("GET %s: malformed response body: %w", u.Path, err)
	}
	return nil
}

type errorResponse struct {
	Errors []struct {
		Status string `json:"status"`
		Code   string `json:"code"`
		Title  string `json:"title"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

func newAPIError(resp *response) *APIError {
	e := &APIError{
		HTTPStatus: resp.status,
		Method:     resp.method,
		Path:       resp.path,
		Status:     strconv.Itoa(resp.status),
		RetryAfter: resp.header.Get("Retry-After"),
		Retries:    resp.retries,
	}
	var er errorResponse
	if json.Unmarshal(resp.body, &er) != nil || er.Errors == nil {
		return e // not Apple's document: HTML, text, nothing, or other JSON
	}
	e.body = bodyEmptyList
	if len(er.Errors) > 0 {
		e.body = bodyApple
		first := er.Errors[0]
		if first.Status != "" {
			e.Status = first.Status
		}
		e.Code, e.Title, e.Detail = first.Code, first.Title, first.Detail
	}
	return e
}

// backoff is exponential from MinBackoff, capped at MaxBackoff, with full
// jitter on the upper half so parallel readers do not retry in step.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.MinBackoff
	for i := 1; i < attempt && d < c.cfg.MaxBackoff; i++ {
		d *= 2
	}
	if d > c.cfg.MaxBackoff {
		d = c.cfg.MaxBackoff
	}
	half := d / 2
	return half + rand.N(half+1) //nolint:gosec // jitter needs no cryptographic randomness
}

// sleep waits d before a request is sent again, and logs the wait at INFO
// level with its reason and length. The line names the route, not the path:
// a path can hold ids Apple sent, and INFO lines carry only counts and
// durations.
func (c *Client) sleep(ctx context.Context, d time.Duration, why string, fields map[string]any) error {
	f := map[string]any{"wait_ms": d.Milliseconds(), "reason": why}
	for _, k := range []string{"route", "method", "status", "attempt", "retries", "requests_so_far"} {
		if v, ok := fields[k]; ok {
			f[k] = v
		}
	}
	c.log(ctx, LevelInfo, "waiting before retry", f)
	return c.clock.Sleep(ctx, d)
}

// parseRetryAfter reads Retry-After as seconds or as an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// redactURLError keeps a transport error's cause but drops the URL, whose
// query could carry a cursor and is already logged as path.
func redactURLError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// bodyTooLargeError is an answer over maxBodyBytes. It is not retried: the
// same request would get the same answer.
type bodyTooLargeError struct{ limit int64 }

func (e *bodyTooLargeError) Error() string {
	return fmt.Sprintf("the response body is larger than %d MiB, far beyond any answer Apple documents; refusing to read it", e.limit>>20)
}

// readBody reads a whole answer. A success is read up to maxBodyBytes and
// anything longer is refused; of an error answer only the start is kept,
// since only Apple's small ErrorResponse is of use.
func readBody(resp *http.Response) ([]byte, error) {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The status says what went wrong; a cut-off error page changes
		// nothing, so a read error here is no error.
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodyBytes))
		return b, nil
	}
	if resp.ContentLength > maxBodyBytes {
		return nil, &bodyTooLargeError{limit: maxBodyBytes}
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes+1))
	if len(b) > maxBodyBytes {
		return nil, &bodyTooLargeError{limit: maxBodyBytes}
	}
	return b, err
}

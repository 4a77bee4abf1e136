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

// maxThrottleWaits bounds how many 429 answers in a row one request sits
// through when the context has no deadline to bound it instead.
const maxThrottleWaits = 100

// response is one answer, its body read in full (up to the size cap).
type response struct {
	status  int
	header  http.Header
	body    []byte
	method  string
	path    string
	retries int // retries spent on transport errors and 502/503/504 answers
}

// send performs one logical request: it paces, retries transport errors
// (a body cut off mid-stream included, for GETs) and 502/503/504 answers with
// exponential backoff and jitter, and waits out 429 answers for as long as
// Retry-After asks (bounded by the context). build is called for every
// attempt so each gets a fresh body. The answer comes back read in full, so
// a retry can cover the body as well as the headers.
func (c *Client) send(ctx context.Context, route string, build func() (*http.Request, error)) (*response, error) {
	retries, throttled := 0, 0
	for {
		// The in-flight slot first, then the pacing slot: a request then
		// leaves right at its pacing slot instead of queueing behind others
		// after it, which could bunch requests past the budget.
		if err := c.acquire(ctx); err != nil {
			return nil, err
		}
		waited, err := c.pace.wait(ctx)
		if err != nil {
			c.release()
			return nil, err
		}
		if waited >= time.Millisecond {
			c.logf(ctx, "paced request (requests_per_minute)", map[string]any{
				"route": route, "wait_ms": waited.Milliseconds(), "requests_so_far": c.requests.Load(),
			})
		}
		req, err := build()
		if err != nil {
			c.release()
			return nil, err
		}
		req.Header.Set("User-Agent", c.cfg.UserAgent)
		if req.Header.Get("Accept") == "" {
			req.Header.Set("Accept", "application/json")
		}
		start := c.now()
		resp, err := c.http.Do(req)
		n := c.requests.Add(1)
		fields := map[string]any{
			"route": route, "method": req.Method, "path": req.URL.Path,
			"attempt": retries + throttled + 1, "retries": retries, "requests_so_far": n,
			"duration_ms": c.now().Sub(start).Milliseconds(),
		}
		if err == nil {
			fields["status"] = resp.StatusCode
			c.logf(ctx, "request done", fields)

			switch resp.StatusCode {
			case http.StatusTooManyRequests:
				wait, ok := parseRetryAfter(resp.Header.Get("Retry-After"), c.now())
				if !ok {
					wait = c.backoff(throttled + 1)
				}
				drain(resp)
				c.release()
				throttled++
				if throttled > maxThrottleWaits {
					return nil, fmt.Errorf("%s %s: Apple is throttling requests (HTTP 429) and still did after %d waits", req.Method, req.URL.Path, maxThrottleWaits)
				}
				if dl, has := ctx.Deadline(); has && c.now().Add(wait).After(dl) {
					return nil, &ThrottledError{Method: req.Method, Path: req.URL.Path, RetryAfter: wait}
				}
				if err := c.sleep(ctx, wait, "throttled by Apple (HTTP 429), waiting Retry-After", fields); err != nil {
					return nil, err
				}
				continue
			case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
				if retries < c.cfg.MaxRetries {
					wait := c.backoff(retries + 1)
					if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), c.now()); ok {
						wait = ra
					}
					drain(resp)
					c.release()
					retries++
					if err := c.sleep(ctx, wait, "server error, backing off", fields); err != nil {
						return nil, err
					}
					continue
				}
			}

			body, readErr := readBody(resp)
			resp.Body.Close()
			c.release()
			if readErr == nil {
				return &response{status: resp.StatusCode, header: resp.Header, body: body,
					method: req.Method, path: req.URL.Path, retries: retries}, nil
			}
			var tooLarge *bodyTooLargeError
			if errors.As(readErr, &tooLarge) {
				return nil, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, readErr)
			}
			// A body cut off mid-stream is a transport failure like any
			// other, but only an idempotent GET may simply be sent again.
			if req.Method != http.MethodGet {
				return nil, fmt.Errorf("%s %s: reading the response: %s", req.Method, req.URL.Path, redactURLError(readErr))
			}
			err = fmt.Errorf("reading the response: %w", readErr)
		} else {
			c.release()
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, ctx.Err())
		}
		fields["error"] = redactURLError(err)
		c.logf(ctx, "request failed", fields)
		if retries >= c.cfg.MaxRetries {
			return nil, fmt.Errorf("%s %s: %s (gave up after %d retries)", req.Method, req.URL.Path, redactURLError(err), retries)
		}
		retries++
		if err := c.sleep(ctx, c.backoff(retries), "transport error", fields); err != nil {
			return nil, err
		}
	}
}

// acquire takes one of the client's in-flight slots. Apple has reset HTTP/2
// streams beyond about four concurrent requests, so no more are sent at once
// however many data sources read in parallel. The slot is held from sending
// until the body has been read (or drained), while the stream is open.
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
// answer; any other answer becomes an *APIError. A 401 gets one new token and
// one more try, as Apple documents.
func (c *Client) get(ctx context.Context, route string, u *url.URL) ([]byte, error) {
	refreshed := false
	for {
		tok, err := c.tokens.get(ctx)
		if err != nil {
			return nil, err
		}
		resp, err := c.send(ctx, route, func() (*http.Request, error) {
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
		if resp.status == http.StatusUnauthorized && !refreshed {
			c.tokens.invalidate(tok)
			refreshed = true
			c.logf(ctx, "access token refused (HTTP 401), fetching a new one", map[string]any{"path": u.Path})
			continue
		}
		if resp.status != http.StatusOK {
			return nil, newAPIError(resp)
		}
		return resp.body, nil
	}
}

// getJSON GETs an API URL and decodes the JSON answer into out.
func (c *Client) getJSON(ctx context.Context, route string, u *url.URL, out any) error {
	body, err := c.get(ctx, route, u)
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

func (c *Client) sleep(ctx context.Context, d time.Duration, why string, fields map[string]any) error {
	f := make(map[string]any, len(fields)+2)
	for k, v := range fields {
		f[k] = v
	}
	f["wait_ms"] = d.Milliseconds()
	f["reason"] = why
	c.logf(ctx, "waiting before retry", f)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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

func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBodyBytes))
	resp.Body.Close()
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
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodyBytes))
		if err != nil && len(b) > 0 {
			err = nil // the status says what went wrong; a cut-off error page changes nothing
		}
		return b, err
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

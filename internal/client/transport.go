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

// maxThrottleWaits bounds how many 429 answers in a row one request sits
// through when the context has no deadline to bound it instead.
const maxThrottleWaits = 100

// send performs one logical request: it paces, retries transport errors and
// 502/503/504 answers with exponential backoff and jitter, and waits out 429
// answers for as long as Retry-After asks (bounded by the context). build is
// called for every attempt so each gets a fresh body. The caller owns the
// returned response body.
func (c *Client) send(ctx context.Context, route string, build func() (*http.Request, error)) (*http.Response, error) {
	retries, throttled := 0, 0
	for {
		waited, err := c.pace.wait(ctx)
		if err != nil {
			return nil, err
		}
		if waited > 0 {
			c.logf(ctx, "paced request (requests_per_minute)", map[string]any{
				"route": route, "wait_ms": waited.Milliseconds(), "requests_so_far": c.requests.Load(),
			})
		}
		if err := c.acquire(ctx); err != nil {
			return nil, err
		}
		req, err := build()
		if err != nil {
			return nil, err
		}
		req.Header.Set("User-Agent", c.cfg.UserAgent)
		if req.Header.Get("Accept") == "" {
			req.Header.Set("Accept", "application/json")
		}
		start := c.now()
		resp, err := c.http.Do(req)
		c.release()
		n := c.requests.Add(1)
		fields := map[string]any{
			"route": route, "method": req.Method, "path": req.URL.Path,
			"attempt": retries + throttled + 1, "requests_so_far": n,
			"duration_ms": c.now().Sub(start).Milliseconds(),
		}
		if err != nil {
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
			continue
		}
		fields["status"] = resp.StatusCode
		c.logf(ctx, "request done", fields)

		switch resp.StatusCode {
		case http.StatusTooManyRequests:
			wait, ok := parseRetryAfter(resp.Header.Get("Retry-After"), c.now())
			if !ok {
				wait = c.backoff(throttled + 1)
			}
			drain(resp)
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
			if retries >= c.cfg.MaxRetries {
				return resp, nil
			}
			wait := c.backoff(retries + 1)
			if ra, ok := parseRetryAfter(resp.Header.Get("Retry-After"), c.now()); ok {
				wait = ra
			}
			drain(resp)
			retries++
			if err := c.sleep(ctx, wait, "server error, backing off", fields); err != nil {
				return nil, err
			}
			continue
		}
		return resp, nil
	}
}

// acquire takes one of the client's in-flight slots. Apple has reset HTTP/2
// streams beyond about four concurrent requests, so no more are sent at once
// however many data sources read in parallel. The slot covers sending and
// the response headers; bodies are read after release.
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
		if resp.StatusCode == http.StatusUnauthorized && !refreshed {
			drain(resp)
			c.tokens.invalidate(tok)
			refreshed = true
			c.logf(ctx, "access token refused (HTTP 401), fetching a new one", map[string]any{"path": u.Path})
			continue
		}
		if resp.StatusCode != http.StatusOK {
			defer resp.Body.Close()
			return nil, newAPIError(resp)
		}
		body, err := readBody(resp)
		resp.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("GET %s: reading the response: %w", u.Path, err)
		}
		return body, nil
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

func newAPIError(resp *http.Response) *APIError {
	e := &APIError{
		HTTPStatus: resp.StatusCode,
		Method:     resp.Request.Method,
		Path:       resp.Request.URL.Path,
		Status:     strconv.Itoa(resp.StatusCode),
		RetryAfter: resp.Header.Get("Retry-After"),
	}
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var er errorResponse
	if json.Unmarshal(raw, &er) == nil && len(er.Errors) > 0 {
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
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
}

func readBody(resp *http.Response) ([]byte, error) {
	return io.ReadAll(&cappedReader{r: resp.Body, left: maxBodyBytes})
}

// cappedReader fails once more than left bytes have been read.
type cappedReader struct {
	r    io.Reader
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("response body larger than %d bytes", maxBodyBytes)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

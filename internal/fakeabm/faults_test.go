package fakeabm

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestInjectedFaultsComeFirstThenNormalService(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	s.InjectFaults(RouteMdmServers,
		Fault{Status: 502},
		Fault{Status: 429, RetryAfter: "1"},
		Fault{Reset: true},
		Fault{Truncate: true},
	)
	resp, b := get(t, s, tok, "/v1/mdmServers")
	if resp.StatusCode != 502 || resp.Header.Get("Content-Type") != "text/html" || string(b) != "<html><body><h1>502 Bad Gateway</h1></body></html>" {
		t.Errorf("502: %d %q %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	resp, b = get(t, s, tok, "/v1/mdmServers")
	if code, _ := errorCode(t, b); resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "1" || code != "RATE_LIMIT_EXCEEDED" {
		t.Errorf("429: %d %s", resp.StatusCode, b)
	}
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/v1/mdmServers", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if resp, err := fresh.Do(req); err == nil {
		resp.Body.Close()
		t.Errorf("reset: got %s, want a transport error", resp.Status)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(resp.Body); err == nil {
		t.Error("truncate: want a body read error")
	}
	resp.Body.Close()
	getJSON(t, s, tok, "/v1/mdmServers")
	if n := s.Count(RouteMdmServers); n != 5 {
		t.Errorf("count %d, want 5", n)
	}
	s.ResetCounts()
	if len(s.Counts()) != 0 {
		t.Errorf("counts after reset %v", s.Counts())
	}
}

func TestRateLimit(t *testing.T) {
	s := New(Options{RequestsPerMinute: 3})
	defer s.Close()
	tok := token(t, s)
	for range 3 {
		getJSON(t, s, tok, "/v1/mdmServers")
	}
	resp, b := get(t, s, tok, "/v1/mdmServers")
	if code, _ := errorCode(t, b); resp.StatusCode != 429 || code != "RATE_LIMIT_EXCEEDED" || resp.Header.Get("Retry-After") == "" {
		t.Errorf("over the limit: %d %s %q", resp.StatusCode, b, resp.Header.Get("Retry-After"))
	}
	token(t, s) // the token endpoint is not limited
}

func TestLatencyHonoursCancellation(t *testing.T) {
	s := New(Options{Latency: 5 * time.Second})
	defer s.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"/v1/orgDevices", nil)
	start := time.Now()
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Error("want a timeout")
	}
	if time.Since(start) > 2*time.Second {
		t.Error("latency ignored cancellation")
	}
}

func TestUnknownPathAndMethod(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	resp, b := get(t, s, tok, "/v1/orgDevicez")
	if code, _ := errorCode(t, b); resp.StatusCode != 404 || code != "NOT_FOUND" {
		t.Errorf("unknown path %d %s", resp.StatusCode, b)
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/v1/orgDevices", strings.NewReader("{}"))
	req.Header.Set("Authorization", "Bearer "+tok)
	r2, err := http.DefaultClient.Do(req)
	if err != nil || r2.StatusCode != 405 {
		t.Errorf("POST: %v %v", r2.Status, err)
	}
	if resp, _ := get(t, s, "", "/_fake/counts"); resp.StatusCode != 200 {
		t.Errorf("counts endpoint %d", resp.StatusCode)
	}
}

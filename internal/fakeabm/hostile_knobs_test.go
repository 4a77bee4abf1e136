package fakeabm

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The knobs that make the fake hostile for the client's hardening tests do
// what they say, and only that.

func TestPadToStreamsAValidPageOfExactlyThatSize(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	s.InjectFaults(RouteMdmServers, Fault{PadTo: 3 << 20}, Fault{PadTo: 1 << 20, DeclareLength: true})
	resp, b := get(t, s, tok, "/v1/mdmServers")
	if resp.StatusCode != 200 || len(b) != 3<<20 || resp.ContentLength != -1 || !json.Valid(b) {
		t.Errorf("streamed: %d, %d bytes, Content-Length %d, valid %v", resp.StatusCode, len(b), resp.ContentLength, json.Valid(b))
	}
	resp, b = get(t, s, tok, "/v1/mdmServers")
	if len(b) != 1<<20 || resp.Header.Get("Content-Length") != strconv.Itoa(1<<20) || !json.Valid(b) {
		t.Errorf("declared: %d bytes, Content-Length %q", len(b), resp.Header.Get("Content-Length"))
	}
}

func TestPageOversizeAndRepeatLastItem(t *testing.T) {
	s := New(Options{Devices: 30})
	defer s.Close()
	tok := token(t, s)
	all, _ := walk(t, s, tok, "/v1/orgDevices", "10")

	s.SetPageOversize(2)
	var page struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
		Meta struct {
			Paging struct {
				Limit int `json:"limit"`
			} `json:"paging"`
		} `json:"meta"`
	}
	_, body := get(t, s, tok, "/v1/orgDevices?limit=10")
	if err := json.Unmarshal(body, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 12 {
		t.Errorf("oversized page has %d items, want 12", len(page.Data))
	}
	if page.Meta.Paging.Limit != 10 {
		t.Errorf("meta.paging.limit = %d, want the 10 asked for", page.Meta.Paging.Limit)
	}
	s.SetPageOversize(0)

	s.SetRepeatLastItem(true)
	ids, pages := walk(t, s, tok, "/v1/orgDevices", "10")
	s.SetRepeatLastItem(false)
	if pages < 2 || ids[9] != ids[10] {
		t.Fatalf("page 2 does not start with page 1's last item: %v", ids[8:12])
	}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	if len(seen) != len(all) {
		t.Errorf("the walk covers %d distinct devices, want all %d", len(seen), len(all))
	}
}

func TestExpireTokensAtAndSecrets(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	s.ExpireTokensAt(RouteMdmServers, 2)
	if resp, _ := get(t, s, tok, "/v1/mdmServers"); resp.StatusCode != 200 {
		t.Fatalf("first request: %d", resp.StatusCode)
	}
	if resp, _ := get(t, s, tok, "/v1/mdmServers"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("second request: %d, want 401", resp.StatusCode)
	}
	fresh := token(t, s)
	if resp, _ := get(t, s, fresh, "/v1/mdmServers"); resp.StatusCode != 200 {
		t.Fatalf("with a new token: %d; the knob fires once", resp.StatusCode)
	}
	sec := s.Secrets()
	if got := sec["access token"]; len(got) != 2 || got[0] != tok || got[1] != fresh {
		t.Errorf("access tokens = %v", got)
	}
	if got := sec["client assertion"]; len(got) != 2 || strings.Count(got[0], ".") != 2 {
		t.Errorf("assertions = %v", got)
	}
	if !strings.Contains(sec["private key PEM"][0], "BEGIN EC PRIVATE KEY") || !strings.HasPrefix(sec["server token access_secret"][0], "AS_") {
		t.Errorf("credentials missing from %v", sec)
	}
}

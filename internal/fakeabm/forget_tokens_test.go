package fakeabm

import (
	"net/http"
	"testing"
)

func TestForgetTokensEndpointRevokesEveryToken(t *testing.T) {
	s := New(Options{Seed: 1, Devices: 1})
	defer s.Close()
	tok := token(t, s)
	if resp, _ := get(t, s, tok, "/v1/mdmServers"); resp.StatusCode != http.StatusOK {
		t.Fatalf("before: %d", resp.StatusCode)
	}
	resp, err := http.Post(s.URL()+"/_fake/forget-tokens", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("forget-tokens: %d", resp.StatusCode)
	}
	if resp, _ := get(t, s, tok, "/v1/mdmServers"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("after: %d, want 401", resp.StatusCode)
	}
	if s.Count(RouteToken) != 1 {
		t.Errorf("the control request was counted: %v", s.Counts())
	}
}

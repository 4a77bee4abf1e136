package client_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestAssertionHasDocumentedClaims(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, rec := newClient(t, f)
	if err := c.CheckToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 1 || reqs[0].Method != http.MethodPost {
		t.Fatalf("requests = %d", len(reqs))
	}
	if ct := reqs[0].Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type = %q", ct)
	}
	form, err := url.ParseQuery(rec.body(0))
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"grant_type":            "client_credentials",
		"client_id":             f.ClientID(),
		"client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
		"scope":                 "business.api",
	} {
		if got := form.Get(k); got != want {
			t.Errorf("form %s = %q, want %q", k, got, want)
		}
	}
	parts := strings.Split(form.Get("client_assertion"), ".")
	if len(parts) != 3 {
		t.Fatalf("assertion has %d parts", len(parts))
	}
	var header map[string]any
	var claims map[string]any
	decodeSegment(t, parts[0], &header)
	decodeSegment(t, parts[1], &claims)
	if header["alg"] != "ES256" || header["kid"] != f.KeyID() {
		t.Errorf("header = %v", header)
	}
	if claims["sub"] != f.ClientID() || claims["iss"] != f.ClientID() {
		t.Errorf("sub/iss = %v/%v", claims["sub"], claims["iss"])
	}
	if claims["aud"] != "https://account.apple.com/auth/oauth2/v2/token" {
		t.Errorf("aud = %#v, want the /v2/ URL as a plain string", claims["aud"])
	}
	iat, _ := claims["iat"].(float64)
	exp, _ := claims["exp"].(float64)
	if now := float64(time.Now().Unix()); iat < now-60 || iat > now+60 || exp <= now || exp >= iat+180*24*3600 {
		t.Errorf("iat=%v exp=%v", iat, exp)
	}
	if jti, _ := claims["jti"].(string); len(jti) != 36 {
		t.Errorf("jti = %v", claims["jti"])
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	if len(sig) != 64 {
		t.Errorf("signature is %d bytes, want raw r||s of 64", len(sig))
	}
}

func decodeSegment(t *testing.T, seg string, out any) {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatal(err)
	}
}

func TestOneTokenForConcurrentReads(t *testing.T) {
	f := newFake(t, fakeabm.Options{Latency: 20 * time.Millisecond})
	c, _ := newClient(t, f)
	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- c.ListMdmServers(context.Background(), func(*client.Record) error { return nil })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := f.Count("token"); n != 1 {
		t.Errorf("token requests = %d, want 1 shared by 10 concurrent reads", n)
	}
}

func TestNewTokenOnceAfter401MidWalk(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 19500})
	c, rec := newClient(t, f)
	var once sync.Once
	rec.before = func(n int, r *http.Request) {
		// Expire every token server-side just before the tenth page.
		if r.URL.Path == "/v1/orgDevices" && f.Count("orgDevices") == 9 {
			once.Do(f.ExpireTokens)
		}
	}
	got := listDevices(t, c)
	want := 0
	for _, d := range f.Devices() {
		if !d.Released {
			want++
		}
	}
	if len(got) != want {
		t.Errorf("listed %d devices, want %d", len(got), want)
	}
	if n := f.Count("token"); n != 2 {
		t.Errorf("token requests = %d, want 2 (one new token after the 401)", n)
	}
}

func TestInvalidClientExplainsWhatToCheck(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	c, _ := newClient(t, f, func(cfg *client.Config) { cfg.PrivateKey = other })
	err := c.ListMdmServers(context.Background(), func(*client.Record) error { return nil })
	var te *client.TokenError
	if !errors.As(err, &te) || te.Code != "invalid_client" || te.HTTPStatus != 400 {
		t.Fatalf("err = %v, want invalid_client TokenError", err)
	}
	for _, hint := range []string{"client ID", "key ID", "private key", "scope", "clock"} {
		if !strings.Contains(err.Error(), hint) {
			t.Errorf("message lacks %q: %v", hint, err)
		}
	}
	if f.Count("mdmServers") != 0 {
		t.Error("an API request was sent without a token")
	}
}

func TestWrongScopeIsRefused(t *testing.T) {
	f := newFake(t, fakeabm.Options{Scope: "school.api"})
	if !strings.HasPrefix(f.ClientID(), "SCHOOLAPI.") {
		t.Fatalf("school fake client ID = %q", f.ClientID())
	}
	c, _ := newClient(t, f)
	if c.Scope() != "school.api" {
		t.Errorf("scope derived from SCHOOLAPI. = %q", c.Scope())
	}
	if err := c.CheckToken(context.Background()); err != nil {
		t.Fatalf("school token: %v", err)
	}
	bad, _ := newClient(t, f, func(cfg *client.Config) { cfg.Scope = "business.api" })
	if err := bad.CheckToken(context.Background()); err == nil {
		t.Fatal("business.api scope accepted for a school client")
	}
}

func TestUserAgentAndBearerOnEveryAPIRequest(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, rec := newClient(t, f)
	if err := c.ListMdmServers(context.Background(), func(*client.Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, r := range rec.requests() {
		if ua := r.Header.Get("User-Agent"); ua != "terraform-provider-abm/test Terraform/1.11.4" {
			t.Errorf("%s User-Agent = %q", r.URL.Path, ua)
		}
		if strings.HasPrefix(r.URL.Path, "/v1/") && !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			t.Errorf("%s has no bearer token", r.URL.Path)
		}
		if r.URL.Path == "/v1/mdmServers" && r.URL.Query().Get("limit") != "1000" {
			t.Errorf("limit = %q", r.URL.Query().Get("limit"))
		}
	}
}

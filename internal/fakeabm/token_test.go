package fakeabm

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestTokenAcceptsCorrectAssertion(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	if !strings.HasPrefix(s.ClientID(), "BUSINESSAPI.") {
		t.Fatalf("client id %q", s.ClientID())
	}
	for name, u := range map[string]string{"documented": s.TokenURL(), "v2": s.URL() + "/auth/oauth2/v2/token"} {
		code, body := postForm(t, u, tokenForm(s, assertion(t, s, nil)))
		if code != 200 || !strings.Contains(body, `"token_type":"Bearer"`) || !strings.Contains(body, `"expires_in":3600`) ||
			!strings.Contains(body, `"scope":"business.api"`) {
			t.Errorf("%s: %d %s", name, code, body)
		}
	}
	// golang-jwt's default one-element audience array is accepted too.
	arr := assertion(t, s, func(_, c map[string]any) { c["aud"] = []string{tokenAudience} })
	if code, body := postForm(t, s.TokenURL(), tokenForm(s, arr)); code != 200 {
		t.Errorf("array aud: %d %s", code, body)
	}
	// Apple's curl example sends the parameters in the query string.
	resp, err := http.Post(s.TokenURL()+"?"+tokenForm(s, assertion(t, s, nil)).Encode(), "", nil)
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("query parameters: %v %v", resp.Status, err)
	}
	if s.Count(RouteToken) != 4 {
		t.Errorf("token count %d", s.Count(RouteToken))
	}
}

func TestTokenRejectsBadAssertions(t *testing.T) {
	s := New(Options{Scope: "school.api"})
	defer s.Close()
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	now := time.Now().Unix()
	cases := map[string]func(h, c map[string]any){
		"aud without v2":    func(_, c map[string]any) { c["aud"] = "https://account.apple.com/auth/oauth2/token" },
		"two audiences":     func(_, c map[string]any) { c["aud"] = []string{tokenAudience, "x"} },
		"kid":               func(h, _ map[string]any) { h["kid"] = "00000000-0000-4000-8000-000000000000" },
		"alg":               func(h, _ map[string]any) { h["alg"] = "ES384" },
		"sub":               func(_, c map[string]any) { c["sub"] = "SCHOOLAPI.someone-else" },
		"iss missing":       func(_, c map[string]any) { delete(c, "iss") },
		"expired":           func(_, c map[string]any) { c["iat"], c["exp"] = now-7200, now-3600 },
		"exp beyond 180d":   func(_, c map[string]any) { c["exp"] = now + 181*86400 },
		"iat in the future": func(_, c map[string]any) { c["iat"] = now + 600 },
		"jti missing":       func(_, c map[string]any) { delete(c, "jti") },
	}
	for name, mutate := range cases {
		code, body := postForm(t, s.TokenURL(), tokenForm(s, assertion(t, s, mutate)))
		if code != 400 || body != `{"error":"invalid_client"}` {
			t.Errorf("%s: %d %s", name, code, body)
		}
	}

	wrongKey := signES256(t, other, map[string]any{"alg": "ES256", "kid": s.KeyID()},
		map[string]any{"sub": s.ClientID(), "iss": s.ClientID(), "aud": tokenAudience, "iat": now, "exp": now + 60, "jti": "x"})
	if code, body := postForm(t, s.TokenURL(), tokenForm(s, wrongKey)); code != 400 || body != `{"error":"invalid_client"}` {
		t.Errorf("signature by another key: %d %s", code, body)
	}

	f := tokenForm(s, assertion(t, s, nil))
	f.Set("scope", "business.api")
	if code, body := postForm(t, s.TokenURL(), f); code != 400 || body != `{"error":"invalid_client"}` {
		t.Errorf("wrong scope: %d %s", code, body)
	}
	f = tokenForm(s, assertion(t, s, nil))
	f.Del("grant_type")
	if code, body := postForm(t, s.TokenURL(), f); code != 400 || !strings.Contains(body, `"error":"invalid_request"`) {
		t.Errorf("missing grant_type: %d %s", code, body)
	}
	if code, _ := postForm(t, s.TokenURL(), tokenForm(s, assertion(t, s, nil))); code != 200 {
		t.Errorf("control case failed: %d", code)
	}
}

func TestAPIRequiresValidToken(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	for _, tok := range []string{"", "not-a-token"} {
		resp, b := get(t, s, tok, "/v1/mdmServers")
		if code, _ := errorCode(t, b); resp.StatusCode != 401 || code != "NOT_AUTHORIZED" {
			t.Errorf("token %q: %d %s", tok, resp.StatusCode, b)
		}
	}
	tok := token(t, s)
	getJSON(t, s, tok, "/v1/mdmServers")
	s.ExpireTokens()
	if resp, b := get(t, s, tok, "/v1/mdmServers"); resp.StatusCode != 401 {
		t.Errorf("after ExpireTokens: %d %s", resp.StatusCode, b)
	}

	short := New(Options{TokenTTL: time.Second})
	defer short.Close()
	tok = token(t, short)
	time.Sleep(1100 * time.Millisecond)
	if resp, _ := get(t, short, tok, "/v1/mdmServers"); resp.StatusCode != 401 {
		t.Errorf("expired token: %d", resp.StatusCode)
	}
	if short.Count(RouteMdmServers) != 1 {
		t.Errorf("counts %v", short.Counts())
	}
}

package fakeabm

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// assertion builds a client assertion by hand; mutate lets a test break one part.
func assertion(t *testing.T, s *Server, mutate func(hdr, claims map[string]any)) string {
	t.Helper()
	now := time.Now().Unix()
	hdr := map[string]any{"alg": "ES256", "kid": s.KeyID(), "typ": "JWT"}
	claims := map[string]any{
		"sub": s.ClientID(), "iss": s.ClientID(), "aud": tokenAudience,
		"iat": now, "exp": now + 600, "jti": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
	}
	if mutate != nil {
		mutate(hdr, claims)
	}
	return signES256(t, s.PrivateKey(), hdr, claims)
}

func signES256(t *testing.T, key *ecdsa.PrivateKey, hdr, claims map[string]any) string {
	t.Helper()
	h, _ := json.Marshal(hdr)
	c, _ := json.Marshal(claims)
	in := base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c)
	d := sha256.Sum256([]byte(in))
	r, sv, err := ecdsa.Sign(rand.Reader, key, d[:])
	if err != nil {
		t.Fatal(err)
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	sv.FillBytes(sig[32:])
	return in + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func tokenForm(s *Server, jwt string) url.Values {
	return url.Values{
		"grant_type":            {"client_credentials"},
		"client_id":             {s.ClientID()},
		"client_assertion_type": {assertionType},
		"client_assertion":      {jwt},
		"scope":                 {s.opts.Scope},
	}
}

func postForm(t *testing.T, u string, form url.Values) (int, string) {
	t.Helper()
	resp, err := http.Post(u, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func token(t *testing.T, s *Server) string {
	t.Helper()
	code, body := postForm(t, s.TokenURL(), tokenForm(s, assertion(t, s, nil)))
	if code != 200 {
		t.Fatalf("token: %d %s", code, body)
	}
	var v struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal([]byte(body), &v); err != nil || v.AccessToken == "" {
		t.Fatalf("token body %s: %v", body, err)
	}
	return v.AccessToken
}

// get fetches path (relative to URL() or absolute) with a bearer token.
func get(t *testing.T, s *Server, tok, path string) (*http.Response, []byte) {
	t.Helper()
	u := path
	if !strings.HasPrefix(path, "http") {
		u = s.URL() + path
	}
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// getJSON fetches and decodes a 200 JSON answer.
func getJSON(t *testing.T, s *Server, tok, path string) map[string]any {
	t.Helper()
	resp, b := get(t, s, tok, path)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, b)
	}
	return v
}

// errorCode returns errors[0].code and source.parameter of an ErrorResponse.
func errorCode(t *testing.T, b []byte) (code, param string) {
	t.Helper()
	var v struct {
		Errors []struct {
			Code   string `json:"code"`
			Source struct {
				Parameter string `json:"parameter"`
			} `json:"source"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(b, &v); err != nil || len(v.Errors) != 1 {
		t.Fatalf("not an ErrorResponse: %s", b)
	}
	return v.Errors[0].Code, v.Errors[0].Source.Parameter
}

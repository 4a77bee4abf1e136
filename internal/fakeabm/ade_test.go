package fakeabm

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// oauthHeader signs GET /session the way an ADE client does.
func oauthHeader(t *testing.T, s *Server, req *http.Request, secret string) string {
	t.Helper()
	var tok map[string]string
	if err := json.Unmarshal(s.ServerTokenJSON(), &tok); err != nil {
		t.Fatal(err)
	}
	p := map[string]string{
		"oauth_consumer_key":     tok["consumer_key"],
		"oauth_token":            tok["access_token"],
		"oauth_signature_method": "HMAC-SHA1",
		"oauth_timestamp":        strconv.FormatInt(time.Now().Unix(), 10),
		"oauth_nonce":            randomToken(),
		"oauth_version":          "1.0",
	}
	if secret == "" {
		secret = tok["consumer_secret"]
	}
	// req.Host is empty for client requests; the server sees the URL's host.
	sreq := req.Clone(req.Context())
	sreq.Host = req.URL.Host
	p["oauth_signature"] = oauthSignature(sreq, p, secret, tok["access_secret"])
	parts := []string{`realm="ADM"`}
	for k, v := range p {
		parts = append(parts, k+`="`+percentEncode(v)+`"`)
	}
	return "OAuth " + strings.Join(parts, ", ")
}

func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func adeSession(t *testing.T, s *Server) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/session", nil)
	req.Header.Set("Authorization", oauthHeader(t, s, req, ""))
	resp, body := do(t, req)
	var v struct {
		AuthSessionToken string `json:"auth_session_token"`
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &v) != nil || v.AuthSessionToken == "" {
		t.Fatalf("session: %d %s", resp.StatusCode, body)
	}
	return v.AuthSessionToken
}

func account(t *testing.T, s *Server, session string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/account", nil)
	req.Header.Set("X-ADM-Auth-Session", session)
	req.Header.Set("X-Server-Protocol-Version", "3")
	req.Header.Set("Content-Type", "application/json;charset=UTF8")
	return do(t, req)
}

func TestADEAccountDetail(t *testing.T) {
	s := New(Options{Scope: "school.api"})
	defer s.Close()
	if !strings.Contains(string(s.ServerTokenMIME()), "-----BEGIN MESSAGE-----\n"+string(s.ServerTokenJSON())+"\n-----END MESSAGE-----") {
		t.Errorf("MIME token %s", s.ServerTokenMIME())
	}

	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/session", nil)
	req.Header.Set("Authorization", oauthHeader(t, s, req, "CS_wrong"))
	if resp, body := do(t, req); resp.StatusCode != 401 {
		t.Errorf("bad signature: %d %s", resp.StatusCode, body)
	}

	req, _ = http.NewRequest(http.MethodGet, s.URL()+"/session", nil)
	req.Header.Set("Authorization", oauthHeader(t, s, req, ""))
	if resp, body := do(t, req); resp.StatusCode != 200 {
		t.Errorf("session: %d %s", resp.StatusCode, body)
	}
	if resp, _ := do(t, req); resp.StatusCode != 401 {
		t.Errorf("replayed nonce: %d", resp.StatusCode)
	}

	sess := adeSession(t, s)
	resp, body := account(t, s, sess)
	var acct map[string]any
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &acct) != nil {
		t.Fatalf("account: %d %s", resp.StatusCode, body)
	}
	if acct["org_name"] != "Example Corp" || acct["org_type"] != "edu" || acct["org_id"] != "780420" || acct["admin_id"] != "it-admin@example.com" {
		t.Errorf("account %v", acct)
	}
	fresh := resp.Header.Get("X-ADM-Auth-Session")
	if fresh == "" || fresh == sess {
		t.Errorf("refreshed session %q", fresh)
	}
	if resp, _ := account(t, s, sess); resp.StatusCode != 200 {
		t.Error("old session should work during the grace period")
	}

	s.SetADETermsNotSigned(true)
	if resp, body := account(t, s, fresh); resp.StatusCode != 403 || body != "T_C_NOT_SIGNED" {
		t.Errorf("terms: %d %s", resp.StatusCode, body)
	}
	s.SetADETermsNotSigned(false)

	s.ExpireADESessions()
	if resp, _ := account(t, s, fresh); resp.StatusCode != 401 {
		t.Errorf("expired session: %d", resp.StatusCode)
	}
	s.SetADETokenExpired(true)
	req, _ = http.NewRequest(http.MethodGet, s.URL()+"/session", nil)
	req.Header.Set("Authorization", oauthHeader(t, s, req, ""))
	if resp, body := do(t, req); resp.StatusCode != 403 || !strings.Contains(body, "token_expired") {
		t.Errorf("expired server token: %d %s", resp.StatusCode, body)
	}
	if s.Count(RouteADESession) != 5 || s.Count(RouteADEAccount) != 4 {
		t.Errorf("counts %v", s.Counts())
	}
}

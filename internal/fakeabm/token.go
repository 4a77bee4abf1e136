package fakeabm

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// serveToken is Apple's OAuth 2 token endpoint (client credentials + JWT
// client assertion). Parameters may come in a form body or, as in Apple's curl
// example, in the query string.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if err := r.ParseForm(); err != nil {
		oauthError(w, "invalid_request", "The request body could not be parsed.")
		return
	}
	grant := r.Form.Get("grant_type")
	switch {
	case grant == "":
		oauthError(w, "invalid_request", "The request is missing the required parameter grant_type.")
		return
	case grant != "client_credentials":
		oauthError(w, "unsupported_grant_type", "")
		return
	}
	s.remember(&s.seen.assertions, r.Form.Get("client_assertion"))
	// Apple gives no detail for any client or assertion mistake [seen].
	if r.Form.Get("client_assertion_type") != assertionType ||
		r.Form.Get("client_id") != s.creds.clientID ||
		r.Form.Get("scope") != s.opts.Scope ||
		verifyAssertion(r.Form.Get("client_assertion"), s.creds.clientID, s.creds.keyID,
			&s.creds.key.PublicKey, time.Now()) != nil {
		oauthError(w, "invalid_client", "")
		return
	}
	tok := randomToken()
	s.mu.Lock()
	s.tokens[tok] = time.Now().Add(s.opts.TokenTTL)
	s.seen.accessTokens = append(s.seen.accessTokens, tok)
	s.mu.Unlock()

	var j jw
	j.obj()
	j.kstr("access_token", tok)
	j.kstr("token_type", "Bearer")
	j.kint("expires_in", int(s.opts.TokenTTL/time.Second))
	j.kstr("scope", s.opts.Scope)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// oauthError writes an RFC 6749, section 5.2, error body.
func oauthError(w http.ResponseWriter, code, desc string) {
	var j jw
	j.obj()
	j.kstr("error", code)
	if desc != "" {
		j.kstr("error_description", desc)
	}
	j.endObj()
	writeJSON(w, http.StatusBadRequest, j.b)
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// ExpireTokens invalidates every access token issued so far.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.tokens)
}

// authorized checks the bearer token of a /v1 request and answers 401 if needed.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	detail := "The Authorization header is missing or is not a Bearer token."
	h := r.Header.Get("Authorization")
	if scheme, tok, ok := strings.Cut(h, " "); ok && strings.EqualFold(scheme, "Bearer") && tok != "" {
		s.mu.Lock()
		exp, known := s.tokens[strings.TrimSpace(tok)]
		s.mu.Unlock()
		switch {
		case !known:
			detail = "The access token is not valid."
		case !time.Now().Before(exp):
			detail = "The access token expired at " + strconv.FormatInt(exp.Unix(), 10) + "."
		default:
			return true
		}
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="ABM"`)
	s.writeError(w, apiError{status: 401, code: "NOT_AUTHORIZED",
		title: "Authentication credentials are missing or invalid.", detail: detail})
	return false
}

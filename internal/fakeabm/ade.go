package fakeabm

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // OAuth 1.0a HMAC-SHA1 is what Apple's ADE service requires
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The ADE (device enrollment) service lives on its own host at Apple; the fake
// serves it from the same base URL. Its errors are short plain-text bodies, as
// Apple's "Interpreting Error Codes" describes: 400 for a malformed OAuth
// request, 401 "UNAUTHORIZED" for a bad key, token, signature or nonce (and an
// unknown session), 403 "T_C_NOT_SIGNED" for unaccepted terms, and 403
// "oauth_problem_adv=token_expired" for an expired server token.

const (
	adeSessionTTL   = 30 * time.Minute
	adeSessionGrace = 2 * time.Minute // an old session keeps working this long after a refresh
	adeClockWindow  = 15 * time.Minute
)

func adeText(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain;charset=UTF8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// serveADESession is GET /session: OAuth 1.0a, HMAC-SHA1, signed with the server
// token's consumer_secret&access_secret, checked for real (RFC 5849, section 3.4).
func (s *Server) serveADESession(w http.ResponseWriter, r *http.Request) {
	p, ok := parseOAuthHeader(r.Header.Get("Authorization"))
	if !ok {
		adeText(w, http.StatusBadRequest, "BAD_REQUEST")
		return
	}
	for _, k := range []string{"oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce"} {
		if p[k] == "" {
			adeText(w, http.StatusBadRequest, "BAD_REQUEST")
			return
		}
	}
	if p["oauth_signature_method"] != "HMAC-SHA1" || (p["oauth_version"] != "" && p["oauth_version"] != "1.0") {
		adeText(w, http.StatusBadRequest, "BAD_REQUEST")
		return
	}
	s.remember(&s.seen.oauthSignatures, p["oauth_signature"])
	c := s.creds
	ts, err := strconv.ParseInt(p["oauth_timestamp"], 10, 64)
	fresh := err == nil && time.Since(time.Unix(ts, 0)).Abs() <= adeClockWindow
	if p["oauth_consumer_key"] != c.consumerKey || p["oauth_token"] != c.accessToken || !fresh ||
		!hmac.Equal([]byte(p["oauth_signature"]), []byte(oauthSignature(r, p, c.consumerSecret, c.accessSecret))) {
		adeText(w, http.StatusUnauthorized, "UNAUTHORIZED")
		return
	}
	if !s.firstUseOfNonce(p["oauth_nonce"]) {
		adeText(w, http.StatusUnauthorized, "UNAUTHORIZED") // Apple: "invalid or already-used nonce"
		return
	}
	if s.knobsNow().adeTokenExpired {
		adeText(w, http.StatusForbidden, "oauth_problem_adv=token_expired")
		return
	}
	tok := s.newADESession()
	var j jw
	j.obj()
	j.kstr("auth_session_token", tok)
	j.endObj()
	w.Header().Set("Content-Type", "application/json;charset=UTF8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(j.b)
}

func (s *Server) firstUseOfNonce(n string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.nonces[n] {
		return false
	}
	s.nonces[n] = true
	return true
}

func (s *Server) newADESession() string {
	tok := randomToken()
	s.mu.Lock()
	s.sessions[tok] = time.Now().Add(adeSessionTTL)
	s.seen.adeSessions = append(s.seen.adeSessions, tok)
	s.mu.Unlock()
	return tok
}

// ExpireADESessions invalidates every ADE session token issued so far.
func (s *Server) ExpireADESessions() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.sessions)
}

// serveADEAccount is GET /account ("Get Account Detail"). Every answer carries
// a fresh X-ADM-Auth-Session, as Apple may; the old one stays valid for a grace
// period so a client that ignores the header still works for a while.
func (s *Server) serveADEAccount(w http.ResponseWriter, r *http.Request) {
	old := r.Header.Get("X-ADM-Auth-Session")
	now := time.Now()
	s.mu.Lock()
	exp, ok := s.sessions[old]
	valid := ok && now.Before(exp)
	if valid && exp.After(now.Add(adeSessionGrace)) {
		s.sessions[old] = now.Add(adeSessionGrace)
	}
	s.mu.Unlock()
	if !valid {
		adeText(w, http.StatusUnauthorized, "UNAUTHORIZED")
		return
	}
	if r.Header.Get("X-Server-Protocol-Version") == "" {
		adeText(w, http.StatusBadRequest, "BAD_REQUEST")
		return
	}
	if s.knobsNow().adeTermsNotSigned {
		adeText(w, http.StatusForbidden, "T_C_NOT_SIGNED")
		return
	}
	w.Header().Set("X-ADM-Auth-Session", s.newADESession())
	w.Header().Set("Content-Type", "application/json;charset=UTF8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(s.accountDetail())
}

// accountDetail is the fixture organization (README.md, "Organization details (ADE)").
func (s *Server) accountDetail() []byte {
	orgType := "org"
	if s.opts.Scope == "school.api" {
		orgType = "edu"
	}
	const orgID = "780420"
	sum := sha256.Sum256([]byte(orgID))
	var j jw
	j.obj()
	j.kstr("server_name", "Production MDM")
	j.kstr("server_uuid", "F6E1E81A93837E1E87D6F4D99E235117")
	j.kstr("admin_id", "it-admin@example.com")
	j.kstr("facilitator_id", "it-admin@example.com")
	j.kstr("org_name", "Example Corp")
	j.kstr("org_email", "it@example.com")
	j.kstr("org_phone", "+1 555 0100")
	j.kstr("org_address", "1 Example Way, Springfield")
	j.kstr("org_id", orgID)
	j.kstr("org_id_hash", hex.EncodeToString(sum[:]))
	j.kstr("org_type", orgType)
	j.kstr("org_version", "v2")
	j.key("urls")
	j.arr()
	for _, u := range []struct {
		uri, method string
		limit       bool
	}{
		{"/server/devices", "POST", true},
		{"/devices/sync", "POST", true},
		{"/devices", "POST", false},
		{"/profile", "POST", false},
		{"/profile/devices", "POST", false},
		{"/devices/disown", "POST", false},
		{"/account", "GET", false},
	} {
		j.obj()
		j.kstr("uri", u.uri)
		j.key("http_method")
		j.strs([]string{u.method})
		if u.limit {
			j.key("limit")
			j.obj()
			j.kint("default", 100)
			j.kint("maximum", 1000)
			j.endObj()
		}
		j.endObj()
	}
	j.endArr()
	j.endObj()
	return j.b
}

// parseOAuthHeader reads `OAuth k="v", …` into decoded parameters.
func parseOAuthHeader(h string) (map[string]string, bool) {
	scheme, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "OAuth") {
		return nil, false
	}
	p := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		v, err := url.PathUnescape(strings.Trim(v, `"`))
		if err != nil {
			return nil, false
		}
		if _, dup := p[k]; dup {
			return nil, false // duplicated protocol parameter → 400
		}
		p[k] = v
	}
	return p, true
}

// oauthSignature computes the RFC 5849 HMAC-SHA1 signature of r: the base string
// is METHOD & base URL & the sorted oauth_* (minus signature and realm) and query
// parameters, each part percent-encoded.
func oauthSignature(r *http.Request, p map[string]string, consumerSecret, tokenSecret string) string {
	type kv struct{ k, v string }
	var params []kv
	for k, v := range p {
		if k == "oauth_signature" || k == "realm" {
			continue
		}
		params = append(params, kv{percentEncode(k), percentEncode(v)})
	}
	for k, vs := range r.URL.Query() {
		for _, v := range vs {
			params = append(params, kv{percentEncode(k), percentEncode(v)})
		}
	}
	sort.Slice(params, func(i, j int) bool {
		if params[i].k != params[j].k {
			return params[i].k < params[j].k
		}
		return params[i].v < params[j].v
	})
	var norm strings.Builder
	for i, x := range params {
		if i > 0 {
			norm.WriteByte('&')
		}
		norm.WriteString(x.k + "=" + x.v)
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := strings.ToLower(r.Host)
	host = strings.TrimSuffix(host, map[string]string{"http": ":80", "https": ":443"}[scheme])
	base := strings.ToUpper(r.Method) + "&" + percentEncode(scheme+"://"+host+r.URL.EscapedPath()) + "&" + percentEncode(norm.String())
	mac := hmac.New(sha1.New, []byte(percentEncode(consumerSecret)+"&"+percentEncode(tokenSecret)))
	mac.Write([]byte(base))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// percentEncode is RFC 3986 encoding as RFC 5849, section 3.6, requires: only
// ALPHA, DIGIT, '-', '.', '_', '~' stay as they are.
func percentEncode(s string) string {
	const upperHex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperHex[c>>4])
		b.WriteByte(upperHex[c&15])
	}
	return b.String()
}

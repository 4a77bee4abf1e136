package client

import (
	"context"
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // OAuth 1.0a HMAC-SHA1 is what Apple's ADE service requires
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultADEURL is the device-enrollment service root.
const DefaultADEURL = "https://mdmenrollment.apple.com"

// AccountDetail is the ADE "Get Account Detail" answer: the only Apple
// source of an organization's identity and contact fields.
type AccountDetail struct {
	ServerName    Field[string] `json:"server_name"`
	ServerUUID    Field[string] `json:"server_uuid"`
	AdminID       Field[string] `json:"admin_id"`
	FacilitatorID Field[string] `json:"facilitator_id"`
	OrgName       Field[string] `json:"org_name"`
	OrgEmail      Field[string] `json:"org_email"`
	OrgPhone      Field[string] `json:"org_phone"`
	OrgAddress    Field[string] `json:"org_address"`
	OrgID         Field[string] `json:"org_id"`
	OrgIDHash     Field[string] `json:"org_id_hash"`
	OrgType       Field[string] `json:"org_type"`
	OrgVersion    Field[string] `json:"org_version"`
}

// ADEError is a failed device-enrollment request, with advice for the
// answers Apple documents.
type ADEError struct {
	HTTPStatus int
	Path       string
	Body       string // Apple's short error text, e.g. T_C_NOT_SIGNED
}

func (e *ADEError) Error() string {
	msg := fmt.Sprintf("GET %s: HTTP %d", e.Path, e.HTTPStatus)
	if e.Body != "" {
		msg += " " + e.Body
	}
	switch {
	case strings.Contains(e.Body, "T_C_NOT_SIGNED"):
		msg += ". Apple's terms and conditions have changed: an administrator must sign in to Apple Business Manager (or Apple School Manager) and accept them"
	case strings.Contains(e.Body, "token_expired") || strings.Contains(e.Body, "TOKEN_EXPIRED"):
		msg += ". The server token has expired: download a new one for this MDM server in ABM, decrypt it and update server_token"
	case e.HTTPStatus == http.StatusUnauthorized:
		msg += ". Apple refused the server token: check that server_token is the decrypted token of an MDM server of this organization, and that this machine's clock is correct"
	}
	return msg
}

// ade is the device-enrollment session state.
type ade struct {
	base  *url.URL
	token *ServerToken

	mu      sync.Mutex
	session string
}

// HasServerToken reports whether organization details can be read.
func (c *Client) HasServerToken() bool { return c.ade != nil }

// AccountDetail reads the organization's account detail from the
// device-enrollment service: GET /session with an OAuth 1.0a signature made
// from the server token, then GET /account with the session. A refused
// session is renewed once.
func (c *Client) AccountDetail(ctx context.Context) (*AccountDetail, error) {
	if c.ade == nil {
		return nil, errors.New("account detail needs a server token")
	}
	if exp, ok := c.ade.token.Expiry(); ok && c.now().After(exp) {
		return nil, fmt.Errorf("the server token expired on %s: download a new one for this MDM server in ABM, decrypt it and update server_token", exp.Format(time.RFC3339))
	}
	for attempt := 0; ; attempt++ {
		session, err := c.adeSession(ctx)
		if err != nil {
			return nil, fmt.Errorf("get account detail: %w", err)
		}
		detail, err := c.getAccount(ctx, session)
		var ae *ADEError
		if errors.As(err, &ae) && ae.HTTPStatus == http.StatusUnauthorized && attempt == 0 {
			c.ade.mu.Lock()
			if c.ade.session == session {
				c.ade.session = ""
			}
			c.ade.mu.Unlock()
			c.log(ctx, LevelDebug, "ADE session refused (HTTP 401), opening a new one", nil)
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("get account detail: %w", err)
		}
		return detail, nil
	}
}

func (c *Client) adeSession(ctx context.Context) (string, error) {
	c.ade.mu.Lock()
	defer c.ade.mu.Unlock()
	if c.ade.session != "" {
		return c.ade.session, nil
	}
	u := c.adeURL("/session")
	resp, err := c.send(ctx, "adeSession", func() (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", oauth1Header(c.ade.token, req.Method, u, c.now(), newUUID()))
		return req, nil
	})
	if err != nil {
		return "", err
	}
	if resp.status != http.StatusOK {
		return "", &ADEError{HTTPStatus: resp.status, Path: "/session", Body: shortText(resp.body)}
	}
	var s struct {
		Token string `json:"auth_session_token"`
	}
	if err := json.Unmarshal(resp.body, &s); err != nil || s.Token == "" {
		return "", errors.New("GET /session: the answer has no auth_session_token")
	}
	c.ade.session = s.Token
	return s.Token, nil
}

func (c *Client) getAccount(ctx context.Context, session string) (*AccountDetail, error) {
	u := c.adeURL("/account")
	resp, err := c.send(ctx, "adeAccount", func() (*http.Request, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("X-ADM-Auth-Session", session)
		req.Header.Set("X-Server-Protocol-Version", "3")
		req.Header.Set("Content-Type", "application/json;charset=UTF8")
		return req, nil
	})
	if err != nil {
		return nil, err
	}
	// Apple may hand out a refreshed session with any answer.
	if next := resp.header.Get("X-ADM-Auth-Session"); next != "" {
		c.ade.mu.Lock()
		c.ade.session = next
		c.ade.mu.Unlock()
	}
	if resp.status != http.StatusOK {
		return nil, &ADEError{HTTPStatus: resp.status, Path: "/account", Body: shortText(resp.body)}
	}
	var d AccountDetail
	if err := json.Unmarshal(resp.body, &d); err != nil {
		return nil, fmt.Errorf("GET /account: malformed account detail: %w", err)
	}
	return &d, nil
}

func (c *Client) adeURL(path string) *url.URL {
	u := *c.ade.base
	u.Path = strings.TrimRight(u.Path, "/") + path
	return &u
}

// shortText keeps the start of a plain-text error body for a message.
func shortText(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	if strings.HasPrefix(s, "<") {
		return "" // an HTML page says nothing useful
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// oauth1Header builds the OAuth 1.0a HMAC-SHA1 Authorization header of
// RFC 5849 for a request without a body.
func oauth1Header(tok *ServerToken, method string, u *url.URL, now time.Time, nonce string) string {
	params := map[string]string{
		"oauth_consumer_key":     tok.ConsumerKey,
		"oauth_token":            tok.AccessToken,
		"oauth_signature_method": "HMAC-SHA1",
		"oauth_timestamp":        strconv.FormatInt(now.Unix(), 10),
		"oauth_nonce":            nonce,
		"oauth_version":          "1.0",
	}
	params["oauth_signature"] = oauth1Signature(tok, method, u, params)
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(`OAuth realm="ADM"`)
	for _, k := range keys {
		fmt.Fprintf(&b, `, %s="%s"`, k, percentEncode(params[k]))
	}
	return b.String()
}

func oauth1Signature(tok *ServerToken, method string, u *url.URL, oauthParams map[string]string) string {
	type kv struct{ k, v string }
	var pairs []kv
	for k, v := range oauthParams {
		pairs = append(pairs, kv{percentEncode(k), percentEncode(v)})
	}
	for k, vs := range u.Query() {
		for _, v := range vs {
			pairs = append(pairs, kv{percentEncode(k), percentEncode(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	norm := make([]string, len(pairs))
	for i, p := range pairs {
		norm[i] = p.k + "=" + p.v
	}
	base := strings.ToUpper(method) + "&" + percentEncode(baseStringURI(u)) + "&" + percentEncode(strings.Join(norm, "&"))
	key := percentEncode(tok.ConsumerSecret) + "&" + percentEncode(tok.AccessSecret)
	mac := hmac.New(sha1.New, []byte(key))
	_, _ = io.WriteString(mac, base)
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// baseStringURI is scheme://host[:port]/path with the scheme and host in
// lower case and default ports left out (RFC 5849 §3.4.1.2).
func baseStringURI(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && p != map[string]string{"http": "80", "https": "443"}[scheme] {
		host += ":" + p
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	return scheme + "://" + host + path
}

// percentEncode is RFC 3986 encoding: unreserved characters stay, all
// others become %XX.
func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

package fakeabm

import "slices"

// seen keeps every secret that crossed the wire, so that tests can check a
// client never writes one to its logs, errors or state. Guarded by Server.mu.
type seen struct {
	assertions      []string // client_assertion JWTs received by the token endpoint
	accessTokens    []string // access tokens issued, expired ones included
	adeSessions     []string // X-ADM-Auth-Session tokens issued
	oauthSignatures []string // oauth_signature values received on GET /session
}

func (s *Server) remember(list *[]string, v string) {
	if v == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	*list = append(*list, v)
}

// Secrets is every secret the fake knows of: the API account's and the
// server token's own (the private key as PEM, consumer and access secrets,
// access token) and every one that crossed the wire so far (client
// assertions, access tokens, ADE session tokens, OAuth 1.0a signatures),
// each under a name that says what it is.
func (s *Server) Secrets() map[string][]string {
	c := s.creds
	out := map[string][]string{
		"private key PEM":              {string(c.keyPEM())},
		"server token consumer_secret": {c.consumerSecret},
		"server token access_token":    {c.accessToken},
		"server token access_secret":   {c.accessSecret},
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out["client assertion"] = slices.Clone(s.seen.assertions)
	out["access token"] = slices.Clone(s.seen.accessTokens)
	out["ADE session token"] = slices.Clone(s.seen.adeSessions)
	out["OAuth 1.0a signature"] = slices.Clone(s.seen.oauthSignatures)
	return out
}

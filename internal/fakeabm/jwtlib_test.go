package fakeabm

import (
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// The client signs with golang-jwt; make sure what it produces by default
// (RegisteredClaims, one-element aud array) passes the hand-written check.
func TestTokenAcceptsGolangJWTAssertion(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	now := time.Now()
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.RegisteredClaims{
		Issuer: s.ClientID(), Subject: s.ClientID(), Audience: jwt.ClaimStrings{tokenAudience},
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour)), ID: "jti-1",
	})
	tok.Header["kid"] = s.KeyID()
	signed, err := tok.SignedString(s.PrivateKey())
	if err != nil {
		t.Fatal(err)
	}
	if code, body := postForm(t, s.TokenURL(), tokenForm(s, signed)); code != 200 {
		t.Fatalf("%d %s", code, body)
	}
}

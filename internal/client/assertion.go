package client

import (
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// AssertionAudience is the audience Apple requires in the client assertion.
// It carries /v2/ although the documented token URL does not.
const AssertionAudience = "https://account.apple.com/auth/oauth2/v2/token"

// assertionLifetime is how long one client assertion is valid. Apple accepts
// up to 180 days; a day keeps a leaked assertion short-lived while a
// long terraform run still reuses one.
const assertionLifetime = 24 * time.Hour

// assertionClaims are the JWT claims Apple documents. aud is a plain string,
// as in Apple's example, rather than RegisteredClaims' one-element array.
type assertionClaims struct {
	Subject   string `json:"sub"`
	Issuer    string `json:"iss"`
	Audience  string `json:"aud"`
	IssuedAt  int64  `json:"iat"`
	ExpiresAt int64  `json:"exp"`
	ID        string `json:"jti"`
}

func (c assertionClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.ExpiresAt, 0)), nil
}
func (c assertionClaims) GetIssuedAt() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.IssuedAt, 0)), nil
}
func (c assertionClaims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }
func (c assertionClaims) GetIssuer() (string, error)              { return c.Issuer, nil }
func (c assertionClaims) GetSubject() (string, error)             { return c.Subject, nil }
func (c assertionClaims) GetAudience() (jwt.ClaimStrings, error) {
	return jwt.ClaimStrings{c.Audience}, nil
}

// signAssertion builds and signs an ES256 client assertion valid from now.
func signAssertion(key *ecdsa.PrivateKey, clientID, keyID string, now time.Time) (string, time.Time, error) {
	exp := now.Add(assertionLifetime)
	claims := assertionClaims{
		Subject:   clientID,
		Issuer:    clientID,
		Audience:  AssertionAudience,
		IssuedAt:  now.Unix(),
		ExpiresAt: exp.Unix(),
		ID:        newUUID(),
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, claims)
	tok.Header["kid"] = keyID
	signed, err := tok.SignedString(key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign client assertion: %w", err)
	}
	return signed, exp, nil
}

// newUUID returns a random version 4 UUID for the assertion's jti.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

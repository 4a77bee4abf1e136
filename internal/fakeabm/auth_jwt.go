package fakeabm

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"time"
)

// tokenAudience is the only aud Apple accepts — note /v2/, unlike the token URL.
const tokenAudience = "https://account.apple.com/auth/oauth2/v2/token"

const (
	maxAssertionLifetime = 180 * 24 * time.Hour
	maxIssuedAtSkew      = 60 * time.Second
)

// verifyAssertion checks a client assertion JWT by hand (no JWT library, so a
// library mistake on the client side cannot be mirrored here). The error only
// helps tests and debugging: Apple itself says nothing but "invalid_client".
func verifyAssertion(token, clientID, keyID string, pub *ecdsa.PublicKey, now time.Time) error {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return errors.New("not a compact JWS")
	}
	var hdr struct {
		Alg string `json:"alg"`
		Kid string `json:"kid"`
		Typ string `json:"typ"`
	}
	if err := decodeSegment(parts[0], &hdr); err != nil {
		return errors.New("header: " + err.Error())
	}
	if hdr.Alg != "ES256" {
		return errors.New("alg is not ES256")
	}
	if hdr.Kid != keyID {
		return errors.New("kid does not match the key ID")
	}
	if hdr.Typ != "" && hdr.Typ != "JWT" {
		return errors.New("typ is not JWT")
	}

	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || len(sig) != 64 {
		return errors.New("signature is not a raw 64-byte r||s value")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	r, s := new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])
	if !ecdsa.Verify(pub, digest[:], r, s) {
		return errors.New("bad signature")
	}

	var c struct {
		Iss string          `json:"iss"`
		Sub string          `json:"sub"`
		Aud json.RawMessage `json:"aud"`
		Iat json.Number     `json:"iat"`
		Exp json.Number     `json:"exp"`
		Jti string          `json:"jti"`
	}
	if err := decodeSegment(parts[1], &c); err != nil {
		return errors.New("claims: " + err.Error())
	}
	if c.Sub != clientID || c.Iss != clientID {
		return errors.New("sub and iss must both be the client ID")
	}
	if !audienceOK(c.Aud) {
		return errors.New("aud is not " + tokenAudience)
	}
	iat, err1 := unixTime(c.Iat)
	exp, err2 := unixTime(c.Exp)
	if err1 != nil || err2 != nil {
		return errors.New("iat and exp must be numeric dates")
	}
	if iat.After(now.Add(maxIssuedAtSkew)) {
		return errors.New("iat is in the future")
	}
	if !exp.After(now) {
		return errors.New("assertion expired")
	}
	if !exp.Before(iat.Add(maxAssertionLifetime)) {
		return errors.New("exp is 180 days or more after iat")
	}
	if c.Jti == "" {
		return errors.New("jti missing")
	}
	return nil
}

func decodeSegment(seg string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err != nil {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

// audienceOK accepts the documented string and, as Apple does [seen], a
// one-element array holding it.
func audienceOK(raw json.RawMessage) bool {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return one == tokenAudience
	}
	var many []string
	return json.Unmarshal(raw, &many) == nil && len(many) == 1 && many[0] == tokenAudience
}

func unixTime(n json.Number) (time.Time, error) {
	if n == "" {
		return time.Time{}, errors.New("missing")
	}
	f, err := n.Float64()
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return time.Time{}, errors.New("not a number")
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)), nil
}

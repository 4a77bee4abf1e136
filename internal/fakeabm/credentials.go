package fakeabm

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"
)

// credentials are what ABM hands an administrator: an API account (client ID, key
// ID, P-256 key) and, per MDM server, the decrypted ADE server token. IDs and the
// server token follow the seed; the private key is fresh per server.
type credentials struct {
	clientID, keyID string
	key             *ecdsa.PrivateKey

	consumerKey, consumerSecret, accessToken, accessSecret string
}

func newCredentials(seed int64, scope string) credentials {
	r := newRNG(seed, streamCredentials, 0)
	prefix := "BUSINESSAPI."
	if scope == "school.api" {
		prefix = "SCHOOLAPI."
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		panic(fmt.Sprintf("fakeabm: generate key: %v", err))
	}
	hex := func(n int) string { return strings.ToLower(r.fromAlphabet("0123456789abcdef", n)) }
	return credentials{
		clientID:       prefix + uuidFrom(r.next(), r.next()),
		keyID:          uuidFrom(r.next(), r.next()),
		key:            key,
		consumerKey:    "CK_" + hex(128),
		consumerSecret: "CS_" + hex(40),
		accessToken:    "AT_O" + r.digits(10) + "O" + hex(40) + "O" + r.digits(13),
		accessSecret:   "AS_" + hex(40),
	}
}

func (c credentials) keyPEM() []byte {
	der, err := x509.MarshalECPrivateKey(c.key)
	if err != nil {
		panic(fmt.Sprintf("fakeabm: marshal key: %v", err))
	}
	return pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der})
}

const serverTokenExpiry = "2027-01-01T00:00:00Z"

func (c credentials) serverTokenJSON() []byte {
	var j jw
	j.obj()
	j.kstr("consumer_key", c.consumerKey)
	j.kstr("consumer_secret", c.consumerSecret)
	j.kstr("access_token", c.accessToken)
	j.kstr("access_secret", c.accessSecret)
	j.kstr("access_token_expiry", serverTokenExpiry)
	j.endObj()
	return j.b
}

// serverTokenMIME is the server token as it reads after decrypting the .p7m
// that ABM hands out: MIME headers, a blank line, then the JSON between markers.
func (c credentials) serverTokenMIME() []byte {
	return []byte("Content-Type: text/plain;charset=UTF-8\r\n" +
		"Content-Transfer-Encoding: 7bit\r\n" +
		"\r\n" +
		"-----BEGIN MESSAGE-----\n" +
		string(c.serverTokenJSON()) + "\n" +
		"-----END MESSAGE-----\n")
}

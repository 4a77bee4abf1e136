package client_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// p256Params is the DER of the prime256v1 OID, the body of an
// "EC PARAMETERS" block that openssl writes before some keys.
var p256Params = []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}

func pemBlock(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}

func TestEveryPEMFormOfTheKeyAuthenticates(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	key := f.PrivateKey()
	sec1, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string]string{
		"SEC1":                       pemBlock("EC PRIVATE KEY", sec1),
		"PKCS8":                      pemBlock("PRIVATE KEY", pkcs8),
		"PKCS8 under EC label":       pemBlock("EC PRIVATE KEY", pkcs8),
		"EC PARAMETERS first":        pemBlock("EC PARAMETERS", p256Params) + pemBlock("EC PRIVATE KEY", sec1),
		"fake's own PEM":             string(f.PrivateKeyPEM()),
		"CRLF line ends and padding": "\r\n  " + strings.ReplaceAll(pemBlock("PRIVATE KEY", pkcs8), "\n", "\r\n"),
	}
	for name, text := range forms {
		t.Run(name, func(t *testing.T) {
			parsed, err := client.ParsePrivateKey([]byte(text))
			if err != nil {
				t.Fatalf("ParsePrivateKey: %v", err)
			}
			c, _ := newClient(t, f, func(cfg *client.Config) { cfg.PrivateKey = parsed })
			if err := c.CheckToken(context.Background()); err != nil {
				t.Fatalf("token with %s key: %v", name, err)
			}
		})
	}
}

func TestUnusableKeysAreExplained(t *testing.T) {
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p384DER, _ := x509.MarshalECPrivateKey(p384)
	rsaPKCS8, _ := x509.MarshalPKCS8PrivateKey(rsaKey)
	cases := map[string]struct {
		text string
		want string
	}{
		"empty":         {"", "empty"},
		"garbage":       {"not a key at all", "no PEM block"},
		"RSA PKCS1":     {pemBlock("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rsaKey)), "RSA"},
		"RSA PKCS8":     {pemBlock("PRIVATE KEY", rsaPKCS8), "RSA"},
		"P-384":         {pemBlock("EC PRIVATE KEY", p384DER), "P-384"},
		"encrypted":     {pemBlock("ENCRYPTED PRIVATE KEY", []byte{1, 2, 3}), "ENCRYPTED"},
		"legacy crypt":  {string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,00"}, Bytes: []byte{1}})), "encrypted"},
		"certificate":   {pemBlock("CERTIFICATE", []byte{1, 2, 3}), "CERTIFICATE"},
		"garbage body":  {pemBlock("EC PRIVATE KEY", []byte("garbage")), "not a PKCS#8 or SEC1"},
		"params only":   {pemBlock("EC PARAMETERS", p256Params), "no private key"},
		"public key":    {pemBlock("PUBLIC KEY", []byte{1, 2}), "not a PKCS#8 or SEC1"},
		"truncated PEM": {"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI", "no PEM block"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := client.ParsePrivateKey([]byte(tc.text))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), "P-256") && !strings.Contains(err.Error(), "PEM") && !strings.Contains(err.Error(), ".pem") {
				t.Errorf("error %q does not say what is expected", err)
			}
		})
	}
}

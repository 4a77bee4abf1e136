package client_test

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"regexp"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// The seeds below and the corpora under testdata/fuzz run as ordinary tests
// with `go test`; `make fuzz` explores beyond them for FUZZTIME each.

func FuzzParsePrivateKey(f *testing.F) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		f.Fatal(err)
	}
	sec1, _ := x509.MarshalECPrivateKey(key)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(key)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p384DER, _ := x509.MarshalECPrivateKey(p384)
	for _, seed := range []string{
		pemBlock("EC PRIVATE KEY", sec1),
		pemBlock("PRIVATE KEY", pkcs8),
		pemBlock("EC PRIVATE KEY", pkcs8),
		pemBlock("EC PARAMETERS", p256Params) + pemBlock("EC PRIVATE KEY", sec1),
		"\r\n   " + strings.ReplaceAll(pemBlock("PRIVATE KEY", pkcs8), "\n", "\r\n\t"),
		pemBlock("EC PRIVATE KEY", p384DER),
		pemBlock("CERTIFICATE", []byte{0x30, 0x03, 0x02, 0x01, 0x01}),
		pemBlock("ENCRYPTED PRIVATE KEY", []byte{1}),
		"-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAQ==\n-----END EC PRIVATE KEY-----\n",
		pemBlock("EC PRIVATE KEY", []byte{0x30, 0x80}),
		"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI",
		"",
		"not a key",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		key, err := client.ParsePrivateKey(data)
		if err != nil {
			if key != nil {
				t.Fatal("a key and an error")
			}
			checkKeyErrorKeepsTheKeySecret(t, data, err)
			return
		}
		if key == nil || key.Curve != elliptic.P256() {
			t.Fatalf("accepted a key that is not P-256: %v", key)
		}
		// What was accepted signs and verifies: it is a usable ES256 key.
		digest := make([]byte, 32)
		sig, err := ecdsa.SignASN1(rand.Reader, key, digest)
		if err != nil || !ecdsa.VerifyASN1(&key.PublicKey, digest, sig) {
			t.Fatalf("accepted key does not sign: %v", err)
		}
	})
}

// base64Line is a line of PEM body: the secret part of a key file.
var base64Line = regexp.MustCompile(`^[A-Za-z0-9+/]{12,}={0,2}$`)

// checkKeyErrorKeepsTheKeySecret fails if an error message quotes a line of
// PEM body. Block type labels, which messages do name, are not secret.
func checkKeyErrorKeepsTheKeySecret(t *testing.T, data []byte, err error) {
	t.Helper()
	msg := err.Error()
	var labels []string
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		labels = append(labels, b.Type)
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if !base64Line.MatchString(line) || !strings.Contains(msg, line) {
			continue
		}
		inLabel := false
		for _, l := range labels {
			inLabel = inLabel || strings.Contains(l, line)
		}
		if !inLabel {
			t.Fatalf("error %q quotes input line %q", msg, line)
		}
	}
}

// serverTokenErrors are every message ParseServerToken may give: none
// interpolates anything from the token but a byte offset or a field name.
var serverTokenErrors = regexp.MustCompile(`^the server token( |'s )(` +
	`is empty` +
	`|is still encrypted \(S/MIME\); .*` +
	`|is not a JSON object; expected the object with consumer_key, consumer_secret, access_token and access_secret` +
	`|is neither JSON nor MIME text with -----BEGIN MESSAGE-----` +
	`|has -----BEGIN MESSAGE----- but no -----END MESSAGE-----` +
	`|is not valid JSON( \(syntax error at byte \d+\))?` +
	`|"(consumer_key|consumer_secret|access_token|access_secret|access_token_expiry)" is not a string` +
	`|lacks ((consumer_key|consumer_secret|access_token|access_secret)(, )?)+` +
	`)$`)

func FuzzParseServerToken(f *testing.F) {
	good := `{"consumer_key":"CK_1","consumer_secret":"CS_1","access_token":"AT_1","access_secret":"AS_1","access_token_expiry":"2027-01-01T00:00:00Z"}`
	for _, seed := range []string{
		good,
		"\ufeff" + good,
		"Content-Type: text/plain;charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n-----BEGIN MESSAGE-----\r\n" + good + "\r\n-----END MESSAGE-----\r\n",
		"-----BEGIN MESSAGE-----\n" + good,
		"-----END MESSAGE----------BEGIN MESSAGE-----",
		`{"consumer_key":"CK_1"`,
		`{"consumer_key":1}`,
		`{"consumer_key":"CK_1","access_secret":"AS_secret"}`,
		`{"consumer_key":"CK","consumer_secret":"CS","access_token":"AT","access_secret":"AS"} trailing`,
		`{"consumer_key":"\u0000","consumer_secret":"\ud800","access_token":"AT","access_secret":"AS"}`,
		"Content-Type: application/pkcs7-mime; smime-type=enveloped-data",
		"",
		"   \n\t",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tok, err := client.ParseServerToken(data)
		if err != nil {
			if tok != nil {
				t.Fatal("a token and an error")
			}
			if !serverTokenErrors.MatchString(err.Error()) {
				t.Fatalf("unexpected error text (may quote the token): %q", err)
			}
			return
		}
		if tok.ConsumerKey == "" || tok.ConsumerSecret == "" || tok.AccessToken == "" || tok.AccessSecret == "" {
			t.Fatalf("accepted a token without every credential: %+v", tok)
		}
		// The accepted token reads back the same from its own JSON.
		b, err := json.Marshal(tok) //nolint:gosec // a fuzzed token, serialized to check the round trip
		if err != nil {
			t.Fatal(err)
		}
		again, err := client.ParseServerToken(b)
		if err != nil || *again != *tok {
			t.Fatalf("round trip: %+v, %v; want %+v", again, err, tok)
		}
		_, _ = tok.Expiry()
		if bytes.Contains(data, []byte("-----BEGIN MESSAGE-----")) && !bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff"))), []byte("{")) &&
			!bytes.Contains(data, []byte("-----END MESSAGE-----")) {
			t.Fatal("accepted MIME text without its END MESSAGE marker")
		}
	})
}

package provider

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Hostile or broken configuration: each gives one clear error that says
// what is wrong and where it came from, and never quotes a secret. These
// fill the gaps left by provider_configure_test.go and
// organization_data_source_test.go.

func pemText(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}

// keyBlock is a provider block for the fake with the key given by extra.
func keyBlock(env *testEnv, extra string) string {
	return fmt.Sprintf(`
provider "abm" {
  client_id   = %q
  key_id      = %q
  api_url     = %q
  token_url   = %q
  max_retries = 0
  %s
}
`, env.fake.ClientID(), env.fake.KeyID(), env.fake.URL(), env.fake.TokenURL(), extra) + serversDS
}

// inlineKey sets private_key to text with a heredoc, as a user pastes a .pem.
func inlineKey(text string) string {
	return fmt.Sprintf("private_key = <<EOT\n%s\nEOT\n", strings.TrimRight(text, "\n"))
}

func selfSignedCertificate(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mdm.example.com"},
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return pemText("CERTIFICATE", der)
}

func TestAccUnusablePrivateKeys(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	rsaPKCS8, _ := x509.MarshalPKCS8PrivateKey(rsaKey)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p384PKCS8, _ := x509.MarshalPKCS8PrivateKey(p384)
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	edPKCS8, _ := x509.MarshalPKCS8PrivateKey(edKey)
	good := string(env.fake.PrivateKeyPEM())
	goodBody := strings.Split(strings.TrimSpace(good), "\n")[1]
	legacyEncrypted := string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY",
		Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC,00112233445566778899AABBCCDDEEFF"},
		Bytes:   []byte(goodBody)}))

	cases := map[string]struct{ extra, re string }{
		"empty key file": {fmt.Sprintf("private_key_file = %q", write("empty.pem", "")),
			msgRE("Invalid private key", "`private_key_file`", "the private key is empty")},
		"blank inline key": {`private_key = "  \n  "`,
			msgRE("Invalid private key", "`private_key`", "the private key is empty")},
		"empty inline key": {`private_key = ""`,
			msgRE("Missing private key", "ABM_PRIVATE_KEY", "ABM_PRIVATE_KEY_FILE")},
		"garbage inline key": {inlineKey("this is not a key\nat all"),
			msgRE("Invalid private key", "no PEM block found", "BEGIN EC PRIVATE KEY")},
		"PEM with a garbage body": {inlineKey(pemText("EC PRIVATE KEY", []byte("garbage"))),
			msgRE("Invalid private key", "not a PKCS#8 or SEC1 private key")},
		"truncated PEM": {inlineKey(good[:len(good)/2]),
			msgRE("Invalid private key", "no PEM block found")},
		"RSA key (PKCS#1 file)": {fmt.Sprintf("private_key_file = %q", write("rsa.pem", pemText("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rsaKey)))),
			msgRE("Invalid private key", "RSA private key", "EC P-256")},
		"RSA key (PKCS#8 inline)": {inlineKey(pemText("PRIVATE KEY", rsaPKCS8)),
			msgRE("Invalid private key", "RSA private key", "EC P-256")},
		"P-384 key (PKCS#8 inline)": {inlineKey(pemText("PRIVATE KEY", p384PKCS8)),
			msgRE("Invalid private key", "curve P-384", "P-256")},
		"Ed25519 key": {inlineKey(pemText("PRIVATE KEY", edPKCS8)),
			msgRE("Invalid private key", "ed25519", "EC P-256")},
		"encrypted PKCS#8": {inlineKey(pemText("ENCRYPTED PRIVATE KEY", []byte{0x30, 0x03, 0x02, 0x01, 0x00})),
			msgRE("Invalid private key", "ENCRYPTED PRIVATE KEY", "unencrypted")},
		"encrypted legacy PEM": {fmt.Sprintf("private_key_file = %q", write("legacy.pem", legacyEncrypted)),
			msgRE("Invalid private key", "encrypted EC PRIVATE KEY block", "unencrypted")},
		"certificate instead of key": {fmt.Sprintf("private_key_file = %q", write("cert.pem", selfSignedCertificate(t))),
			msgRE("Invalid private key", "found a CERTIFICATE", "private key")},
		"public key instead of key": {inlineKey(pemText("PUBLIC KEY", []byte{0x30, 0x00})),
			msgRE("Invalid private key", "PUBLIC KEY block")},
		"key file is a directory": {fmt.Sprintf("private_key_file = %q", dir),
			msgRE("Cannot read the private key file", "`private_key_file`", "is a directory")},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			runExpectingError(t, false, keyBlock(env, tc.extra), func(t *testing.T, out string) {
				expectOneError(tc.re)(t, out)
				if strings.Contains(out, goodBody) {
					t.Error("the diagnostic quotes key material")
				}
			})
		})
	}
}

func TestAccConflictingOrUnreadableKeyFromTheEnvironment(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	t.Run("both variables", func(t *testing.T) {
		t.Setenv("ABM_PRIVATE_KEY", string(env.fake.PrivateKeyPEM()))
		t.Setenv("ABM_PRIVATE_KEY_FILE", env.keyFile)
		expectError(t, keyBlock(env, ""), msgRE("Conflicting private key settings", "ABM_PRIVATE_KEY", "ABM_PRIVATE_KEY_FILE"))
	})
	t.Run("both attributes", func(t *testing.T) {
		extra := inlineKey(string(env.fake.PrivateKeyPEM())) + fmt.Sprintf("private_key_file = %q", env.keyFile)
		expectError(t, keyBlock(env, extra), msgRE("private_key_file", "cannot be specified when", "private_key"))
	})
	t.Run("unreadable file from the environment", func(t *testing.T) {
		t.Setenv("ABM_PRIVATE_KEY_FILE", filepath.Join(t.TempDir(), "nope.pem"))
		expectError(t, keyBlock(env, ""), msgRE("Cannot read the private key file", "ABM_PRIVATE_KEY_FILE", "no such file"))
	})
	t.Run("garbage from the environment", func(t *testing.T) {
		t.Setenv("ABM_PRIVATE_KEY", "-----BEGIN EC PRIVATE KEY-----\nnope\n-----END EC PRIVATE KEY-----\n")
		expectError(t, keyBlock(env, ""), msgRE("Invalid private key", "ABM_PRIVATE_KEY", "EC PRIVATE KEY block"))
	})
}

func TestAccClientIDWithoutKnownPrefix(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	t.Setenv("ABM_CLIENT_ID", "3c5d2f0e-1111-2222-3333-444455556666")
	cfg := fmt.Sprintf(`
provider "abm" {
  key_id           = %q
  private_key_file = %q
  api_url          = %q
  token_url        = %q
}
`, env.fake.KeyID(), env.keyFile, env.fake.URL(), env.fake.TokenURL()) + serversDS
	expectError(t, cfg, msgRE("Cannot tell the scope", "3c5d2f0e-1111-2222-3333-444455556666", "BUSINESSAPI.", "SCHOOLAPI.", "ABM_CLIENT_ID", "ABM_SCOPE"))
	t.Setenv("ABM_SCOPE", "business")
	expectError(t, cfg, msgRE("Invalid scope", "ABM_SCOPE", `"business"`, "business.api", "school.api"))
}

func TestAccEndpointURLsAreChecked(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	cases := map[string]struct{ extra, re string }{
		"api_url http to a remote host":   {`api_url = "http://api-business.apple.com"`, msgRE("api_url", "http://", "not loopback", "https://")},
		"token_url http to a remote host": {`token_url = "http://account.apple.com/auth/oauth2/token"`, msgRE("token_url", "not loopback")},
		"loopback look-alike host":        {`api_url = "http://127.0.0.1.nip.io"`, msgRE("api_url", "not loopback")},
		"localhost look-alike host":       {`token_url = "http://localhost.attacker.example/token"`, msgRE("token_url", "not loopback")},
		"no host":                         {`api_url = "https://"`, msgRE("api_url", "not an absolute URL")},
		"no scheme":                       {`api_url = "api-business.apple.com"`, msgRE("api_url", "not an absolute URL")},
		"space in host":                   {`token_url = "https://exa mple.com/token"`, msgRE("token_url", "not a valid URL")},
		"bad percent escape":              {`api_url = "https://api.example.com/%zz"`, msgRE("api_url", "not a valid URL")},
		"fragment":                        {`api_url = "https://api.example.com/#top"`, msgRE("api_url", "query or fragment")},
		"javascript scheme":               {`token_url = "javascript:alert(1)"`, msgRE("token_url", "not an absolute URL")},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			// HCL refuses an attribute set twice, so the attribute under
			// test replaces the block's own.
			block := env.providerBlock("")
			for _, attr := range []string{"api_url", "token_url"} {
				if strings.HasPrefix(tc.extra, attr) {
					block = dropLine(block, attr)
				}
			}
			block = strings.Replace(block, "\n}\n", "\n  "+tc.extra+"\n}\n", 1)
			expectError(t, block+serversDS, tc.re)
		})
	}
	t.Run("from the environment", func(t *testing.T) {
		t.Setenv("ABM_TOKEN_URL", "http://192.0.2.10/auth/oauth2/token")
		block := dropLine(env.providerBlock(""), "token_url")
		expectError(t, block+serversDS, msgRE("token_url", "ABM_TOKEN_URL", "not loopback"))
	})
}

// dropLine removes the line that sets attr from a provider block.
func dropLine(block, attr string) string {
	var out []string
	for _, l := range strings.Split(block, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), attr+" ") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func TestAccUnknownAtPlanValues(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	later := `
resource "terraform_data" "later" {
  input = "x"
}
`
	cases := map[string]string{
		"client_id":         `terraform_data.later.output`,
		"key_id":            `terraform_data.later.output`,
		"private_key":       `terraform_data.later.output`,
		"private_key_file":  `terraform_data.later.output`,
		"scope":             `terraform_data.later.output == "x" ? "business.api" : "school.api"`,
		"api_url":           `"https://${terraform_data.later.output}.example.com"`,
		"token_url":         `"https://${terraform_data.later.output}.example.com"`,
		"server_token":      `terraform_data.later.output`,
		"server_token_file": `terraform_data.later.output`,
		"ade_url":           `"https://${terraform_data.later.output}.example.com"`,
		"max_retries":       `length(terraform_data.later.output)`,
	}
	for attr, expr := range cases {
		t.Run(attr, func(t *testing.T) {
			block := dropLine(env.providerBlock(""), attr)
			if attr == "private_key" {
				block = dropLine(block, "private_key_file")
			}
			block = strings.Replace(block, "\n}\n", fmt.Sprintf("\n  %s = %s\n}\n", attr, expr), 1)
			expectError(t, later+block+serversDS, msgRE("Unknown provider configuration value", attr+" is unknown", attrEnv[attr]))
		})
	}
}

func TestAccMalformedServerTokens(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	dir := t.TempDir()
	org := `data "abm_organization" "org" {}`
	ade := fmt.Sprintf("ade_url = %q\n", env.fake.URL())
	const secret = "AS_this-is-the-secret-0123456789"
	cases := map[string]struct {
		token string
		re    string
	}{
		"truncated JSON": {`{"consumer_key":"CK_1","consumer_secret":"` + secret,
			msgRE("Invalid server token", "`server_token`", "not valid JSON")},
		"missing credentials": {`{"consumer_key":"CK_1","access_secret":"` + secret + `"}`,
			msgRE("Invalid server token", "lacks access_token, consumer_secret")},
		"wrong JSON type": {`{"consumer_key":"CK_1","consumer_secret":["` + secret + `"]}`,
			msgRE("Invalid server token", `"consumer_secret" is not a string`)},
		"a JSON array": {`["` + secret + `"]`,
			msgRE("Invalid server token", "neither JSON nor MIME")},
		"still encrypted": {"MIME-Version: 1.0\nContent-Disposition: attachment; filename=\"smime.p7m\"\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx",
			msgRE("Invalid server token", "still encrypted", "decrypt the .p7m")},
		"MIME without its end": {"Content-Type: text/plain\n\n-----BEGIN MESSAGE-----\n{\"consumer_secret\":\"" + secret + "\"}\n",
			msgRE("Invalid server token", "no -----END MESSAGE-----")},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			check := func(t *testing.T, out string) {
				expectOneError(tc.re)(t, out)
				if strings.Contains(out, secret) {
					t.Error("the diagnostic quotes the server token's secret")
				}
			}
			inline := fmt.Sprintf("server_token = %q\n", tc.token)
			runExpectingError(t, false, env.providerBlock(ade+inline)+org, check)
			file := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
			if err := os.WriteFile(file, []byte(tc.token), 0o600); err != nil {
				t.Fatal(err)
			}
			runExpectingError(t, false, env.providerBlock(ade+fmt.Sprintf("server_token_file = %q\n", file))+org,
				expectOneError(strings.Replace(tc.re, "`server_token`", "`server_token_file`", 1)))
		})
	}
	t.Run("empty file", func(t *testing.T) {
		file := filepath.Join(dir, "empty")
		if err := os.WriteFile(file, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		// An empty file is a mistake, not the absence of a token.
		expectError(t, env.providerBlock(ade+fmt.Sprintf("server_token_file = %q\n", file))+org,
			msgRE("Invalid server token", "`server_token_file`", "empty"))
	})
	t.Run("file is a directory", func(t *testing.T) {
		expectError(t, env.providerBlock(ade+fmt.Sprintf("server_token_file = %q\n", dir))+org,
			msgRE("Cannot read the server token file", "is a directory"))
	})
	t.Run("from the environment", func(t *testing.T) {
		t.Setenv("ABM_SERVER_TOKEN", `{"consumer_key":"CK_1"}`)
		expectError(t, env.providerBlock(ade)+org, msgRE("Invalid server token", "ABM_SERVER_TOKEN", "lacks"))
	})
	t.Run("both variables", func(t *testing.T) {
		t.Setenv("ABM_SERVER_TOKEN", string(env.fake.ServerTokenJSON()))
		t.Setenv("ABM_SERVER_TOKEN_FILE", filepath.Join(dir, "empty"))
		expectError(t, env.providerBlock(ade)+org, msgRE("Conflicting server token settings", "ABM_SERVER_TOKEN", "ABM_SERVER_TOKEN_FILE"))
	})
}

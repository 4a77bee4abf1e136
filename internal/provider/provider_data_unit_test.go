package provider

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// The credentials a data source needs are read and checked by buildClient,
// after resolveSettings: these tests run both, as Configure and the first
// read do, against the fake Apple.

func pemText(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
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

// credentialsFixture is a fake Apple and a configuration for it without a key.
type credentialsFixture struct {
	fake *fakeabm.Server
	dir  string
}

func newCredentialsFixture(t *testing.T) *credentialsFixture {
	t.Helper()
	f := fakeabm.New(fakeabm.Options{})
	t.Cleanup(f.Close)
	return &credentialsFixture{fake: f, dir: t.TempDir()}
}

// config is the provider block for the fake, less the key, with max_retries 0
// so that a refused credential fails at once.
func (c *credentialsFixture) config() providerModel {
	return providerModel{
		ClientID: types.StringValue(c.fake.ClientID()), KeyID: types.StringValue(c.fake.KeyID()),
		APIURL: types.StringValue(c.fake.URL()), TokenURL: types.StringValue(c.fake.TokenURL()),
		ADEURL: types.StringValue(c.fake.URL()), MaxRetries: types.Int64Value(0),
	}
}

func (c *credentialsFixture) write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(c.dir, name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// resolveAndBuild resolves cfg in env and builds the client, as the first read does.
func resolveAndBuild(t *testing.T, cfg providerModel, env map[string]string) (*client.Client, diag.Diagnostics) {
	t.Helper()
	s, diags := resolveSettings(cfg, envOf(env))
	if diags.HasError() {
		t.Fatalf("resolveSettings: %v", diags)
	}
	return buildClient(s)
}

func TestBuildClientNamesEveryMissingCredential(t *testing.T) {
	_, diags := resolveAndBuild(t, providerModel{}, nil)
	if len(diags) != 3 || diags.ErrorsCount() != 3 {
		t.Fatalf("%d diagnostics, want one error for each of client_id, key_id and the key: %v", len(diags), diags)
	}
	for i, want := range [][]string{
		{"Missing client_id", "`client_id`", "ABM_CLIENT_ID", "Preferences → API"},
		{"Missing key_id", "`key_id`", "ABM_KEY_ID"},
		{"Missing private key", "`private_key` (environment variable ABM_PRIVATE_KEY)", "`private_key_file` (environment variable ABM_PRIVATE_KEY_FILE)"},
	} {
		mustContain(t, "diagnostic", diags[i].Summary()+": "+diags[i].Detail(), want...)
	}
}

func TestBuildClientClientIDWithoutKnownPrefix(t *testing.T) {
	fx := newCredentialsFixture(t)
	cfg := fx.config()
	cfg.ClientID = types.StringNull()
	cfg.PrivateKey = types.StringValue(string(fx.fake.PrivateKeyPEM()))
	_, diags := resolveAndBuild(t, cfg, map[string]string{"ABM_CLIENT_ID": "3c5d2f0e-1111-2222-3333-444455556666"})
	summary, detail := oneError(t, diags)
	mustContain(t, "diagnostic", summary+": "+detail, "Cannot tell the scope", `"3c5d2f0e-1111-2222-3333-444455556666"`,
		"BUSINESSAPI.", "SCHOOLAPI.", "`client_id` (environment variable ABM_CLIENT_ID)", "`scope` (environment variable ABM_SCOPE)")
}

// Every usable way of giving the key builds a client Apple (the fake) accepts.
func TestBuildClientUsableKeysAuthenticate(t *testing.T) {
	fx := newCredentialsFixture(t)
	good := string(fx.fake.PrivateKeyPEM())
	file := fx.write(t, "key.pem", good)
	cases := map[string]struct {
		key, keyFile string
		env          map[string]string
	}{
		"private_key as a heredoc": {key: strings.TrimRight(good, "\n") + "\n"},
		"private_key indented":     {key: "  " + strings.ReplaceAll(good, "\n", "\n    ")},
		"private_key_file":         {keyFile: file},
		"ABM_PRIVATE_KEY":          {env: map[string]string{"ABM_PRIVATE_KEY": good}},
		"ABM_PRIVATE_KEY_FILE":     {env: map[string]string{"ABM_PRIVATE_KEY_FILE": file}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			cfg := fx.config()
			if tc.key != "" {
				cfg.PrivateKey = types.StringValue(tc.key)
			}
			if tc.keyFile != "" {
				cfg.PrivateKeyFile = types.StringValue(tc.keyFile)
			}
			c, diags := resolveAndBuild(t, cfg, tc.env)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if err := c.CheckToken(context.Background()); err != nil {
				t.Errorf("the fake refused the key: %v", err)
			}
		})
	}
}

// A well-formed key Apple does not know fails the first read with one
// diagnostic that lists what to check.
func TestBuildClientWrongKeyIsRefusedByApple(t *testing.T) {
	fx := newCredentialsFixture(t)
	other, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalECPrivateKey(other)
	if err != nil {
		t.Fatal(err)
	}
	cfg := fx.config()
	cfg.PrivateKey = types.StringValue(pemText("EC PRIVATE KEY", der))
	c, diags := resolveAndBuild(t, cfg, nil)
	if diags.HasError() {
		t.Fatal(diags)
	}
	var read diag.Diagnostics
	addReadError(&read, "list MDM servers", c.CheckToken(context.Background()))
	summary, detail := oneError(t, read)
	mustContain(t, "diagnostic", summary+": "+detail, "Cannot authenticate with Apple", "invalid_client", "clock")
}

func TestBuildClientExplainsUnusableKeys(t *testing.T) {
	fx := newCredentialsFixture(t)
	good := string(fx.fake.PrivateKeyPEM())
	goodBody := strings.Split(strings.TrimSpace(good), "\n")[1]
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	rsaPKCS8, _ := x509.MarshalPKCS8PrivateKey(rsaKey)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p384PKCS8, _ := x509.MarshalPKCS8PrivateKey(p384)
	p384SEC1, _ := x509.MarshalECPrivateKey(p384)
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	edPKCS8, _ := x509.MarshalPKCS8PrivateKey(edKey)
	legacyEncrypted := string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY",
		Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC,00112233445566778899AABBCCDDEEFF"},
		Bytes:   []byte(goodBody)}))
	missing := filepath.Join(fx.dir, "missing.pem")

	// Exactly one of key, keyFile and env is set in each case.
	cases := map[string]struct {
		key, keyFile string
		env          map[string]string
		want         []string
	}{
		"empty key file":              {keyFile: fx.write(t, "empty.pem", ""), want: []string{"Invalid private key", "`private_key_file`", "the private key is empty"}},
		"blank inline key":            {key: "  \n  ", want: []string{"Invalid private key", "`private_key`", "the private key is empty"}},
		"empty inline key":            {key: "", want: []string{"Missing private key", "ABM_PRIVATE_KEY", "ABM_PRIVATE_KEY_FILE"}},
		"garbage inline key":          {key: "this is not a key\nat all", want: []string{"Invalid private key", "no PEM block found", "BEGIN EC PRIVATE KEY"}},
		"garbage key file":            {keyFile: fx.write(t, "garbage.pem", "hello"), want: []string{"Invalid private key", "`private_key_file`", "no PEM block"}},
		"PEM with a garbage body":     {key: pemText("EC PRIVATE KEY", []byte("garbage")), want: []string{"Invalid private key", "not a PKCS#8 or SEC1 private key"}},
		"truncated PEM":               {key: good[:len(good)/2], want: []string{"Invalid private key", "no PEM block found"}},
		"RSA key (PKCS#1 file)":       {keyFile: fx.write(t, "rsa.pem", pemText("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rsaKey))), want: []string{"Invalid private key", "RSA private key", "EC P-256"}},
		"RSA key (PKCS#8 inline)":     {key: pemText("PRIVATE KEY", rsaPKCS8), want: []string{"Invalid private key", "RSA private key", "EC P-256"}},
		"P-384 key (PKCS#8 inline)":   {key: pemText("PRIVATE KEY", p384PKCS8), want: []string{"Invalid private key", "curve P-384", "P-256"}},
		"P-384 key (SEC1 file)":       {keyFile: fx.write(t, "p384.pem", pemText("EC PRIVATE KEY", p384SEC1)), want: []string{"Invalid private key", "curve P-384"}},
		"Ed25519 key":                 {key: pemText("PRIVATE KEY", edPKCS8), want: []string{"Invalid private key", "ed25519", "EC P-256"}},
		"encrypted PKCS#8":            {key: pemText("ENCRYPTED PRIVATE KEY", []byte{0x30, 0x03, 0x02, 0x01, 0x00}), want: []string{"Invalid private key", "ENCRYPTED PRIVATE KEY", "unencrypted"}},
		"encrypted legacy PEM":        {keyFile: fx.write(t, "legacy.pem", legacyEncrypted), want: []string{"Invalid private key", "encrypted EC PRIVATE KEY block", "unencrypted"}},
		"certificate instead of key":  {keyFile: fx.write(t, "cert.pem", selfSignedCertificate(t)), want: []string{"Invalid private key", "found a CERTIFICATE", "private key"}},
		"public key instead of key":   {key: pemText("PUBLIC KEY", []byte{0x30, 0x00}), want: []string{"Invalid private key", "PUBLIC KEY block"}},
		"key file is a directory":     {keyFile: fx.dir, want: []string{"Cannot read the private key file", "`private_key_file`", "is a directory"}},
		"key file missing":            {keyFile: missing, want: []string{"Cannot read the private key file", "`private_key_file` names", "no such file"}},
		"ABM_PRIVATE_KEY_FILE absent": {env: map[string]string{"ABM_PRIVATE_KEY_FILE": missing}, want: []string{"Cannot read the private key file", "ABM_PRIVATE_KEY_FILE names", "no such file"}},
		"ABM_PRIVATE_KEY garbage":     {env: map[string]string{"ABM_PRIVATE_KEY": "-----BEGIN EC PRIVATE KEY-----\nnope\n-----END EC PRIVATE KEY-----\n"}, want: []string{"Invalid private key", "from ABM_PRIVATE_KEY", "EC PRIVATE KEY block"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			cfg := fx.config()
			switch {
			case tc.keyFile != "":
				cfg.PrivateKeyFile = types.StringValue(tc.keyFile)
			case tc.env == nil:
				cfg.PrivateKey = types.StringValue(tc.key)
			}
			c, diags := resolveAndBuild(t, cfg, tc.env)
			if c != nil {
				t.Error("a client was built")
			}
			summary, detail := oneError(t, diags)
			mustContain(t, "diagnostic", summary+": "+detail, tc.want...)
			if strings.Contains(detail, goodBody) {
				t.Error("the diagnostic quotes key material")
			}
		})
	}
}

func TestBuildClientServerTokens(t *testing.T) {
	fx := newCredentialsFixture(t)
	withKey := func() providerModel {
		cfg := fx.config()
		cfg.PrivateKey = types.StringValue(string(fx.fake.PrivateKeyPEM()))
		return cfg
	}
	t.Run("usable", func(t *testing.T) {
		for form, text := range map[string][]byte{"JSON": fx.fake.ServerTokenJSON(), "MIME": fx.fake.ServerTokenMIME()} {
			for _, from := range []string{"server_token", "server_token_file", "ABM_SERVER_TOKEN", "ABM_SERVER_TOKEN_FILE"} {
				cfg, env := withKey(), map[string]string{}
				file := fx.write(t, "token-"+form, string(text))
				switch from {
				case "server_token":
					cfg.ServerToken = types.StringValue(string(text))
				case "server_token_file":
					cfg.ServerTokenFile = types.StringValue(file)
				case "ABM_SERVER_TOKEN":
					env[from] = string(text)
				case "ABM_SERVER_TOKEN_FILE":
					env[from] = file
				}
				c, diags := resolveAndBuild(t, cfg, env)
				if diags.HasError() {
					t.Fatalf("%s from %s: %v", form, from, diags)
				}
				if _, err := c.AccountDetail(context.Background()); err != nil {
					t.Errorf("%s from %s: the fake refused the token: %v", form, from, err)
				}
			}
		}
	})
	t.Run("absent", func(t *testing.T) {
		c, diags := resolveAndBuild(t, withKey(), nil)
		if diags.HasError() || c.HasServerToken() {
			t.Errorf("without a server token: %v, has token %v", diags, c != nil && c.HasServerToken())
		}
	})

	const secret = "AS_this-is-the-secret-0123456789"
	cases := map[string]struct{ token, want string }{
		"truncated JSON":       {`{"consumer_key":"CK_1","consumer_secret":"` + secret, "not valid JSON"},
		"missing credentials":  {`{"consumer_key":"CK_1","access_secret":"` + secret + `"}`, "lacks access_token, consumer_secret"},
		"wrong JSON type":      {`{"consumer_key":"CK_1","consumer_secret":["` + secret + `"]}`, `"consumer_secret" is not a string`},
		"a JSON array":         {`["` + secret + `"]`, "neither JSON nor MIME"},
		"not a token":          {"not a token", "neither JSON nor MIME"},
		"still encrypted":      {"MIME-Version: 1.0\nContent-Disposition: attachment; filename=\"smime.p7m\"\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx", "still encrypted (S/MIME); decrypt the .p7m"},
		"MIME without its end": {"Content-Type: text/plain\n\n-----BEGIN MESSAGE-----\n{\"consumer_secret\":\"" + secret + "\"}\n", "no -----END MESSAGE-----"},
	}
	for name, tc := range cases {
		file := fx.write(t, strings.ReplaceAll(name, " ", "_"), tc.token)
		for _, from := range []string{"`server_token`", "`server_token_file`", "ABM_SERVER_TOKEN", "ABM_SERVER_TOKEN_FILE"} {
			t.Run(name+" from "+from, func(t *testing.T) {
				cfg, env := withKey(), map[string]string{}
				switch from {
				case "`server_token`":
					cfg.ServerToken = types.StringValue(tc.token)
				case "`server_token_file`":
					cfg.ServerTokenFile = types.StringValue(file)
				case "ABM_SERVER_TOKEN":
					env[from] = tc.token
				case "ABM_SERVER_TOKEN_FILE":
					env[from] = file
				}
				_, diags := resolveAndBuild(t, cfg, env)
				summary, detail := oneError(t, diags)
				mustContain(t, "diagnostic", summary+": "+detail, "Invalid server token", "The server token from "+from+" is not usable", tc.want, "consumer_key, consumer_secret")
				if strings.Contains(detail, secret) {
					t.Error("the diagnostic quotes the server token's secret")
				}
			})
		}
	}
	// An empty file named on purpose is a mistake, not the absence of a token.
	t.Run("empty file", func(t *testing.T) {
		cfg := withKey()
		cfg.ServerTokenFile = types.StringValue(fx.write(t, "empty", ""))
		_, diags := resolveAndBuild(t, cfg, nil)
		summary, detail := oneError(t, diags)
		mustContain(t, "diagnostic", summary+": "+detail, "Invalid server token", "`server_token_file`", "empty")
	})
	t.Run("file is a directory", func(t *testing.T) {
		cfg := withKey()
		cfg.ServerTokenFile = types.StringValue(fx.dir)
		_, diags := resolveAndBuild(t, cfg, nil)
		summary, detail := oneError(t, diags)
		mustContain(t, "diagnostic", summary+": "+detail, "Cannot read the server token file", "`server_token_file` names", "is a directory")
	})
	t.Run("file missing", func(t *testing.T) {
		_, diags := resolveAndBuild(t, withKey(), map[string]string{"ABM_SERVER_TOKEN_FILE": "/nonexistent/token"})
		summary, detail := oneError(t, diags)
		mustContain(t, "diagnostic", summary+": "+detail, "Cannot read the server token file", "ABM_SERVER_TOKEN_FILE names", "no such file")
	})
	// A server token in the configuration wins over a file named in the
	// environment, which is then not read at all.
	t.Run("server_token over ABM_SERVER_TOKEN_FILE", func(t *testing.T) {
		cfg := withKey()
		cfg.ServerToken = types.StringValue(string(fx.fake.ServerTokenJSON()))
		c, diags := resolveAndBuild(t, cfg, map[string]string{"ABM_SERVER_TOKEN_FILE": "/nonexistent/token"})
		if diags.HasError() || !c.HasServerToken() {
			t.Errorf("%v", diags)
		}
	})
}

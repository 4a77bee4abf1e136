package provider

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

const serversDS = `data "abm_mdm_servers" "all" {}`

func expectError(t *testing.T, config string, re string) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    []resource.TestStep{{Config: config, ExpectError: regexp.MustCompile(re)}},
	})
}

func TestAccProviderFromEnvironmentOnly(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	t.Setenv("ABM_CLIENT_ID", env.fake.ClientID())
	t.Setenv("ABM_KEY_ID", env.fake.KeyID())
	t.Setenv("ABM_PRIVATE_KEY", string(env.fake.PrivateKeyPEM()))
	t.Setenv("ABM_API_URL", env.fake.URL())
	t.Setenv("ABM_TOKEN_URL", env.fake.TokenURL())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: `provider "abm" {}` + "\n" + serversDS,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", tfjsonpath.New("mdm_servers").AtSliceIndex(0).AtMapKey("server_name"), knownvalue.StringExact("Production MDM")),
			},
		}},
	})
}

func TestAccProviderConfigurationWinsOverEnvironment(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	t.Setenv("ABM_CLIENT_ID", "BUSINESSAPI.00000000-0000-0000-0000-000000000000")
	t.Setenv("ABM_API_URL", "https://api-business.invalid")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + serversDS,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", tfjsonpath.New("mdm_servers"), knownvalue.ListSizeExact(3)),
			},
		}},
	})
}

func TestAccPrivateKeyInline(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	cfg := fmt.Sprintf(`
provider "abm" {
  client_id   = %q
  key_id      = %q
  private_key = <<EOT
%sEOT
  api_url     = %q
  token_url   = %q
}
`, env.fake.ClientID(), env.fake.KeyID(), env.fake.PrivateKeyPEM(), env.fake.URL(), env.fake.TokenURL()) + serversDS
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: cfg,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", tfjsonpath.New("mdm_servers"), knownvalue.ListSizeExact(3)),
			},
		}},
	})
}

func TestAccProviderValidators(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	cases := map[string]struct{ extra, re string }{
		"both key forms":        {`private_key = "x"`, `(?s)private_key.*private_key_file|Invalid Attribute Combination`},
		"unknown scope":         {`scope = "enterprise.api"`, `(?s)scope.*business\.api`},
		"http to remote host":   {`ade_url = "http://mdmenrollment.apple.com"`, `(?s)http://.*not loopback`},
		"malformed url":         {`ade_url = "::not a url"`, `(?s)Invalid URL`},
		"relative url":          {`ade_url = "/just/a/path"`, `(?s)not an absolute URL`},
		"ftp scheme":            {`ade_url = "ftp://example.com"`, `(?s)expected https://`},
		"negative retries":      {`max_retries = -1`, `(?s)max_retries.*between 0 and 100|Invalid Attribute Value`},
		"negative rate":         {`requests_per_minute = -5`, `(?s)requests_per_minute|Invalid Attribute Value`},
		"both server tokens":    {`server_token = "{}"` + "\n" + `server_token_file = "/tmp/x"`, `(?s)server_token.*server_token_file|Invalid Attribute Combination`},
		"url with user info":    {`ade_url = "https://user:pw@example.com"`, `(?s)user information`},
		"url with query string": {`ade_url = "https://example.com/?a=b"`, `(?s)query or fragment`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			expectError(t, env.providerBlock(tc.extra)+serversDS, tc.re)
		})
	}
}

func TestAccProviderEnvironmentValuesAreChecked(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	t.Setenv("ABM_ADE_URL", "http://10.0.0.1/")
	expectError(t, env.providerBlock("")+serversDS, `(?s)ABM_ADE_URL.*not loopback`)
	t.Setenv("ABM_ADE_URL", "")
	t.Setenv("ABM_MAX_RETRIES", "many")
	expectError(t, `provider "abm" {}`+"\n"+serversDS, `(?s)ABM_MAX_RETRIES.*whole number`)
}

func TestAccMissingCredentialsNameAttributeAndVariable(t *testing.T) {
	newTestEnv(t, fakeabm.Options{})
	cfg := `provider "abm" {}` + "\n" + serversDS
	expectError(t, cfg, `(?s)Missing client_id.*ABM_CLIENT_ID`)
	expectError(t, cfg, `(?s)Missing key_id.*ABM_KEY_ID`)
	expectError(t, cfg, `(?s)Missing private key.*ABM_PRIVATE_KEY.*ABM_PRIVATE_KEY_FILE`)
}

func TestAccUnusableCredentials(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	dir := t.TempDir()
	write := func(name string, body []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, body, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p384DER, _ := x509.MarshalECPrivateKey(p384)
	other, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	otherDER, _ := x509.MarshalECPrivateKey(other)
	block := func(extra string) string {
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
	cases := map[string]struct{ extra, re string }{
		"garbage PEM":      {fmt.Sprintf("private_key_file = %q", write("garbage.pem", []byte("hello"))), `(?s)Invalid private key.*no PEM block`},
		"P-384 key":        {fmt.Sprintf("private_key_file = %q", write("p384.pem", pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: p384DER}))), `(?s)Invalid private key.*P-384`},
		"unreadable file":  {fmt.Sprintf("private_key_file = %q", filepath.Join(dir, "missing.pem")), `(?s)Cannot read the private key file.*no such file`},
		"wrong key":        {fmt.Sprintf("private_key_file = %q", write("other.pem", pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: otherDER}))), `(?s)Cannot authenticate with Apple.*invalid_client.*clock`},
		"certificate file": {fmt.Sprintf("private_key_file = %q", write("cert.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{1}}))), `(?s)CERTIFICATE`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) { expectError(t, block(tc.extra), tc.re) })
	}
	t.Run("unprefixed client id without scope", func(t *testing.T) {
		cfg := fmt.Sprintf(`
provider "abm" {
  client_id        = "ACME.123"
  key_id           = %q
  private_key_file = %q
  api_url          = %q
  token_url        = %q
}
`, env.fake.KeyID(), env.keyFile, env.fake.URL(), env.fake.TokenURL()) + serversDS
		expectError(t, cfg, `(?s)Cannot tell the scope.*ABM_SCOPE`)
	})
}

func TestAccUnknownProviderValue(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	cfg := `
resource "terraform_data" "later" {
  input = "x"
}
` + env.providerBlock(`requests_per_minute = length(terraform_data.later.output)`) + serversDS
	expectError(t, cfg, `(?s)requests_per_minute is unknown.*ABM_REQUESTS_PER_MINUTE`)
}

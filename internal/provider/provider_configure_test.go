package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Configuration through the Terraform CLI: what only Terraform shows. Every
// rule itself (precedence, URL checks, key and server-token parsing, unknown
// values, validators) is covered by the *_unit_test.go files; these keep one
// run per surface of a diagnostic: the attribute it points at, the variable
// it names, and one error for one problem.

const serversDS = `data "abm_mdm_servers" "all" {}`

func expectError(t *testing.T, config string, re string) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    []resource.TestStep{{Config: config, ExpectError: regexp.MustCompile(re)}},
	})
}

// Everything from the environment, as a pipeline configures the provider.
func TestAccProviderFromEnvironmentOnly(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{})
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

// configLine matches Terraform's pointer to the configuration line that
// set attr: "│   7:   attr = …".
func configLine(attr, value string) string {
	return `(?m)^\W*\d+:\s+` + regexp.QuoteMeta(attr) + `\s+=\s+` + regexp.QuoteMeta(value)
}

// A value the schema refuses: Terraform points at the line that set it.
func TestAccValidatorErrorPointsAtTheAttribute(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	block := strings.Replace(env.providerBlock(""), fmt.Sprintf("api_url          = %q", env.fake.URL()),
		`api_url          = "http://api-business.apple.com"`, 1)
	runExpectingError(t, false, block+serversDS, expectOneError(
		msgRE("Invalid URL", "api_url:", "http://api-business.apple.com", "not loopback"),
		configLine("api_url", `"http://api-business.apple.com"`),
	))
}

// A value known only at apply: Configure's error points at the attribute
// and names the variable to use instead.
func TestAccUnknownAtPlanPointsAtTheAttribute(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	cfg := `
resource "terraform_data" "later" {
  input = "x"
}
` + env.providerBlock(`max_retries = length(terraform_data.later.output)`) + serversDS
	runExpectingError(t, false, cfg, expectOneError(
		msgRE("Unknown provider configuration value", "max_retries is unknown until apply", "ABM_MAX_RETRIES"),
		configLine("max_retries", "length(terraform_data.later.output)"),
	))
}

// A value from the environment has no line to point at: the error names
// the variable.
func TestAccEnvironmentErrorNamesTheVariable(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{})
	t.Setenv("ABM_TOKEN_URL", "http://192.0.2.10/auth/oauth2/token")
	cfg := fmt.Sprintf(`
provider "abm" {
  client_id        = %q
  key_id           = %q
  private_key_file = %q
  api_url          = %q
}
`, env.fake.ClientID(), env.fake.KeyID(), env.keyFile, env.fake.URL()) + serversDS
	runExpectingError(t, false, cfg, expectOneError(
		msgRE("Invalid URL", "`token_url` (environment variable ABM_TOKEN_URL)", "http://192.0.2.10", "not loopback"),
	))
}

// A credential that cannot be used is found by the first read: one error,
// which names where the key came from and quotes none of it.
func TestAccUnusableKeyIsOneErrorWithoutTheKey(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	good := string(env.fake.PrivateKeyPEM())
	body := strings.Split(strings.TrimSpace(good), "\n")[1]
	// A PEM cut in half, as a bad paste leaves it.
	cfg := strings.Replace(env.providerBlock(""), fmt.Sprintf("private_key_file = %q", env.keyFile),
		"private_key = <<EOT\n"+good[:len(good)/2]+"\nEOT", 1)
	runExpectingError(t, false, cfg+serversDS, func(t *testing.T, out string) {
		expectOneError(msgRE("Invalid private key", "The private key from `private_key` is not usable", "no PEM block found"))(t, out)
		if strings.Contains(out, body[:16]) {
			t.Error("the diagnostic quotes key material")
		}
	})
}

package provider

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func serverIDs(f *fakeabm.Server) knownvalue.Check {
	var ids []string
	for _, s := range f.MdmServers() {
		ids = append(ids, s.ID)
	}
	return strs(ids...)
}

func orgChecks(addr string, values map[string]knownvalue.Check) []statecheck.StateCheck {
	var checks []statecheck.StateCheck
	for name, c := range values {
		checks = append(checks, statecheck.ExpectKnownValue(addr, tfjsonpath.New(name), c))
	}
	return checks
}

func TestAccOrganizationWithServerToken(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Servers: 2})
	tokenFile := filepath.Join(t.TempDir(), "server_token.txt")
	if err := os.WriteFile(tokenFile, env.fake.ServerTokenMIME(), 0o600); err != nil {
		t.Fatal(err)
	}
	extra := `server_token_file = "` + tokenFile + `"
  ade_url = "` + env.fake.URL() + `"`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(extra) + `data "abm_organization" "org" {}`,
			ConfigStateChecks: orgChecks("data.abm_organization.org", map[string]knownvalue.Check{
				"org_id":         knownvalue.StringExact("780420"),
				"org_name":       knownvalue.StringExact("Example Corp"),
				"org_type":       knownvalue.StringExact("org"),
				"org_email":      knownvalue.StringExact("it@example.com"),
				"org_phone":      knownvalue.StringExact("+1 555 0100"),
				"org_address":    knownvalue.StringExact("1 Example Way, Springfield"),
				"admin_id":       knownvalue.StringExact("it-admin@example.com"),
				"org_id_hash":    knownvalue.StringExact("7af1643720c3cec37fa531f160518bc040cb4bb42e4ee80c7e01724f76a7e9a3"),
				"org_version":    knownvalue.StringExact("v2"),
				"server_name":    knownvalue.StringExact("Production MDM"),
				"server_uuid":    knownvalue.StringExact("F6E1E81A93837E1E87D6F4D99E235117"),
				"scope":          knownvalue.StringExact("business.api"),
				"client_id":      knownvalue.StringExact(env.fake.ClientID()),
				"mdm_server_ids": serverIDs(env.fake),
			}),
		}},
	})
}

func TestAccOrganizationWithoutServerToken(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	null := map[string]knownvalue.Check{
		"scope":          knownvalue.StringExact("business.api"),
		"client_id":      knownvalue.StringExact(env.fake.ClientID()),
		"mdm_server_ids": serverIDs(env.fake),
	}
	for _, name := range []string{"org_id", "org_name", "org_type", "org_email", "org_phone", "org_address", "admin_id", "org_id_hash", "org_version", "server_name", "server_uuid"} {
		null[name] = knownvalue.Null()
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:            env.providerBlock("") + `data "abm_organization" "org" {}`,
			ConfigStateChecks: orgChecks("data.abm_organization.org", null),
		}},
	})
	if n := env.fake.Count("adeSession") + env.fake.Count("adeAccount"); n != 0 {
		t.Errorf("ADE requests without a server token: %d", n)
	}
}

func TestAccOrganizationServerTokenErrors(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{})
	ade := `ade_url = "` + env.fake.URL() + `"`
	ds := `data "abm_organization" "org" {}`
	expectError(t, env.providerBlock(ade+"\n  server_token = \"not a token\"")+ds, `(?s)Invalid server token.*server_token.*neither JSON nor MIME`)
	expectError(t, env.providerBlock(ade+"\n  server_token_file = \"/nonexistent/token\"")+ds, `(?s)Cannot read the server token file`)

	t.Setenv("ABM_SERVER_TOKEN", string(env.fake.ServerTokenJSON()))
	env.fake.SetADETermsNotSigned(true)
	expectError(t, env.providerBlock(ade)+ds, `(?s)T_C_NOT_SIGNED.*accept`)
	env.fake.SetADETermsNotSigned(false)
	env.fake.SetADETokenExpired(true)
	expectError(t, env.providerBlock(ade)+ds, `(?s)token_expired.*server token has expired`)
}

// Apple School Manager end to end: a SCHOOLAPI. client ID selects the
// school.api scope by itself.
func TestAccAppleSchoolManager(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Scope: "school.api", Devices: 30})
	t.Setenv("ABM_SERVER_TOKEN", string(env.fake.ServerTokenJSON()))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock(`ade_url = "`+env.fake.URL()+`"`) + `
data "abm_organization" "school" {}
data "abm_org_device_summary" "fleet" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_organization.school", tfjsonpath.New("scope"), knownvalue.StringExact("school.api")),
				statecheck.ExpectKnownValue("data.abm_organization.school", tfjsonpath.New("org_type"), knownvalue.StringExact("edu")),
				statecheck.ExpectKnownValue("data.abm_org_device_summary.fleet", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(env.fake.ListedSerials())))),
			},
		}},
	})
}

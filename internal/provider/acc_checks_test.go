package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Helpers shared by the hardening tests (faults, hostile input, secrets).

// msgRE builds an ExpectError pattern from fragments that must appear in
// order. Terraform wraps diagnostic text to the terminal width, so a space
// in a fragment matches any run of white space, line breaks included.
func msgRE(fragments ...string) string {
	parts := make([]string, len(fragments))
	for i, f := range fragments {
		words := strings.Fields(f)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return "(?s)" + strings.Join(parts, ".*")
}

// errorDiagnostics counts the error diagnostics in Terraform's output.
var errorDiagnostic = regexp.MustCompile(`(?m)^\s*(│\s*)?Error: `)

// runExpectingError applies config, which must fail, and hands Terraform's
// error output to check. Unlike ExpectError it lets a test count the
// diagnostics and look for what must not be there.
func runExpectingError(t *testing.T, parallel bool, config string, check func(t *testing.T, out string)) {
	t.Helper()
	var out string
	tc := resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		ErrorCheck: func(err error) error {
			if out == "" {
				out = err.Error()
			}
			return nil
		},
		Steps: []resource.TestStep{{Config: config}},
	}
	if parallel {
		resource.ParallelTest(t, tc)
	} else {
		resource.Test(t, tc)
	}
	if out == "" {
		t.Fatal("the run succeeded; want an error")
	}
	check(t, out)
}

// expectOneError checks that Terraform reported exactly one error
// diagnostic and that it matches every pattern.
func expectOneError(patterns ...string) func(t *testing.T, out string) {
	return func(t *testing.T, out string) {
		t.Helper()
		if n := len(errorDiagnostic.FindAllString(out, -1)); n != 1 {
			t.Errorf("%d error diagnostics, want exactly 1:\n%s", n, out)
		}
		for _, p := range patterns {
			if !regexp.MustCompile(p).MatchString(out) {
				t.Errorf("output does not match %s:\n%s", p, out)
			}
		}
	}
}

// parallelEnv is a fake Apple and a provider block for tests that run in
// parallel. Those may not call t.Setenv, so the block sets every attribute
// the environment could otherwise supply.
type parallelEnv struct {
	fake     *fakeabm.Server
	keyFile  string
	cacheDir string
}

func newParallelEnv(t *testing.T, opts fakeabm.Options) *parallelEnv {
	t.Helper()
	f := fakeabm.New(opts)
	t.Cleanup(f.Close)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(keyFile, f.PrivateKeyPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	return &parallelEnv{fake: f, keyFile: keyFile, cacheDir: filepath.Join(dir, "cache")}
}

func (e *parallelEnv) providerBlock(extra string) string {
	scope := "business.api"
	if strings.HasPrefix(e.fake.ClientID(), "SCHOOLAPI.") {
		scope = "school.api"
	}
	if !strings.Contains(extra, "max_retries") {
		extra += "\n  max_retries = 5"
	}
	extra = withoutTokenCache(extra) // as for testEnv
	return fmt.Sprintf(`
provider "abm" {
  client_id           = %q
  key_id              = %q
  private_key_file    = %q
  scope               = %q
  api_url             = %q
  token_url           = %q
  ade_url             = %q
  requests_per_minute = 0
  cache_dir           = %q
  %s
}
`, e.fake.ClientID(), e.fake.KeyID(), e.keyFile, scope, e.fake.URL(), e.fake.TokenURL(), e.fake.URL(), e.cacheDir, extra)
}

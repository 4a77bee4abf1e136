package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// testProviders runs the provider in the test process; the Terraform CLI
// talks to it over the plugin protocol as it would to a real build.
var testProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"abm": NewProtocol6Server("test"),
}

// testEnv is a fake Apple and the files a provider block needs to use it.
type testEnv struct {
	fake     *fakeabm.Server
	keyFile  string
	cacheDir string // the test's own token and read cache
}

// TestMain keeps the machine's environment out of the provider under test:
// no ABM_* variable reaches any test but those that set one themselves.
// The user cache directory is a temporary one, so that no test reads or
// writes the tokens of the user running them; each test environment sets
// its own cache_dir besides.
func TestMain(m *testing.M) {
	for _, v := range attrEnv {
		_ = os.Unsetenv(v)
	}
	cache, err := os.MkdirTemp("", "abm-test-cache")
	if err != nil {
		panic(err)
	}
	_ = os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	_ = os.RemoveAll(cache)
	os.Exit(code)
}

// parallelTests remembers the tests newTestEnv made parallel, since a test
// may build several environments and t.Parallel may be called only once.
var parallelTests sync.Map

// newTestEnv starts a fake Apple for one test and runs the test in
// parallel with the others: each test has its own fake and configures the
// provider in full in its provider block, so tests share nothing. A test
// that sets environment variables uses newSerialTestEnv instead (Go runs
// those before the parallel ones, and restores the variables after each).
func newTestEnv(t *testing.T, opts fakeabm.Options) *testEnv {
	t.Helper()
	if _, done := parallelTests.LoadOrStore(t, true); !done {
		t.Parallel()
	}
	return newSerialTestEnv(t, opts)
}

// newSerialTestEnv is newTestEnv for a test that sets environment
// variables, and so cannot run in parallel.
func newSerialTestEnv(t *testing.T, opts fakeabm.Options) *testEnv {
	t.Helper()
	f := fakeabm.New(opts)
	t.Cleanup(f.Close)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(keyFile, f.PrivateKeyPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	return &testEnv{fake: f, keyFile: keyFile, cacheDir: filepath.Join(dir, "cache")}
}

// providerBlock configures the provider for the fake, plus extra lines.
// Tests count the provider instances that read by their token grants (one
// each), so the token cache is off unless extra sets token_cache.
func (e *testEnv) providerBlock(extra string) string {
	extra = withoutTokenCache(extra)
	return fmt.Sprintf(`
provider "abm" {
  client_id        = %q
  key_id           = %q
  private_key_file = %q
  api_url          = %q
  token_url        = %q
  cache_dir        = %q
  %s
}
`, e.fake.ClientID(), e.fake.KeyID(), e.keyFile, e.fake.URL(), e.fake.TokenURL(), e.cacheDir, extra)
}

// withoutTokenCache adds token_cache = false to a provider block's extra
// lines unless they set token_cache themselves.
func withoutTokenCache(extra string) string {
	if strings.Contains(extra, "token_cache") {
		return extra
	}
	return extra + "\n  token_cache = false"
}

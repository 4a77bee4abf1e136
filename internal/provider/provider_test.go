package provider

import (
	"fmt"
	"os"
	"path/filepath"
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
	fake    *fakeabm.Server
	keyFile string
}

func newTestEnv(t *testing.T, opts fakeabm.Options) *testEnv {
	t.Helper()
	f := fakeabm.New(opts)
	t.Cleanup(f.Close)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.pem")
	if err := os.WriteFile(keyFile, f.PrivateKeyPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	// Keep the machine's environment out of the provider under test.
	for _, v := range attrEnv {
		t.Setenv(v, "")
	}
	return &testEnv{fake: f, keyFile: keyFile}
}

// providerBlock configures the provider for the fake, plus extra lines.
func (e *testEnv) providerBlock(extra string) string {
	return fmt.Sprintf(`
provider "abm" {
  client_id        = %q
  key_id           = %q
  private_key_file = %q
  api_url          = %q
  token_url        = %q
  %s
}
`, e.fake.ClientID(), e.fake.KeyID(), e.keyFile, e.fake.URL(), e.fake.TokenURL(), extra)
}

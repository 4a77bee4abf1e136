package provider

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// examplesDir is where the committed examples live, relative to this package. The
// example tests run these files as they are, so what the docs show is what was run.
const examplesDir = "../../examples"

// readExample returns the text of a committed example file.
func readExample(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examplesDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// exampleEnv starts a fake Apple and configures the provider the way a user of the
// examples does: through the ABM_* environment variables, with an empty provider
// block. It returns the fake, for knobs that make a policy fail.
//
// The examples declare source = "abm-terraform/abm", so the in-process provider is
// registered under that namespace rather than the test harness's default hashicorp/.
func exampleEnv(t *testing.T, opts fakeabm.Options) *fakeabm.Server {
	t.Helper()
	f := fakeabm.NewServer(opts)
	ts := httptest.NewServer(f.Handler())
	t.Cleanup(ts.Close)
	f.SetBaseURL(ts.URL)

	dir := t.TempDir()
	keyFile := filepath.Join(dir, "private_key.pem")
	tokenFile := filepath.Join(dir, "server_token.json")
	if err := os.WriteFile(keyFile, f.PrivateKeyPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tokenFile, f.ServerTokenJSON(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, v := range attrEnv {
		t.Setenv(v, "")
	}
	for k, v := range map[string]string{
		"ABM_CLIENT_ID":         f.ClientID(),
		"ABM_KEY_ID":            f.KeyID(),
		"ABM_PRIVATE_KEY_FILE":  keyFile,
		"ABM_API_URL":           f.URL(),
		"ABM_TOKEN_URL":         f.TokenURL(),
		"ABM_ADE_URL":           f.URL(),
		"ABM_SERVER_TOKEN_FILE": tokenFile,
		"ABM_CACHE_DIR":         filepath.Join(dir, "cache"),
	} {
		t.Setenv(k, v)
	}
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "abm-terraform")
	return f
}

// expectCheckBlocks asserts the status Terraform recorded for each named `check`
// block ("pass" or "fail"). Check-block failures are warnings, so this is how a
// test sees them.
type expectCheckBlocks map[string]tfjson.CheckStatus

var _ statecheck.StateCheck = expectCheckBlocks{}

func (e expectCheckBlocks) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	got := map[string]tfjson.CheckStatus{}
	if req.State != nil {
		for _, c := range req.State.Checks {
			if c.Address.Kind == tfjson.CheckKindCheckBlock {
				got[c.Address.Name] = c.Status
			}
		}
	}
	var problems []string
	for name, want := range e {
		if got[name] != want {
			problems = append(problems, fmt.Sprintf("check %q: status %q, want %q", name, got[name], want))
		}
	}
	if len(problems) > 0 {
		resp.Error = fmt.Errorf("%s (all recorded: %v)", strings.Join(problems, "; "), got)
	}
}

package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
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
// block. wrap, when not nil, sits between the fake and the provider (see
// serverStatusOverlay). It returns the fake, for knobs that make a policy fail.
//
// The examples declare source = "abm-terraform/abm", so the in-process provider is
// registered under that namespace rather than the test harness's default hashicorp/.
func exampleEnv(t *testing.T, opts fakeabm.Options, wrap func(http.Handler) http.Handler) *fakeabm.Server {
	t.Helper()
	f := fakeabm.NewServer(opts)
	h := f.Handler()
	if wrap != nil {
		h = wrap(h)
	}
	ts := httptest.NewServer(h)
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
	} {
		t.Setenv(k, v)
	}
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "abm-terraform")
	return f
}

// serverStatusOverlay makes the fake report MDM server id with the given status
// while its devices stay assigned to it: the state Apple shows when a server has
// gone INACTIVE (it stopped connecting) and nobody moved its devices yet. The fake
// assigns devices only to ACTIVE servers, so this is how a test gets a device on an
// INACTIVE server. Only the server documents (/v1/mdmServers and
// /v1/mdmServers/{id}) are rewritten, by decoding and re-encoding the JSON.
func serverStatusOverlay(id, status string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := strings.TrimSuffix(r.URL.Path, "/")
			if p != "/v1/mdmServers" && p != "/v1/mdmServers/"+id {
				next.ServeHTTP(w, r)
				return
			}
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			if rec.Code == http.StatusOK {
				if b, err := setServerStatus(body, id, status); err == nil {
					body = b
				} else {
					http.Error(w, "serverStatusOverlay: "+err.Error(), http.StatusInternalServerError)
					return
				}
			}
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(rec.Code)
			_, _ = w.Write(body)
		})
	}
}

// setServerStatus sets attributes.status of the server with the given id in a
// JSON:API document whose data is one server or a list of them.
func setServerStatus(doc []byte, id, status string) ([]byte, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(doc, &top); err != nil {
		return nil, err
	}
	var (
		list   []map[string]any
		single map[string]any
	)
	data := bytes.TrimSpace(top["data"])
	isList := len(data) > 0 && data[0] == '['
	if isList {
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, err
		}
	} else {
		if err := json.Unmarshal(data, &single); err != nil {
			return nil, err
		}
		list = []map[string]any{single}
	}
	for _, res := range list {
		if res["id"] != id {
			continue
		}
		attrs, ok := res["attributes"].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("server %s has no attributes", id)
		}
		attrs["status"] = status
	}
	var err error
	if isList {
		top["data"], err = json.Marshal(list)
	} else {
		top["data"], err = json.Marshal(list[0])
	}
	if err != nil {
		return nil, err
	}
	return json.Marshal(top)
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

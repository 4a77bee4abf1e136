package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// captureState is a StateCheck that keeps the state Terraform saved, as
// `terraform show -json` gives it.
type captureState struct{ json *string }

func (c captureState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	b, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	*c.json += string(b)
}

// secretNeedles is every string that must never leave the provider: each
// base64 line of the private key, each secret the fake knows whole, and the
// signature of each client assertion on its own.
func secretNeedles(t *testing.T, f *fakeabm.Server) map[string]string {
	t.Helper()
	needles := map[string]string{}
	secrets := f.Secrets()
	for what, values := range secrets {
		for _, v := range values {
			if what == "private key PEM" {
				for _, line := range strings.Split(v, "\n") {
					if len(line) >= 16 && !strings.HasPrefix(line, "-----") {
						needles[line] = "a line of the private key"
					}
				}
				continue
			}
			needles[v] = what
			if parts := strings.Split(v, "."); what == "client assertion" && len(parts) == 3 {
				needles[parts[2]] = "a client assertion's signature"
			}
		}
	}
	for _, what := range []string{"client assertion", "access token", "ADE session token", "OAuth 1.0a signature"} {
		if len(secrets[what]) == 0 {
			t.Fatalf("the run used no %s; the test would prove nothing about it", what)
		}
	}
	return needles
}

func assertNoSecret(t *testing.T, where, text string, needles map[string]string) {
	t.Helper()
	for needle, what := range needles {
		if strings.Contains(text, needle) {
			t.Errorf("%s contains %s", where, what)
		}
	}
}

// Full reads of every data source with TF_LOG=TRACE, then failing reads:
// the provider's logs, Terraform's diagnostics, the saved state and every
// file written during the run hold no secret, while the debug log still
// tells what was requested, what came back, the retries and the timing.
func TestAccSecretsStayOutOfLogsDiagnosticsStateAndDisk(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Devices: 1500, Servers: 2})
	f := env.fake
	logDir, workDir, tmpDir := t.TempDir(), t.TempDir(), t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
	t.Setenv("TF_ACC_PERSIST_WORKING_DIR", "1")
	t.Setenv("TMPDIR", tmpDir) // anything written to a temporary file lands here
	// Secrets come from the environment, as a pipeline passes them, so the
	// configuration files Terraform keeps hold none.
	t.Setenv("ABM_PRIVATE_KEY", string(f.PrivateKeyPEM()))
	t.Setenv("ABM_SERVER_TOKEN", string(f.ServerTokenMIME()))

	// Both caches are on, so that what they write is scanned too.
	cacheDir := t.TempDir()
	providerWith := func(extra string) string {
		return fmt.Sprintf(`
provider "abm" {
  client_id          = %q
  key_id             = %q
  api_url            = %q
  token_url          = %q
  ade_url            = %q
  cache_dir          = %q
  %s
}
`, f.ClientID(), f.KeyID(), f.URL(), f.TokenURL(), f.URL(), cacheDir, extra)
	}
	provider := providerWith(`read_cache_max_age = "1h"`)
	everything := provider + fmt.Sprintf(`
data "abm_organization" "org" {}
data "abm_mdm_servers" "all" {
  include_device_serials = true
}
data "abm_mdm_server" "prod" {
  id = %q
}
data "abm_org_devices" "all" {
  include_assigned_server = true
}
data "abm_org_device" "imac" {
  serial_number = "XABC123X0ABC123X0"
}
data "abm_org_device_summary" "fleet" {}
`, f.MdmServers()[0].ID)

	// A retry, a wait and a token refused mid-walk, so that those paths log too.
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 429, RetryAfter: "0"})
	f.ExpireTokensAt(fakeabm.RouteOrgDevices, 2)
	var state string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		WorkingDir:               workDir,
		Steps: []resource.TestStep{{
			Config: everything,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_organization.org", tfjsonpath.New("org_name"), knownvalue.StringExact("Example Corp")),
				statecheck.ExpectKnownValue("data.abm_org_device.imac", tfjsonpath.New("apple_care_coverage"), knownvalue.ListSizeExact(2)),
				captureState{&state},
			},
		}},
	})
	if !strings.Contains(state, "Example Corp") {
		t.Fatal("the state was not captured")
	}

	// Failing reads: Apple's 404, a refused server token, a refused assertion.
	var diags []string
	capture := func(_ *testing.T, out string) { diags = append(diags, out) }
	runExpectingError(t, false, provider+`
data "abm_org_device" "nope" {
  serial_number = "NOSUCHDEVICE"
}
`, capture)
	f.SetADETokenExpired(true)
	runExpectingError(t, false, provider+`data "abm_organization" "org" {}`, capture)
	f.SetADETokenExpired(false)
	f.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 400})
	// Without the caches, so that the token is asked for.
	runExpectingError(t, false, providerWith("token_cache = false")+serversDS, capture)
	joined := strings.Join(diags, "\n")
	for _, want := range []string{"HTTP 404", "token_expired", "invalid_client"} {
		if !strings.Contains(joined, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, joined)
		}
	}

	needles := secretNeedles(t, f)
	assertNoSecret(t, "the diagnostics", joined, needles)
	assertNoSecret(t, "the saved state", state, needles)

	var logs strings.Builder
	files := 0
	// The cache files are sealed: besides the secrets, no serial number,
	// e-mail address or JSON key of Apple's answers is in them.
	cacheNeedles := map[string]string{`"attributes"`: "Apple's JSON", "serialNumber": "Apple's JSON", "@example.com": "an e-mail address"}
	for _, s := range f.ListedSerials()[:100] {
		cacheNeedles[s] = "serial number " + s
	}
	for n, what := range needles {
		cacheNeedles[n] = what
	}
	cacheFiles := 0
	for _, dir := range []string{logDir, workDir, tmpDir, cacheDir} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p) //nolint:gosec // the test's own temporary directories
			if err != nil {
				return err
			}
			files++
			if dir == cacheDir {
				cacheFiles++
				assertNoSecret(t, "cache file "+p, string(b), cacheNeedles)
				return nil
			}
			assertNoSecret(t, "file "+p, string(b), needles)
			if dir == logDir {
				logs.Write(b)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if logs.Len() == 0 {
		t.Fatalf("no log captured (%d files scanned)", files)
	}
	if cacheFiles < 5 {
		t.Errorf("%d cache files, want the token and the reads", cacheFiles)
	}
	checkRequestLog(t, logs.String())
	var states int
	_ = filepath.WalkDir(workDir, func(p string, d fs.DirEntry, _ error) error {
		if d != nil && !d.IsDir() && strings.HasSuffix(p, ".tfstate") {
			states++
		}
		return nil
	})
	if states == 0 {
		t.Error("no state file was kept to inspect")
	}
}

var (
	logField = regexp.MustCompile(`(\w+)=("(?:[^"\\]|\\.)*"|\S+)`)
	// logBlock is a value of several lines, as hclog writes it: "key=" and
	// then each line after "  | ".
	logBlock     = regexp.MustCompile(`(?m)(\w+)=\n((?:  \| .*(?:\n|$))+)`)
	logTimestamp = regexp.MustCompile(`^\d{4}-\d\d-\d\dT`)
)

// providerLines returns the fields of each log line with msg, whatever its
// level and logger: the provider's own lines ("abm: msg: …") and those the
// plugin SDK logs for it, values of several lines included. Quoted values
// come back unquoted.
func providerLines(logs, msg string) []map[string]string {
	var out []map[string]string
	lines := strings.Split(logs, "\n")
	for i, line := range lines {
		_, rest, ok := strings.Cut(line, ": "+msg+":")
		if !ok {
			continue
		}
		// The entry goes on until the next line that starts with a time.
		for _, more := range lines[i+1:] {
			if logTimestamp.MatchString(more) {
				break
			}
			rest += "\n" + more
		}
		fields := map[string]string{}
		for _, m := range logBlock.FindAllStringSubmatch(rest, -1) {
			var text []string
			for _, l := range strings.Split(strings.TrimRight(m[2], "\n"), "\n") {
				text = append(text, strings.TrimPrefix(strings.TrimPrefix(l, "  |"), " "))
			}
			fields[m[1]] = strings.Join(text, "\n")
		}
		rest = logBlock.ReplaceAllString(rest, "")
		for _, m := range logField.FindAllStringSubmatch(rest, -1) {
			v := m[2]
			if u, err := strconv.Unquote(v); err == nil {
				v = u
			}
			fields[m[1]] = v
		}
		out = append(out, fields)
	}
	return out
}

// checkRequestLog asserts the provider's debug log still shows what each
// request was, how it ended, the retries and the timing.
func checkRequestLog(t *testing.T, logs string) {
	t.Helper()
	if !strings.Contains(logs, "[TRACE]") {
		t.Error("the log holds no TRACE line; TF_LOG=TRACE did not take")
	}
	done := providerLines(logs, "request done")
	seen := map[string]bool{}
	for _, f := range done {
		for _, k := range []string{"method", "path", "status", "attempt", "retries", "duration_ms", "tf_data_source_type"} {
			if f[k] == "" {
				t.Errorf("request log line lacks %s: %v", k, f)
			}
		}
		seen[f["method"]+" "+f["path"]+" "+f["status"]] = true
		if strings.HasPrefix(f["path"], "/v1/orgDevices/NOSUCHDEVICE") && f["status"] == "404" {
			seen["Apple's 404 for NOSUCHDEVICE"] = true
		}
		if f["path"] == "/v1/mdmServers" && f["status"] == "429" && f["attempt"] == "2" && f["retries"] == "1" {
			seen["second attempt, after one retry"] = true
		}
	}
	for _, want := range []string{
		"POST /auth/oauth2/token 200", "POST /auth/oauth2/token 400",
		"GET /v1/mdmServers 503", "GET /v1/mdmServers 429", "GET /v1/mdmServers 200",
		"second attempt, after one retry",
		"GET /v1/orgDevices 401", "GET /v1/orgDevices 200", "Apple's 404 for NOSUCHDEVICE",
		"GET /v1/orgDevices/XABC123X0ABC123X0/appleCareCoverage 200",
		"GET /session 200", "GET /account 200", "GET /session 403",
	} {
		if !seen[want] {
			t.Errorf("the log has no request line for %q", want)
		}
	}
	waits := providerLines(logs, "waiting before retry")
	reasons := map[string]bool{}
	for _, w := range waits {
		if w["wait_ms"] == "" || w["route"] == "" {
			t.Errorf("wait log line lacks wait_ms or route: %v", w)
		}
		reasons[w["reason"]] = true
	}
	for _, r := range []string{"server error, backing off", "throttled by Apple (HTTP 429), waiting Retry-After"} {
		if !reasons[r] {
			t.Errorf("no wait logged for %q", r)
		}
	}
	if len(providerLines(logs, "access token refused (HTTP 401), fetching a new one")) == 0 {
		t.Error("the 401 is not logged")
	}
}

// Terraform masks what the schema marks sensitive; the attributes that hold
// secrets are so marked, and nothing a data source stores is a secret.
func TestSensitiveAttributesAreMarked(t *testing.T) {
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"private_key": true, "server_token": true}
	for _, a := range resp.Provider.Block.Attributes {
		if a.Sensitive != want[a.Name] {
			t.Errorf("provider attribute %s: Sensitive = %v, want %v", a.Name, a.Sensitive, want[a.Name])
		}
		delete(want, a.Name)
	}
	if len(want) != 0 {
		t.Errorf("provider schema lacks %v", want)
	}
	if n := len(New("test")().DataSources(context.Background())); len(resp.DataSourceSchemas) != n || n != 26 {
		t.Errorf("%d data sources in the schema, %d declared", len(resp.DataSourceSchemas), n)
	}
	// The one secret a data source holds: the presigned link to an
	// activity's log, which anyone holding it can download.
	sensitive := map[string]bool{"abm_org_device_activity.download_url": true}
	for name, s := range resp.DataSourceSchemas {
		for _, a := range s.Block.Attributes {
			if a.Sensitive != sensitive[name+"."+a.Name] {
				t.Errorf("%s.%s: Sensitive = %v, want %v", name, a.Name, a.Sensitive, sensitive[name+"."+a.Name])
			}
		}
	}
}

package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// planSteps is n steps of one configuration, each a plan (and the refresh
// before it) by a new provider instance; pre runs before each.
func planSteps(n int, config string, pre func(i int), checks ...statecheck.StateCheck) []resource.TestStep {
	steps := make([]resource.TestStep, n)
	for i := range steps {
		steps[i] = resource.TestStep{
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: false,
			ConfigStateChecks:  checks,
		}
		if pre != nil {
			steps[i].PreConfig = func() { pre(i) }
		}
	}
	return steps
}

// countFiles is how many cache entries (not lock files) dir holds; 0 when
// it does not exist.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".lock") {
			n++
		}
	}
	return n
}

func TestAccTokenCacheSixPlansAndThreeAtOnceOneGrant(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Devices: 50})
	config, checks := devicesAndServers(env)
	config = env.providerBlock("token_cache = true") + config
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    planSteps(6, config, nil, checks...),
	})
	if n := env.fake.Count("token"); n != 1 {
		t.Errorf("six plans: %d token grants, want 1", n)
	}

	// Three Terraform runs at once, each its own provider process as far as
	// the cache can tell, over a cache of their own.
	at := newSerialTestEnv(t, fakeabm.Options{Devices: 50})
	config, checks = devicesAndServers(at)
	config = at.providerBlock("token_cache = true") + config
	t.Run("at once", func(t *testing.T) {
		for i := range 3 {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				resource.Test(t, resource.TestCase{
					ProtoV6ProviderFactories: testProviders,
					Steps:                    planSteps(1, config, nil, checks...),
				})
			})
		}
	})
	if n := at.fake.Count("token"); n != 1 {
		t.Errorf("three runs at once: %d token grants, want 1", n)
	}
	fi, err := os.Stat(at.cacheDir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("cache directory %s: %v, mode %v, want 0700", at.cacheDir, err, fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(at.cacheDir)
	for _, e := range entries {
		if fi, _ := e.Info(); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", e.Name(), fi.Mode().Perm())
		}
	}
	if countFiles(t, at.cacheDir) != 1 {
		t.Errorf("%d cache entries, want the token's alone", countFiles(t, at.cacheDir))
	}
}

func TestAccTokenCacheRevokedOrCorruptIsReplaced(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Devices: 50})
	config, checks := devicesAndServers(env)
	config = env.providerBlock("token_cache = true") + config
	var grants []int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: planSteps(3, config, func(i int) {
			grants = append(grants, env.fake.Count("token"))
			switch i {
			case 1: // Apple forgets every token it issued
				env.fake.ExpireTokens()
			case 2: // the entry is damaged on disk
				entries, _ := os.ReadDir(env.cacheDir)
				for _, e := range entries {
					if err := os.WriteFile(filepath.Join(env.cacheDir, e.Name()), []byte("damaged"), 0o600); err != nil {
						t.Error(err)
					}
				}
			}
		}, checks...),
	})
	grants = append(grants, env.fake.Count("token"))
	if want := []int{0, 1, 2, 3}; fmt.Sprint(grants) != fmt.Sprint(want) {
		t.Errorf("token grants before each plan and after: %v, want %v (one each for the first plan, the revoked and the damaged token)", grants, want)
	}
}

func TestAccTokenCacheOff(t *testing.T) {
	for name, setting := range map[string]struct{ attr, env string }{
		"token_cache = false":   {attr: "token_cache = false"},
		"ABM_TOKEN_CACHE=false": {env: "false"},
	} {
		t.Run(name, func(t *testing.T) {
			env := newSerialTestEnv(t, fakeabm.Options{Devices: 20})
			if setting.env != "" {
				t.Setenv("ABM_TOKEN_CACHE", setting.env)
			}
			config, checks := devicesAndServers(env)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    planSteps(2, env.providerBlock(setting.attr)+config, nil, checks...),
			})
			if n := env.fake.Count("token"); n < 2 {
				t.Errorf("%d token grants for two plans, want one per provider instance", n)
			}
			if _, err := os.Stat(env.cacheDir); !os.IsNotExist(err) {
				t.Errorf("the cache directory was created (%v)", err)
			}
		})
	}
}

func TestAccReadCacheSecondPlanAsksAppleNothing(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Devices: 1200, Servers: 3, Users: 30})
	readLogs := captureLogs(t, "INFO")
	reads, checks := devicesAndServers(env)
	reads += `
data "abm_org_devices" "assigned" {
  include_assigned_server = true
}
data "abm_users" "all" {}
data "abm_org_device" "one" {
  serial_number = "XABC123X0ABC123X0"
}
`
	config := func(maxAge string) string {
		return env.providerBlock("token_cache = true\n  read_cache_max_age = \""+maxAge+"\"") + reads
	}
	states := make([]string, 3)
	counts := make([]map[string]int, 3)
	next := func(i int) func() {
		return func() { counts[i] = env.fake.Counts(); env.fake.ResetCounts() }
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{
			{Config: config("10m"), ConfigStateChecks: append(checks, captureState{&states[0]})},
			{PreConfig: next(0), Config: config("10m"), ConfigStateChecks: append(checks, captureState{&states[1]})},
			// What the first step read is older than a second by now.
			{PreConfig: next(1), Config: config("1s"), ConfigStateChecks: append(checks, captureState{&states[2]})},
		},
	})
	counts[2] = env.fake.Counts()
	pages := (len(env.fake.ListedSerials()) + 999) / 1000
	// The step's first provider instance reads Apple; the others (Terraform
	// starts one per command) and the second step read the cache.
	if counts[0]["orgDevices"] != pages || counts[0]["users"] != 1 || counts[0]["token"] != 1 {
		t.Errorf("first step: counts %v, want %d device pages, one user page and one token: one read for every command", counts[0], pages)
	}
	if len(counts[1]) != 0 {
		t.Errorf("second step, within the age: Apple was asked %v, want nothing", counts[1])
	}
	if counts[2]["orgDevices"] < pages {
		t.Errorf("third step, past the age: counts %v, want the %d device pages from Apple again", counts[2], pages)
	}
	for i := 1; i < 3; i++ {
		if states[i] != states[0] {
			t.Errorf("step %d: the state differs from the first read", i+1)
		}
	}
	warnings := warningsLogged(readLogs(), "Data read from the read cache, up to ")
	if len(warnings) == 0 {
		t.Fatal("no read-cache warning")
	}
	for _, w := range warnings {
		d := w["diagnostic_detail"]
		if !strings.Contains(d, `came from the read cache instead of Apple (read_cache_max_age = "10m0s")`) ||
			!strings.Contains(d, "Audit events and device activities are always read from Apple") {
			t.Errorf("warning detail:\n%s", d)
		}
	}
}

func TestAccCacheDirectoryUnusableWarnsOnce(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Devices: 20})
	readLogs := captureLogs(t, "INFO")
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	config, checks := devicesAndServers(env)
	config = strings.Replace(env.providerBlock("token_cache = true"), env.cacheDir, filepath.Join(file, "cache"), 1) + config
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    planSteps(1, config, nil, checks...),
	})
	logs := readLogs()
	warnings := warningsLogged(logs, "Reading without the token cache")
	if len(warnings) == 0 {
		t.Fatal("no warning that the cache is not in use")
	}
	instances := len(providerLines(logs, "cache directory not usable; reading without it"))
	if len(warnings) != instances {
		t.Errorf("%d warnings for %d provider instances, want one each", len(warnings), instances)
	}
	for _, w := range warnings {
		d := w["diagnostic_detail"]
		for _, want := range []string{"cannot create the cache directory", "`cache_dir` (environment variable ABM_CACHE_DIR)", "`token_cache` (environment variable ABM_TOKEN_CACHE)"} {
			if !strings.Contains(d, want) {
				t.Errorf("warning lacks %q:\n%s", want, d)
			}
		}
	}
}

package provider

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Faults through the Terraform CLI: the provider keeps working through what
// a rate-limited, sometimes flaky service does, and fails with one clear
// diagnostic when it cannot. Each Terraform command that reads starts a new
// provider instance, which asks for one token; the fake's token count is
// therefore the number of reads.

func serversWithTimeout(read string) string {
	return `
data "abm_mdm_servers" "all" {
  timeouts {
    read = "` + read + `"
  }
}
`
}

func threeServers() []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.abm_mdm_servers.all", tfjsonpath.New("mdm_servers"), knownvalue.ListSizeExact(3)),
	}
}

func TestAccThrottledRetryAfter1IsWaitedOut(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 429, RetryAfter: "1"})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:            env.providerBlock("") + serversWithTimeout("30s"),
			ConfigStateChecks: threeServers(),
		}},
	})
	reads := env.fake.Count(fakeabm.RouteToken)
	if n := env.fake.Count(fakeabm.RouteMdmServers); reads == 0 || n != reads+1 {
		t.Errorf("mdmServers requests = %d over %d reads, want one more than reads (the 429)", n, reads)
	}
}

func TestAccThrottledPastTheReadTimeoutSaysHowLong(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 429, RetryAfter: "90"})
	start := time.Now()
	runExpectingError(t, false, env.providerBlock("")+serversWithTimeout("10s"), expectOneError(
		msgRE("Apple is throttling requests"),
		msgRE("GET /v1/mdmServers", "asked to wait 1m30s", "past the read timeout", "timeouts.read"),
	))
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v; a wait that cannot fit the read timeout should fail at once", d)
	}
}

// Without a timeouts block the read timeout is 20 minutes: a longer
// Retry-After is reported at once rather than waited out.
func TestAccThrottledPastTheDefaultReadTimeout(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 429, RetryAfter: "1500"})
	runExpectingError(t, false, env.providerBlock("")+serversDS, expectOneError(
		msgRE("Apple is throttling requests"), msgRE("asked to wait 25m0s"),
	))
}

func TestAccGatewayErrorsAndResetsAreRetried(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	// HTML bodies, as gateways send; two resets because net/http retries a
	// reset on a reused connection once by itself.
	env.fake.InjectFaults(fakeabm.RouteMdmServers,
		fakeabm.Fault{Status: 502}, fakeabm.Fault{Status: 503}, fakeabm.Fault{Reset: true}, fakeabm.Fault{Reset: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps:                    []resource.TestStep{{Config: env.providerBlock("") + serversDS, ConfigStateChecks: threeServers()}},
	})
	reads := env.fake.Count(fakeabm.RouteToken)
	if n := env.fake.Count(fakeabm.RouteMdmServers); reads == 0 || n != reads+4 {
		t.Errorf("mdmServers requests = %d over %d reads, want reads + 4 faults", n, reads)
	}
}

func TestAccGatewayTimeoutAndCutOffBodyAreRetried(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{Devices: 1200})
	env.fake.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Status: 504}, fakeabm.Fault{Truncate: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_org_device_summary" "fleet" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_org_device_summary.fleet", tfjsonpath.New("total"),
					knownvalue.Int64Exact(int64(len(listed(env.fake))))),
			},
		}},
	})
	reads := env.fake.Count(fakeabm.RouteToken)
	if n := env.fake.Count(fakeabm.RouteOrgDevices); reads == 0 || n != 2*reads+2 {
		t.Errorf("orgDevices requests = %d over %d reads, want 2 pages a read + 2 faults", n, reads)
	}
}

func TestAccRetriesRunOutWithOneDiagnostic(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 504})
	runExpectingError(t, true, env.providerBlock("max_retries = 1")+serversDS, func(t *testing.T, out string) {
		expectOneError(
			msgRE("Apple answered HTTP 504"),
			msgRE("abm_mdm_servers", "GET /v1/mdmServers", "HTTP 504", "after 1 retries"),
		)(t, out)
		if strings.Contains(out, "<html") || strings.Contains(out, "503") {
			t.Errorf("the diagnostic should carry only the last answer, not the HTML or earlier ones:\n%s", out)
		}
	})
	if n := env.fake.Count(fakeabm.RouteMdmServers); n != 2 {
		t.Errorf("mdmServers requests = %d, want 2 (max_retries = 1)", n)
	}
}

// listed is the serial numbers the fake lists, released devices left out.
func listed(f *fakeabm.Server) []string {
	var out []string
	for _, d := range f.Devices() {
		if !d.Released {
			out = append(out, d.SerialNumber())
		}
	}
	return out
}

func TestAccTokensExpiredMidWalkEveryDeviceOnce(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Devices: 19500})
	f := env.fake
	want := listed(f)
	if pages := (len(want) + 999) / 1000; pages != 20 {
		t.Fatalf("%d pages, want a 20-page walk", pages)
	}
	byStatus := map[string]int64{}
	for _, d := range f.Devices() {
		if !d.Released {
			byStatus[d.Value("status")]++
		}
	}
	// Apple revokes every token before the eleventh page of the first walk.
	f.ExpireTokensAt(fakeabm.RouteOrgDevices, 11)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_org_device_summary" "fleet" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_org_device_summary.fleet", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(len(want)))),
				statecheck.ExpectKnownValue("data.abm_org_device_summary.fleet", tfjsonpath.New("by_status"), countChecks(byStatus)),
			},
		}},
	})
	pages := f.Count(fakeabm.RouteOrgDevices)
	reads := (pages - 1) / 20
	if pages%20 != 1 || reads == 0 {
		t.Fatalf("orgDevices requests = %d, want 20 a read plus the one refused", pages)
	}
	if n := f.Count(fakeabm.RouteToken); n != reads+1 {
		t.Errorf("token requests = %d over %d reads, want one new token for the 401", n, reads)
	}
}

func TestAccInvalidClientListsWhatToCheck(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 400})
	runExpectingError(t, false, env.providerBlock("")+serversDS, expectOneError(
		msgRE("Cannot authenticate with Apple"),
		msgRE("HTTP 400 invalid_client", "client ID", "BUSINESSAPI.", "key ID", "private key", ".pem", "scope", "clock"),
	))
	if n := env.fake.Count(fakeabm.RouteMdmServers); n != 0 {
		t.Errorf("%d API requests without a token", n)
	}
}

// terraformChildren finds the Terraform (or OpenTofu) processes this test
// process started, from /proc.
func terraformChildren() []int {
	entries, _ := os.ReadDir("/proc")
	me := os.Getpid()
	var out []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces and parentheses.
		s := string(stat)
		lp, rp := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if lp < 0 || rp < lp {
			continue
		}
		comm := s[lp+1 : rp]
		fields := strings.Fields(s[rp+1:])
		if len(fields) < 2 {
			continue
		}
		if ppid, _ := strconv.Atoi(fields[1]); ppid == me && (comm == "terraform" || comm == "tofu") {
			out = append(out, pid)
		}
	}
	return out
}

// Ctrl-C: Terraform asks the provider to stop, and the read in flight ends
// at once instead of running on for the minute the fake would take.
func TestAccInterruptStopsTheReadInFlight(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("finding the Terraform process needs /proc")
	}
	// Serial: it interrupts every Terraform this test process started, so no
	// other test may have one running (Go runs the parallel tests after).
	env := newSerialTestEnv(t, fakeabm.Options{Latency: 30 * time.Second})
	f := env.fake
	done := make(chan struct{})
	defer close(done)
	go func() {
		// Once the read is at Apple (the token request, held by the
		// latency), press Ctrl-C.
		for f.Count(fakeabm.RouteToken) == 0 {
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
		select {
		case <-done:
			return
		case <-time.After(200 * time.Millisecond):
		}
		for _, pid := range terraformChildren() {
			_ = syscall.Kill(pid, syscall.SIGINT)
		}
		f.SetLatency(0) // whatever runs after the interrupt need not wait
	}()
	start := time.Now()
	runExpectingError(t, false, env.providerBlock("")+serversDS, expectOneError(msgRE("Read canceled", "interrupted")))
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v after Ctrl-C; the fake would have answered after 30s", d)
	}
	if f.Canceled() == 0 {
		t.Error("the fake never saw the request in flight go away")
	}
	if n := f.Count(fakeabm.RouteMdmServers); n != 0 {
		t.Errorf("%d API requests after the interrupt", n)
	}
}

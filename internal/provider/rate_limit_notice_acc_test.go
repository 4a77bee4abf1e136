package provider

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// devicesAndServers reads every device and server, and checks the state
// holds every listed serial number in Apple's order and every server.
func devicesAndServers(env *testEnv) (string, []statecheck.StateCheck) {
	var serials []knownvalue.Check
	for _, s := range env.fake.ListedSerials() {
		serials = append(serials, knownvalue.StringExact(s))
	}
	return `
data "abm_org_devices" "all" {}
data "abm_mdm_servers" "all" {}
`, []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.abm_org_devices.all", tfjsonpath.New("serial_numbers"), knownvalue.ListExact(serials)),
			statecheck.ExpectKnownValue("data.abm_mdm_servers.all", tfjsonpath.New("mdm_servers"), knownvalue.ListSizeExact(len(env.fake.MdmServers()))),
		}
}

// rateLimitRun applies config through the CLI with TF_LOG=INFO and checks
// its state, and returns the log and how many provider instances read the
// devices (Terraform starts one per command).
func rateLimitRun(t *testing.T, env *testEnv, extra, config string, checks []statecheck.StateCheck) (logs string, instances int) {
	t.Helper()
	readLogs := captureLogs(t, "INFO")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config:            env.providerBlock(extra) + config,
			ConfigStateChecks: checks,
		}},
	})
	logs = readLogs()
	for _, l := range providerLines(logs, "list read") {
		if l["route"] == "orgDevices" {
			instances++
		}
	}
	if instances == 0 {
		t.Fatal("no provider instance logged reading the devices at INFO level")
	}
	return logs, instances
}

// rateLimitWarnings are the rate-limit warnings the provider instances gave.
func rateLimitWarnings(logs string) []map[string]string {
	return warningsLogged(logs, "Apple's rate limit made this run wait ")
}

// warningsLogged are the warnings the provider instances gave whose
// summary starts with prefix, as the plugin SDK logs them at INFO level.
func warningsLogged(logs, prefix string) []map[string]string {
	var out []map[string]string
	for _, l := range providerLines(logs, "Response contains warning diagnostic") {
		if strings.HasPrefix(l["diagnostic_summary"], prefix) {
			out = append(out, l)
		}
	}
	return out
}

var (
	warnedRequests = regexp.MustCompile(`sent (\d+) requests to Apple`)
	warned429s     = regexp.MustCompile(`Apple answered (\d+) of them with HTTP 429`)
	warnedPacing   = regexp.MustCompile(`Pacing to requests_per_minute = (\d+) held requests back (\S+)\.`)
	warnedWait     = regexp.MustCompile(`^Apple's rate limit made this run wait (\S+)$`)
)

// warningFigure reads one number from a warning.
func warningFigure(t *testing.T, re *regexp.Regexp, text string) int {
	t.Helper()
	m := re.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("the warning does not match %s:\n%s", re, text)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func warningDuration(t *testing.T, s string) time.Duration {
	t.Helper()
	d, err := time.ParseDuration(s)
	if err != nil {
		t.Fatalf("the warning's duration %q: %v", s, err)
	}
	return d
}

// apiRequests is every request the fake received: token and API, refused
// ones included.
func apiRequests(f *fakeabm.Server) (all, throttled int) {
	for route, n := range f.Counts() {
		if route == "throttled" {
			throttled = n
			continue
		}
		all += n
	}
	return all, throttled
}

// Against a fake that admits one request a second and answers the rest 429
// with Retry-After: 1, every provider instance waits five seconds or more:
// each gives exactly one warning, after its reads, whose figures add up to
// what the fake counted, and the state is still exact.
func TestAccRateLimitWarningWhenThrottled(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Seed: 3, Devices: 6500, Servers: 2, RequestsPerMinute: 1, RateWindow: time.Second})
	config, checks := devicesAndServers(env)
	logs, instances := rateLimitRun(t, env, "", config, checks)
	warnings := rateLimitWarnings(logs)
	if len(warnings) != instances {
		t.Fatalf("%d rate-limit warnings from %d provider instances, want one each", len(warnings), instances)
	}
	requests, throttled := 0, 0
	for _, w := range warnings {
		detail := w["diagnostic_detail"]
		r, n429 := warningFigure(t, warnedRequests, detail), warningFigure(t, warned429s, detail)
		requests += r
		throttled += n429
		waited := warningDuration(t, warnedWait.FindStringSubmatch(w["diagnostic_summary"])[1])
		// Each 429 asked for one second; waits side by side count once.
		if waited < 5*time.Second || waited > time.Duration(n429)*time.Second+time.Second {
			t.Errorf("warned of %v waited for %d 429s of Retry-After: 1", waited, n429)
		}
		for _, want := range []string{"terraform plan -out=tfplan, then terraform apply tfplan", "requests_per_minute (ABM_REQUESTS_PER_MINUTE)",
			"abm_org_device_summary", "abm_org_device_index"} {
			if !strings.Contains(detail, want) {
				t.Errorf("the warning does not suggest %s:\n%s", want, detail)
			}
		}
		if strings.Contains(detail, "Pacing") {
			t.Errorf("the provider does not pace, yet the warning says it did:\n%s", detail)
		}
	}
	all, throttledByFake := apiRequests(env.fake)
	if requests != all || throttled != throttledByFake {
		t.Errorf("the warnings count %d requests and %d 429s; the fake saw %d and answered %d with 429", requests, throttled, all, throttledByFake)
	}
	if throttled == 0 {
		t.Error("the fake throttled nothing; the test proves nothing")
	}
}

// Pacing to requests_per_minute is counted apart from Apple's 429s: a read
// held back by pacing alone warns of the pacing, and of no 429.
func TestAccRateLimitWarningCountsPacingApart(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Seed: 4, Devices: 7000, Servers: 2})
	config, checks := devicesAndServers(env)
	logs, instances := rateLimitRun(t, env, "requests_per_minute = 60", config, checks)
	warnings := rateLimitWarnings(logs)
	if len(warnings) != instances {
		t.Fatalf("%d rate-limit warnings from %d provider instances, want one each", len(warnings), instances)
	}
	requests := 0
	interval := time.Minute * 102 / 100 / 60 // the pacer's spacing
	for _, w := range warnings {
		detail := w["diagnostic_detail"]
		r := warningFigure(t, warnedRequests, detail)
		requests += r
		if !strings.Contains(detail, "Apple answered none of them with HTTP 429") {
			t.Errorf("the warning speaks of 429s the fake never sent:\n%s", detail)
		}
		m := warnedPacing.FindStringSubmatch(detail)
		if m == nil || m[1] != "60" {
			t.Fatalf("the warning does not give the pacing and its rate:\n%s", detail)
		}
		// Every request but the first waits for its slot, less the time the
		// one before it took.
		paced, most := warningDuration(t, m[2]), time.Duration(r-1)*interval
		if paced < 5*time.Second || paced > most+time.Second {
			t.Errorf("warned of %v paced for %d requests %v apart, want 5s to %v", paced, r, interval, most)
		}
		if !strings.Contains(detail, "requests_per_minute (ABM_REQUESTS_PER_MINUTE) is 60") {
			t.Errorf("the warning does not speak of the configured pacing:\n%s", detail)
		}
	}
	all, throttled := apiRequests(env.fake)
	if requests != all || throttled != 0 {
		t.Errorf("the warnings count %d requests; the fake saw %d and throttled %d", requests, all, throttled)
	}
}

// A read Apple does not throttle gives no warning, and TF_LOG=INFO shows a
// 25-page walk's progress after pages 10 and 20 and at its end — counts only,
// no serial number.
func TestAccUnthrottledReadWarnsOfNothingAndLogsProgress(t *testing.T) {
	env := newSerialTestEnv(t, fakeabm.Options{Seed: 5, Devices: 22_000, Servers: 2})
	listed := len(env.fake.ListedSerials())
	// The summary reads every device page but keeps only counts in state.
	logs, instances := rateLimitRun(t, env, "", `data "abm_org_device_summary" "fleet" {}`, []statecheck.StateCheck{
		statecheck.ExpectKnownValue("data.abm_org_device_summary.fleet", tfjsonpath.New("total"), knownvalue.Int64Exact(int64(listed))),
	})
	if w := rateLimitWarnings(logs); len(w) != 0 {
		t.Errorf("an unthrottled read warned: %v", w)
	}
	pages := env.fake.Count(fakeabm.RouteOrgDevices) / instances
	var progress []string
	for _, msg := range []string{"reading list", "list read"} {
		for _, l := range providerLines(logs, msg) {
			if l["route"] == "orgDevices" {
				progress = append(progress, msg+" "+l["pages"]+" "+l["items"])
			}
		}
	}
	var want []string
	for range instances {
		want = append(want, "reading list 10 10000", "reading list 20 20000")
	}
	for range instances {
		want = append(want, "list read "+strconv.Itoa(pages)+" "+strconv.Itoa(listed))
	}
	if strings.Join(progress, "\n") != strings.Join(want, "\n") {
		t.Errorf("progress lines:\n%s\nwant:\n%s", strings.Join(progress, "\n"), strings.Join(want, "\n"))
	}
	for _, line := range strings.Split(logs, "\n") {
		if !strings.Contains(line, "[INFO]") || !strings.Contains(line, " abm: ") {
			continue
		}
		for _, d := range env.fake.Devices() {
			if strings.Contains(line, d.SerialNumber()) {
				t.Fatalf("an INFO line names serial number %s: %s", d.SerialNumber(), line)
			}
		}
	}
}

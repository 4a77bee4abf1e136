// Command benchapply is the whole-process benchmark behind `make bench`: it
// serves a fleet with cmd/fakeabm, runs `terraform apply` on small fixture
// configurations through a dev_overrides CLI config, and prints wall time,
// the provider's CPU time and peak RSS (from procwrap), Terraform's own CPU
// and peak RSS (rusage of the terraform process: its CPU less the
// provider's; its peak RSS is the larger of its own and any provider
// process's), the requests the fake served and the state size. Each figure is the
// median of -runs runs.
//
// The pipeline scenario runs ten plans of one configuration in a row, without
// the caches, with the token cache and with the read cache too (pipeline.go),
// and prints the token grants and API requests each way costs.
//
// The drift scenarios apply examples/drift-report itself (abm_org_device_index) and
// the same report over abm_org_devices (testdata/drift-report-list) to an inventory
// CSV derived from the fake's organization with a known drift (drift.go), and fail
// unless the outputs find exactly that drift.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// scenarios are the fixture configurations, by name.
var scenarios = map[string]string{
	"devices": `
data "abm_org_devices" "all" {}
output "devices" { value = length(data.abm_org_devices.all.devices) }
`,
	"summary": `
data "abm_org_device_summary" "fleet" {}
output "total" { value = data.abm_org_device_summary.fleet.total }
`,
	"index": `
data "abm_org_device_index" "server" { attribute = "assigned_server_id" }
output "devices" { value = length(data.abm_org_device_index.server.values) }
`,
	"shared": `
data "abm_org_devices" "macs" { product_families = ["Mac"] }
data "abm_org_devices" "unassigned" { statuses = ["UNASSIGNED"] }
data "abm_org_devices" "on_prod" { mdm_server_ids = ["1F97349736CF4614A94F624E705841AD"] }
data "abm_org_device_summary" "fleet" {}
data "abm_mdm_servers" "all" {}
data "abm_organization" "org" {}
output "total" { value = data.abm_org_device_summary.fleet.total }
`,
	// The fake serves as many users as devices: this is the 100k-user read.
	"users": `
data "abm_users" "all" {}
output "users" { value = length(data.abm_users.all.users) }
`,
	// Managed devices (built-in device management); the fake generates as
	// many as org devices.
	"mdm_devices": `
data "abm_mdm_devices" "all" {}
output "mdm_devices" { value = length(data.abm_mdm_devices.all.mdm_devices) }
`,
	// The fake generates twice the size in audit events (all in January 2026):
	// at 100,000 this is the 200,000-event read.
	"audit": `
data "abm_audit_events" "all" {
  start_date_time = "2025-12-01T00:00:00Z"
  end_date_time   = "2026-12-01T00:00:00Z"
}
output "events" { value = length(data.abm_audit_events.all.events) }
`,
	// The size is also the number of generated apps, packages, blueprints
	// and configurations, each; this reads the four lists.
	"catalog": `
data "abm_apps" "all" {}
data "abm_packages" "all" {}
data "abm_blueprints" "all" {}
data "abm_configurations" "all" {}
output "items" {
  value = length(data.abm_apps.all.apps) + length(data.abm_packages.all.packages) + length(data.abm_blueprints.all.blueprints) + length(data.abm_configurations.all.configurations)
}
`,
}

type result struct {
	Scenario   string         `json:"scenario"`
	Devices    int            `json:"devices"`
	LatencyMS  int64          `json:"latency_ms"`
	WallMS     int64          `json:"wall_ms"`
	ProvCPUMS  int64          `json:"provider_cpu_ms"`
	ProvRSSMB  float64        `json:"provider_peak_rss_mb"`
	TFCPUMS    int64          `json:"terraform_cpu_ms"`
	TFRSSMB    float64        `json:"terraform_peak_rss_mb"`
	StateBytes int64          `json:"state_bytes"`
	Requests   map[string]int `json:"requests"`
	VsBound    float64        `json:"vs_bound,omitempty"`
}

func main() {
	var (
		sizes     = flag.String("sizes", "1000,10000,100000", "fleet sizes (generated devices, and as many generated users, managed devices and catalog items of each kind; twice as many audit events)")
		names     = flag.String("scenarios", "devices,summary,index,shared,users,mdm_devices,catalog,audit,drift,drift-list,pipeline", "scenarios to run: "+strings.Join(append(keys(scenarios), append(keys(driftScenarios), "pipeline")...), ","))
		runs      = flag.Int("runs", 3, "runs per case; figures are medians")
		latency   = flag.Duration("latency", 0, "also run every case with this latency added to every request, and compare its wall time with (requests x latency) + the zero-latency wall time")
		terraform = flag.String("terraform", "terraform", "Terraform CLI")
		jsonOut   = flag.String("json", "", "also write results as JSON to this file")
	)
	flag.Parse()
	if err := run(*sizes, *names, *runs, *latency, *terraform, *jsonOut); err != nil {
		fmt.Fprintln(os.Stderr, "benchapply:", err)
		os.Exit(1)
	}
}

func run(sizes, names string, runs int, latency time.Duration, terraform, jsonOut string) error {
	tmp, err := os.MkdirTemp("", "abm-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "bin")
	plugins := filepath.Join(tmp, "plugins")
	for _, b := range []struct{ out, pkg string }{
		{filepath.Join(bin, "terraform-provider-abm"), "."},
		{filepath.Join(bin, "fakeabm"), "./cmd/fakeabm"},
		{filepath.Join(plugins, "terraform-provider-abm"), "./internal/tools/procwrap"},
	} {
		if out, err := exec.Command("go", "build", "-o", b.out, b.pkg).CombinedOutput(); err != nil { //nolint:gosec // builds this module's own packages
			return fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	rc := filepath.Join(tmp, "terraformrc")
	if err := os.WriteFile(rc, []byte(fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"abm-terraform/abm\" = %q\n  }\n  direct {}\n}\n", plugins)), 0o600); err != nil {
		return err
	}

	var results []result
	var pipelines []pipelineRow
	fmt.Printf("%-10s %8s %8s %9s %10s %11s %9s %10s %9s %9s  %s\n",
		"scenario", "devices", "latency", "wall_s", "prov_cpu_s", "prov_rss_MB", "tf_cpu_s", "tf_rss_MB", "state_KB", "vs_bound", "requests")
	latencies := []time.Duration{0}
	if latency > 0 {
		latencies = append(latencies, latency)
	}
	for _, sz := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(sz))
		if err != nil {
			return fmt.Errorf("size %q: %v", sz, err)
		}
		baseline := map[string]result{}
		for _, lat := range latencies {
			fake, err := startFake(filepath.Join(bin, "fakeabm"), filepath.Join(tmp, fmt.Sprintf("fake-%d-%s", n, lat)), n, lat)
			if err != nil {
				return err
			}
			var drift *driftCase // derived once per fake, for the drift scenarios
			for _, name := range strings.Split(names, ",") {
				if name == "pipeline" {
					if lat > 0 {
						continue
					}
					rows, err := runPipeline(tmp, terraform, rc, filepath.Join(bin, "terraform-provider-abm"), fake, n)
					if err != nil {
						fake.stop()
						return err
					}
					for _, r := range rows {
						fmt.Printf("%-10s %8d  %d plans, %-18s wall %6.2f s  token grants %2d  API requests %4d  %v\n",
							"pipeline", r.Devices, r.Plans, r.Mode+":", float64(r.WallMS)/1000, r.Grants, r.Requests, r.ByRoute)
					}
					pipelines = append(pipelines, rows...)
					continue
				}
				c, err := newCase(name, fake, n, &drift)
				if err != nil {
					fake.stop()
					return err
				}
				var all []result
				for i := range runs {
					r, err := applyOnce(tmp, terraform, rc, filepath.Join(bin, "terraform-provider-abm"), fake, c, fmt.Sprintf("%s-%d-%s-%d", name, n, lat, i))
					if err != nil {
						fake.stop()
						return err
					}
					r.Devices, r.LatencyMS = n, lat.Milliseconds()
					all = append(all, r)
				}
				m := median(all)
				// With latency, the wall time against its bound: every request
				// paying the latency one after another, plus the time without it.
				vs := "-"
				if lat == 0 {
					baseline[name] = m
				} else if b, ok := baseline[name]; ok {
					requests := 0
					for _, c := range m.Requests {
						requests += c
					}
					bound := float64(requests)*float64(lat.Milliseconds()) + float64(b.WallMS)
					m.VsBound = float64(m.WallMS) / bound
					vs = fmt.Sprintf("%.2f", m.VsBound)
				}
				results = append(results, m)
				fmt.Printf("%-10s %8d %8s %9.2f %10.2f %11.1f %9.2f %10.1f %9.1f %9s  %v\n",
					m.Scenario, m.Devices, lat, float64(m.WallMS)/1000, float64(m.ProvCPUMS)/1000, m.ProvRSSMB,
					float64(m.TFCPUMS)/1000, m.TFRSSMB, float64(m.StateBytes)/1024, vs, m.Requests)
				if c.drift != nil {
					fmt.Printf("%-10s %8s %8s  outputs checked: %v\n", "", "", "", c.drift.want)
				}
				if name == "drift" && n >= 100000 && lat == 0 {
					fmt.Printf("%-10s %8s %8s  %s\n", "", "", "", driftTargets(m))
				}
			}
			fake.stop()
		}
	}
	if jsonOut != "" {
		b, _ := json.MarshalIndent(struct {
			Results   []result      `json:"results"`
			Pipelines []pipelineRow `json:"pipelines,omitempty"`
		}{results, pipelines}, "", "  ")
		return os.WriteFile(jsonOut, b, 0o600)
	}
	return nil
}

type fakeProc struct {
	cmd *exec.Cmd
	env []string
	url string
	dir string // holds inventory.csv: the listed devices with their servers
}

func startFake(bin, dir string, devices int, latency time.Duration) (*fakeProc, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil { // -inventory is written into it first
		return nil, err
	}
	// The fakeabm this tool just built.
	cmd := exec.Command(bin, "-devices", strconv.Itoa(devices), "-users", strconv.Itoa(devices), "-mdm-devices", strconv.Itoa(devices), //nolint:gosec // see above
		"-catalog", strconv.Itoa(devices), "-audit-events", strconv.Itoa(2*devices), "-servers", "20", "-seed", "7",
		"-latency", latency.String(), "-out", dir, "-inventory", filepath.Join(dir, "inventory.csv"))
	cmd.Stderr = io.Discard
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	f := &fakeProc{cmd: cmd, dir: dir}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		f.stop()
		return nil, fmt.Errorf("fakeabm did not start: %v", err)
	}
	f.url = strings.TrimSpace(strings.TrimPrefix(line, "fakeabm listening on "))
	envFile := filepath.Join(dir, "env.sh")
	for i := 0; i < 300; i++ {
		if st, err := os.Stat(envFile); err == nil && st.Size() > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	b, err := os.ReadFile(envFile)
	if err != nil {
		f.stop()
		return nil, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "export "))
		if k, v, ok := strings.Cut(l, "="); ok {
			f.env = append(f.env, k+"="+strings.Trim(v, `'"`))
		}
	}
	return f, nil
}

func (f *fakeProc) stop() {
	_ = f.cmd.Process.Signal(syscall.SIGTERM)
	_ = f.cmd.Wait()
}

func (f *fakeProc) counts() (map[string]int, error) {
	resp, err := http.Get(f.url + "/_fake/counts")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	m := map[string]int{}
	return m, json.NewDecoder(resp.Body).Decode(&m)
}

// benchCase is one scenario at one fleet size: the main.tf to apply, its
// -var arguments and, for a drift report, the drift its outputs must show.
type benchCase struct {
	name  string
	main  string
	args  []string
	drift *driftCase
}

type driftCase struct {
	csv  string
	want driftCounts
}

func newCase(name string, fake *fakeProc, n int, drift **driftCase) (benchCase, error) {
	if cfg, ok := scenarios[name]; ok {
		return benchCase{name: name, main: "terraform {\n  required_providers {\n    abm = { source = \"abm-terraform/abm\" }\n  }\n}\nprovider \"abm\" {}\n" + cfg}, nil
	}
	dir, ok := driftScenarios[name]
	if !ok {
		return benchCase{}, fmt.Errorf("unknown scenario %q", name)
	}
	main, err := os.ReadFile(filepath.Join(dir, "main.tf"))
	if err != nil {
		return benchCase{}, fmt.Errorf("scenario %s (run from the module root): %w", name, err)
	}
	if *drift == nil {
		csv := filepath.Join(fake.dir, "drift.csv")
		want, err := deriveInventory(filepath.Join(fake.dir, "inventory.csv"), csv, n)
		if err != nil {
			return benchCase{}, err
		}
		*drift = &driftCase{csv: csv, want: want}
	}
	return benchCase{name: name, main: string(main), args: []string{"-var", "inventory_csv=" + (*drift).csv}, drift: *drift}, nil
}

func applyOnce(tmp, terraform, rc, realProvider string, fake *fakeProc, c benchCase, id string) (result, error) {
	work := filepath.Join(tmp, "work", id)
	usage := filepath.Join(tmp, "usage", id)
	for _, d := range []string{work, usage} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return result{}, err
		}
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(c.main), 0o600); err != nil {
		return result{}, err
	}
	before, err := fake.counts()
	if err != nil {
		return result{}, err
	}
	cmd := exec.Command(terraform, append([]string{"apply", "-auto-approve", "-input=false", "-no-color"}, c.args...)...) //nolint:gosec // the Terraform CLI the user named
	cmd.Dir = work
	cmd.Env = append(os.Environ(), fake.env...)
	// A cache directory of the run's own: every run costs what a first run
	// costs, one token grant, as the figures have always counted.
	cmd.Env = append(cmd.Env, "TF_CLI_CONFIG_FILE="+rc, "ABM_BENCH_REAL_PROVIDER="+realProvider,
		"ABM_BENCH_RUSAGE_DIR="+usage, "TF_IN_AUTOMATION=1", "ABM_CACHE_DIR="+filepath.Join(work, "cache"))
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		return result{}, fmt.Errorf("terraform apply (%s): %v\n%s", id, err, out)
	}
	after, err := fake.counts()
	if err != nil {
		return result{}, err
	}
	if c.drift != nil {
		if err := checkDrift(terraform, work, cmd.Env, c.drift.want); err != nil {
			return result{}, fmt.Errorf("%s: %w", id, err)
		}
	}
	r := result{Scenario: c.name, WallMS: wall.Milliseconds(), Requests: map[string]int{}}
	for k, v := range after {
		if d := v - before[k]; d > 0 {
			r.Requests[k] = d
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.TFCPUMS = ru.Utime.Sec*1000 + ru.Utime.Usec/1000 + ru.Stime.Sec*1000 + ru.Stime.Usec/1000
		r.TFRSSMB = float64(ru.Maxrss) / 1024
	}
	files, _ := filepath.Glob(filepath.Join(usage, "*.json"))
	for _, file := range files {
		var u struct {
			UserMS, SystemMS, MaxRSSKB int64
		}
		b, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		var raw map[string]int64
		if json.Unmarshal(b, &raw) == nil {
			u.UserMS, u.SystemMS, u.MaxRSSKB = raw["user_ms"], raw["system_ms"], raw["max_rss_kb"]
		}
		r.ProvCPUMS += u.UserMS + u.SystemMS
		r.ProvRSSMB = max(r.ProvRSSMB, float64(u.MaxRSSKB)/1024)
	}
	// Terraform's rusage includes the provider processes it waited for;
	// its own CPU is the rest. (Its peak RSS is the larger of the two.)
	r.TFCPUMS -= r.ProvCPUMS
	if st, err := os.Stat(filepath.Join(work, "terraform.tfstate")); err == nil {
		r.StateBytes = st.Size()
	}
	return r, nil
}

// median takes each figure's median over the runs independently.
func median(rs []result) result {
	pick := func(get func(result) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = get(r)
		}
		sort.Float64s(v)
		return v[len(v)/2]
	}
	m := rs[0]
	m.WallMS = int64(pick(func(r result) float64 { return float64(r.WallMS) }))
	m.ProvCPUMS = int64(pick(func(r result) float64 { return float64(r.ProvCPUMS) }))
	m.ProvRSSMB = pick(func(r result) float64 { return r.ProvRSSMB })
	m.TFCPUMS = int64(pick(func(r result) float64 { return float64(r.TFCPUMS) }))
	m.TFRSSMB = pick(func(r result) float64 { return r.TFRSSMB })
	m.StateBytes = int64(pick(func(r result) float64 { return float64(r.StateBytes) }))
	return m
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

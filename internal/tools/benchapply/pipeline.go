package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// pipelinePlans is how many plans the pipeline case runs in a row: a
// pipeline's workspaces or stages reading one organization.
const pipelinePlans = 10

// pipelineConfig is what each plan of the pipeline case reads.
const pipelineConfig = `
terraform {
  required_providers {
    abm = { source = "abm-terraform/abm" }
  }
}
provider "abm" {}
data "abm_org_device_summary" "fleet" {}
data "abm_mdm_servers" "all" {}
data "abm_org_device_index" "server" { attribute = "assigned_server_id" }
output "total" { value = data.abm_org_device_summary.fleet.total }
`

// pipelineModes are the cache settings the pipeline case compares.
var pipelineModes = []struct{ name, tokenCache, maxAge string }{
	{"no caches", "false", "0s"},
	{"token cache", "true", "0s"},
	{"token + read cache", "true", "15m"},
}

// pipelineRow is one mode of the pipeline case: its totals over every plan.
type pipelineRow struct {
	Mode     string         `json:"mode"`
	Devices  int            `json:"devices"`
	Plans    int            `json:"plans"`
	WallMS   int64          `json:"wall_ms"`
	Grants   int            `json:"token_grants"`
	Requests int            `json:"api_requests"`
	ByRoute  map[string]int `json:"requests_by_route"`
}

// runPipeline runs pipelinePlans plans of one configuration in each mode,
// each mode with a cache directory of its own shared by its plans, and
// reports the token grants and API requests they cost in all.
func runPipeline(tmp, terraform, rc, realProvider string, fake *fakeProc, n int) ([]pipelineRow, error) {
	var rows []pipelineRow
	for mi, mode := range pipelineModes {
		work := filepath.Join(tmp, "work", fmt.Sprintf("pipeline-%d-%d", n, mi))
		if err := os.MkdirAll(work, 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(pipelineConfig), 0o600); err != nil {
			return nil, err
		}
		env := append(os.Environ(), fake.env...)
		env = append(env, "TF_CLI_CONFIG_FILE="+rc, "ABM_BENCH_REAL_PROVIDER="+realProvider,
			"ABM_BENCH_RUSAGE_DIR="+filepath.Join(work, "usage"), "TF_IN_AUTOMATION=1",
			"ABM_CACHE_DIR="+filepath.Join(work, "cache"), "ABM_TOKEN_CACHE="+mode.tokenCache, "ABM_READ_CACHE_MAX_AGE="+mode.maxAge)
		before, err := fake.counts()
		if err != nil {
			return nil, err
		}
		start := time.Now()
		for i := range pipelinePlans {
			cmd := exec.Command(terraform, "plan", "-input=false", "-no-color", "-lock=false") //nolint:gosec // the Terraform CLI the user named
			cmd.Dir, cmd.Env = work, env
			if out, err := cmd.CombinedOutput(); err != nil {
				return nil, fmt.Errorf("pipeline (%s) plan %d: %v\n%s", mode.name, i+1, err, out)
			}
		}
		wall := time.Since(start)
		after, err := fake.counts()
		if err != nil {
			return nil, err
		}
		row := pipelineRow{Mode: mode.name, Devices: n, Plans: pipelinePlans, WallMS: wall.Milliseconds(), ByRoute: map[string]int{}}
		for k, v := range after {
			d := v - before[k]
			if d <= 0 {
				continue
			}
			if k == "token" {
				row.Grants = d
				continue
			}
			row.Requests += d
			row.ByRoute[k] = d
		}
		rows = append(rows, row)
	}
	return rows, nil
}

package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// The drift-report scenarios apply a whole directory with -var inventory_csv: the
// shipped example (the index) and the same report over the full device list.
var driftScenarios = map[string]string{
	"drift":      "examples/drift-report",
	"drift-list": "internal/tools/benchapply/testdata/drift-report-list",
}

// Fixture server ids (internal/fakeabm/fixtures.go): a wrongly assigned row expects
// one of them, whichever the device is not on.
const (
	productionMDM     = "1F97349736CF4614A94F624E705841AD"
	appleConfigurator = "2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"
)

// driftCounts is what a drift report must find in a derived inventory.
type driftCounts struct {
	Missing, Unexpected, WronglyAssigned int
}

func (c driftCounts) String() string {
	return fmt.Sprintf("missing %d, unexpected %d, wrongly assigned %d", c.Missing, c.Unexpected, c.WronglyAssigned)
}

// deriveInventory writes an n-row inventory CSV from the fake's own (every listed
// device with its server, so in sync) with a known drift: n/100 listed devices left
// out (unexpected), n/100 devices on another server than the CSV says (wrongly
// assigned), and as many serials Apple does not list (missing) as make n rows. (The
// fake releases about 2% of its n generated devices, so it lists fewer than n.)
func deriveInventory(actualCSV, out string, n int) (driftCounts, error) {
	f, err := os.Open(actualCSV)
	if err != nil {
		return driftCounts{}, err
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		return driftCounts{}, fmt.Errorf("%s: %w", actualCSV, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "serial_number,mdm_server_id" {
		return driftCounts{}, fmt.Errorf("%s: not a fakeabm -inventory file", actualCSV)
	}
	listed := rows[1:]
	want := driftCounts{Unexpected: n / 100, WronglyAssigned: n / 100}
	want.Missing = n - (len(listed) - want.Unexpected)
	// Unexpected and wrongly assigned devices are picked from disjoint slots of every
	// 50 listed rows, so both must fit in len(listed)/50.
	const stride = 50
	if want.Missing < 0 || want.Unexpected > len(listed)/stride || want.WronglyAssigned > len(listed)/stride {
		return driftCounts{}, fmt.Errorf("cannot derive a %d-row inventory with %v from %d listed devices", n, want, len(listed))
	}

	var b strings.Builder
	b.WriteString("serial_number,mdm_server_id\n")
	dropped, moved := 0, 0
	for i, r := range listed {
		serial, server := r[0], r[1]
		switch {
		case i%stride == 0 && dropped < want.Unexpected:
			dropped++
			continue
		case i%stride == 1 && moved < want.WronglyAssigned:
			moved++
			if server == productionMDM {
				server = appleConfigurator
			} else {
				server = productionMDM
			}
		}
		b.WriteString(serial + "," + server + "\n")
	}
	// Fixture serials start with X and generated ones never do, so these are unknown.
	for i := range want.Missing {
		fmt.Fprintf(&b, "XMISSING%06d,%s\n", i, productionMDM)
	}
	if dropped != want.Unexpected || moved != want.WronglyAssigned {
		return driftCounts{}, fmt.Errorf("derived %d unexpected and %d wrongly assigned, wanted %v", dropped, moved, want)
	}
	return want, os.WriteFile(out, []byte(b.String()), 0o600)
}

// checkDrift reads the report's outputs in dir and compares their counts with want.
func checkDrift(terraform, dir string, env []string, want driftCounts) error {
	cmd := exec.Command(terraform, "output", "-json") //nolint:gosec // the Terraform CLI the user named
	cmd.Dir, cmd.Env = dir, env
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("terraform output: %w", err)
	}
	var out struct {
		Missing         struct{ Value []string }
		Unexpected      struct{ Value []string }
		WronglyAssigned struct{ Value []json.RawMessage } `json:"wrongly_assigned"`
		InSync          struct{ Value bool }              `json:"in_sync"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return fmt.Errorf("terraform output: %w", err)
	}
	got := driftCounts{len(out.Missing.Value), len(out.Unexpected.Value), len(out.WronglyAssigned.Value)}
	if got != want || out.InSync.Value {
		return fmt.Errorf("drift report found %v (in_sync %t), want %v", got, out.InSync.Value, want)
	}
	return nil
}

// driftTargets compares a 100k drift report with the targets of the issue that made
// the index: what a drift check of a large fleet should cost on a CI-class machine.
func driftTargets(m result) string {
	var missed []string
	for _, t := range []struct {
		name      string
		got, most float64
		unit      string
	}{
		{"wall", float64(m.WallMS) / 1000, 6, "s"},
		{"terraform peak RSS", m.TFRSSMB, 500, "MB"},
		{"provider CPU", float64(m.ProvCPUMS) / 1000, 1.5, "s"},
		{"state", float64(m.StateBytes) / (1 << 20), 10, "MB"},
	} {
		if t.got > t.most {
			missed = append(missed, fmt.Sprintf("%s %.2f %s > %g %s", t.name, t.got, t.unit, t.most, t.unit))
		}
	}
	if missed == nil {
		return "targets met (wall <= 6 s, terraform peak RSS <= 500 MB, provider CPU <= 1.5 s, state <= 10 MB)"
	}
	return "targets MISSED: " + strings.Join(missed, "; ")
}

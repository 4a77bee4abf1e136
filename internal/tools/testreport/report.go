package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// event is one line of `go test -json` (see `go doc test2json`).
type event struct {
	Action      string
	Package     string
	Test        string
	Elapsed     float64
	Output      string
	ImportPath  string // build-output and build-fail events
	FailedBuild string // a package's fail event: the package that did not build
}

type testKey struct{ pkg, test string }

// report accumulates output until a test or package ends, then prints what
// is worth reading and forgets the rest.
type report struct {
	out                     io.Writer
	passed, failed, skipped int

	testOutput  map[testKey][]string
	pkgOutput   map[string][]string // output outside any test
	buildOutput map[string][]string // compiler output by import path
	buildShown  map[string]bool
	pkgFailures map[string]int // failed tests per package
	skips       []string
}

func newReport(out io.Writer) *report {
	return &report{
		out:         out,
		testOutput:  map[testKey][]string{},
		pkgOutput:   map[string][]string{},
		buildOutput: map[string][]string{},
		buildShown:  map[string]bool{},
		pkgFailures: map[string]int{},
	}
}

// line takes one line of input. Anything that is not a test event (go's own
// messages on stderr, merged by the caller) is printed as it is.
func (r *report) line(b []byte) {
	var e event
	if trimmed := bytes.TrimSpace(b); len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &e) != nil {
		fmt.Fprint(r.out, string(b))
		if !bytes.HasSuffix(b, []byte("\n")) {
			fmt.Fprintln(r.out)
		}
		return
	}
	k := testKey{e.Package, e.Test}
	switch e.Action {
	case "build-output":
		r.buildOutput[e.ImportPath] = append(r.buildOutput[e.ImportPath], e.Output)
	case "output":
		if e.Test == "" {
			r.pkgOutput[e.Package] = append(r.pkgOutput[e.Package], e.Output)
		} else {
			r.testOutput[k] = append(r.testOutput[k], e.Output)
		}
	case "pass":
		if e.Test == "" {
			fmt.Fprintf(r.out, "ok    %s  %.1fs\n", e.Package, e.Elapsed)
			delete(r.pkgOutput, e.Package)
			return
		}
		r.passed++
		delete(r.testOutput, k)
	case "skip":
		if e.Test == "" {
			fmt.Fprintf(r.out, "?     %s  [no tests]\n", e.Package)
			delete(r.pkgOutput, e.Package)
			return
		}
		r.skipped++
		r.skips = append(r.skips, fmt.Sprintf("%s (%s)%s", e.Test, e.Package, skipReason(r.testOutput[k])))
		delete(r.testOutput, k)
	case "fail":
		if e.Test == "" {
			r.packageFailed(e)
			return
		}
		r.failed++
		r.pkgFailures[e.Package]++
		fmt.Fprintf(r.out, "\n=== FAIL %s %s (%.2fs)\n", e.Package, e.Test, e.Elapsed)
		fmt.Fprint(r.out, strings.Join(withoutFraming(r.testOutput[k]), ""))
		delete(r.testOutput, k)
	}
}

// packageFailed reports a package whose test binary failed. A package that
// did not build, or failed outside any test (a panic in init, a timeout), ran
// no failing test the count would show, so it counts as one failure itself.
func (r *report) packageFailed(e event) {
	switch {
	case e.FailedBuild != "":
		r.failed++
		fmt.Fprintf(r.out, "\n=== FAIL %s: %s did not build\n", e.Package, e.FailedBuild)
		if !r.buildShown[e.FailedBuild] {
			r.buildShown[e.FailedBuild] = true
			fmt.Fprint(r.out, strings.Join(r.buildOutput[e.FailedBuild], ""))
		}
	case r.pkgFailures[e.Package] == 0:
		r.failed++
		fmt.Fprintf(r.out, "\n=== FAIL %s outside any test\n", e.Package)
		fmt.Fprint(r.out, strings.Join(r.pkgOutput[e.Package], ""))
		// Tests that started and never ended were cut off by the failure.
		for k, out := range r.testOutput {
			if k.pkg == e.Package {
				fmt.Fprintf(r.out, "--- unfinished: %s\n%s", k.test, strings.Join(withoutFraming(out), ""))
				delete(r.testOutput, k)
			}
		}
	}
	fmt.Fprintf(r.out, "FAIL  %s  %.1fs\n", e.Package, e.Elapsed)
	delete(r.pkgOutput, e.Package)
}

// finish prints the skipped tests and the closing line, and returns the
// number of failures.
func (r *report) finish() int {
	if len(r.skips) > 0 {
		slices.Sort(r.skips)
		fmt.Fprintln(r.out, "\nskipped tests:")
		for _, s := range r.skips {
			fmt.Fprintf(r.out, "  %s\n", s)
		}
	}
	fmt.Fprintf(r.out, "\ntests: %d passed, %d failed, %d skipped\n", r.passed, r.failed, r.skipped)
	return r.failed
}

// withoutFraming drops the lines go test writes around a test's own output
// (=== RUN, === PAUSE, === CONT, === NAME).
func withoutFraming(lines []string) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if strings.HasPrefix(l, "=== ") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// skipReason is the message a test gave t.Skip, as ": reason", or "".
func skipReason(lines []string) string {
	for _, l := range withoutFraming(lines) {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		// "file_test.go:12: reason": drop the position.
		if i := strings.Index(t, ": "); i > 0 && strings.Contains(t[:i], ".go:") {
			t = t[i+2:]
		}
		return ": " + t
	}
	return ""
}

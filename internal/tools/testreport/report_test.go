package main

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

// testdata/events.jsonl is what `go test -json -count=1 ./...` wrote for a
// module of four packages: ok (a passing test with a subtest, and a skipped
// test), bad (a failing subtest that logs, and a passing test), broken (does
// not compile) and panicky (TestMain exits 3 after its tests pass).
func runReport(t *testing.T, input string) (string, int) {
	t.Helper()
	var out bytes.Buffer
	r := newReport(&out)
	sc := bufio.NewScanner(strings.NewReader(input))
	for sc.Scan() {
		r.line(append(sc.Bytes(), '\n'))
	}
	failed := r.finish()
	return out.String(), failed
}

func TestReportOfARealStream(t *testing.T) {
	events, err := os.ReadFile("testdata/events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out, failed := runReport(t, string(events))
	// Passed: TestA, TestA/sub, TestGood, TestFine. Failed: TestBad/sub,
	// TestBad, the package that did not build, the package that failed
	// outside its tests.
	if !strings.HasSuffix(out, "\ntests: 4 passed, 4 failed, 1 skipped\n") {
		t.Errorf("closing line wrong; output:\n%s", out)
	}
	if failed != 4 {
		t.Errorf("finish() = %d, want 4", failed)
	}
	for _, want := range []string{
		"=== FAIL example.com/trx/bad TestBad/sub (0.00s)\n    bad_test.go:3: the detail\n    bad_test.go:3: boom\n",
		"example.com/trx/broken.test] did not build\n",
		`cannot use "s" (untyped string constant) as int value`,
		"=== FAIL example.com/trx/panicky outside any test\n",
		"ok    example.com/trx/ok  ",
		"FAIL  example.com/trx/bad  ",
		"skipped tests:\n  TestSkip (example.com/trx/ok): needs TF_ACC\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Passing tests are counted, not printed.
	if strings.Contains(out, "TestGood") || strings.Contains(out, "=== RUN") {
		t.Errorf("output shows passing tests or framing lines:\n%s", out)
	}
}

func TestReportPassesOtherLinesThrough(t *testing.T) {
	out, failed := runReport(t, "go: downloading example.com/m v1.0.0\n"+
		`{"Action":"pass","Package":"p","Test":"TestX","Elapsed":0.5}`+"\n")
	if !strings.HasPrefix(out, "go: downloading example.com/m v1.0.0\n") {
		t.Errorf("a line that is not an event was not printed:\n%s", out)
	}
	if failed != 0 || !strings.HasSuffix(out, "tests: 1 passed, 0 failed, 0 skipped\n") {
		t.Errorf("output:\n%s", out)
	}
}

// A test binary cut off (a timeout's panic) fails its package with no test
// failure recorded: the package counts as a failure and the test it was
// running is shown.
func TestReportCountsAPackageThatDiedMidTest(t *testing.T) {
	out, failed := runReport(t, strings.Join([]string{
		`{"Action":"run","Package":"p","Test":"TestSlow"}`,
		`{"Action":"output","Package":"p","Test":"TestSlow","Output":"=== RUN   TestSlow\n"}`,
		`{"Action":"output","Package":"p","Test":"TestSlow","Output":"    slow_test.go:9: waiting\n"}`,
		`{"Action":"output","Package":"p","Output":"panic: test timed out after 1s\n"}`,
		`{"Action":"fail","Package":"p","Elapsed":1}`,
	}, "\n")+"\n")
	if failed != 1 || !strings.HasSuffix(out, "tests: 0 passed, 1 failed, 0 skipped\n") {
		t.Errorf("failed = %d; output:\n%s", failed, out)
	}
	for _, want := range []string{"panic: test timed out after 1s", "--- unfinished: TestSlow\n    slow_test.go:9: waiting"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

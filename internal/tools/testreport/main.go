// Command testreport reads the event stream of `go test -json` on standard
// input and prints what a person needs from it: one line per package, each
// failed test with its output, a package that failed to build (or failed
// outside any test) with its output, the skipped tests with their reasons,
// and a closing line
//
//	tests: N passed, N failed, N skipped
//
// that .ci/run adds up. It exits 1 when anything failed. scripts/test.sh
// pipes `go test -json` into it.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	r := newReport(os.Stdout)
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 {
			r.line(line)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "testreport: reading the test events: %v\n", err)
			os.Exit(2)
		}
	}
	if r.finish() > 0 {
		os.Exit(1)
	}
}

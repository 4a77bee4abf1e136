package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// captureLogs sends Terraform's and the provider's logs at level to files of
// the test's own, and returns what reads them all so far. The test sets
// environment variables, so it cannot run in parallel.
func captureLogs(t *testing.T, level string) func() string {
	t.Helper()
	logDir := t.TempDir()
	t.Setenv("TF_LOG", level)
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
	return func() string {
		entries, err := os.ReadDir(logDir)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(logDir, e.Name())) //nolint:gosec // the test's own directory
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
		}
		return b.String()
	}
}

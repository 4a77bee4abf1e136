// Command procwrap runs the provider binary named by ABM_BENCH_REAL_PROVIDER
// with the same arguments and standard streams, and when it exits writes its
// CPU time and peak RSS to ABM_BENCH_RUSAGE_DIR/<pid>.json. The whole-process
// benchmark installs it under the provider's name, so Terraform starts it
// like the provider and the figures are the provider's alone.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
)

// Usage is what procwrap records for one provider process.
type Usage struct {
	UserMS   int64 `json:"user_ms"`
	SystemMS int64 `json:"system_ms"`
	MaxRSSKB int64 `json:"max_rss_kb"`
}

func main() {
	provider := os.Getenv("ABM_BENCH_REAL_PROVIDER")
	dir := os.Getenv("ABM_BENCH_RUSAGE_DIR")
	if provider == "" || dir == "" {
		fmt.Fprintln(os.Stderr, "procwrap: set ABM_BENCH_REAL_PROVIDER and ABM_BENCH_RUSAGE_DIR")
		os.Exit(2)
	}
	cmd := exec.Command(provider, os.Args[1:]...) //nolint:gosec // runs the provider binary the benchmark names, by design
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "procwrap:", err)
		os.Exit(2)
	}
	// Terraform stops plugins with signals too; pass them on.
	sig := make(chan os.Signal, 4)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		for s := range sig {
			_ = cmd.Process.Signal(s)
		}
	}()
	_ = cmd.Wait()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u := Usage{
			UserMS:   ru.Utime.Sec*1000 + ru.Utime.Usec/1000,
			SystemMS: ru.Stime.Sec*1000 + ru.Stime.Usec/1000,
			MaxRSSKB: ru.Maxrss,
		}
		b, _ := json.Marshal(u)
		_ = os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.json", cmd.Process.Pid)), b, 0o600)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}

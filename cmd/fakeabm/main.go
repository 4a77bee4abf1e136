// Command fakeabm runs the fake Apple Business Manager server (internal/fakeabm)
// as a program, for `make demo` and benchmarks.
//
//	fakeabm [-devices 300] [-servers 4] [-seed 1] [-listen 127.0.0.1:0] [-scope business.api]
//	        [-latency 0s] [-rpm 0] [-token-ttl 1h] [-out DIR]
//
// When ready it prints one line, "fakeabm listening on http://127.0.0.1:PORT", then
// writes private_key.pem, server_token.json and, last, env.sh into -out, so a script
// can wait for env.sh. On SIGINT/SIGTERM it prints the request counts per route to
// stderr as `fakeabm counts {...}`; GET /_fake/counts gives them while it runs.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "fakeabm:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		opts   fakeabm.Options
		listen = flag.String("listen", "127.0.0.1:0", "address to listen on (loopback only)")
		out    = flag.String("out", "", "directory for private_key.pem, server_token.json and env.sh")
	)
	flag.IntVar(&opts.Devices, "devices", 300, "generated devices in addition to the fixtures")
	flag.IntVar(&opts.Servers, "servers", 4, "generated MDM servers in addition to the fixtures")
	flag.IntVar(&opts.Catalog, "catalog", 0, "generated apps, packages, blueprints and configurations, each, in addition to the fixtures")
	flag.Int64Var(&opts.Seed, "seed", 1, "data set seed")
	flag.StringVar(&opts.Scope, "scope", "business.api", "business.api or school.api")
	flag.DurationVar(&opts.Latency, "latency", 0, "latency added to every request")
	flag.IntVar(&opts.RequestsPerMinute, "rpm", 0, "requests per minute before 429 (0 = unlimited)")
	flag.DurationVar(&opts.TokenTTL, "token-ttl", time.Hour, "lifetime of issued access tokens")
	flag.Parse()

	if err := checkLoopback(*listen); err != nil {
		return err
	}
	if opts.Scope != "business.api" && opts.Scope != "school.api" {
		return fmt.Errorf("-scope must be business.api or school.api, not %q", opts.Scope)
	}

	s, err := fakeabm.Listen(*listen, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Printf("fakeabm listening on %s\n", s.URL())

	if *out != "" {
		if err := writeFiles(*out, s); err != nil {
			return err
		}
	}

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig

	counts, _ := json.Marshal(s.Counts())
	fmt.Fprintf(os.Stderr, "fakeabm counts %s\n", counts)
	return nil
}

// checkLoopback refuses to serve fake credentials beyond this machine.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-listen %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-listen %q: only loopback addresses are allowed", addr)
	}
	return nil
}

// writeFiles writes the credentials, then env.sh last so its presence means ready.
func writeFiles(dir string, s *fakeabm.Server) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return err
	}
	keyFile := filepath.Join(abs, "private_key.pem")
	tokenFile := filepath.Join(abs, "server_token.json")
	if err := os.WriteFile(keyFile, s.PrivateKeyPEM(), 0o600); err != nil {
		return err
	}
	if err := os.WriteFile(tokenFile, s.ServerTokenJSON(), 0o600); err != nil {
		return err
	}
	var env strings.Builder
	for _, kv := range [][2]string{
		{"ABM_CLIENT_ID", s.ClientID()},
		{"ABM_KEY_ID", s.KeyID()},
		{"ABM_PRIVATE_KEY_FILE", keyFile},
		{"ABM_API_URL", s.URL()},
		{"ABM_TOKEN_URL", s.TokenURL()},
		{"ABM_ADE_URL", s.URL()},
		{"ABM_SERVER_TOKEN_FILE", tokenFile},
	} {
		fmt.Fprintf(&env, "export %s=%s\n", kv[0], shellQuote(kv[1]))
	}
	// Write to a temporary name and rename, so a waiting script never reads half a file.
	tmp := filepath.Join(abs, ".env.sh.tmp")
	if err := os.WriteFile(tmp, []byte(env.String()), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(abs, "env.sh"))
}

// shellQuote single-quotes v for sh, so paths with spaces or $ survive `source`.
func shellQuote(v string) string {
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}

// Command fakeabm runs the fake Apple Business Manager server (internal/fakeabm)
// as a program, for `make demo` and benchmarks.
//
//	fakeabm [-devices 300] [-servers 4] [-seed 1] [-listen 127.0.0.1:0] [-scope business.api]
//	        [-latency 0s] [-rpm 0] [-token-ttl 1h] [-inactive-server ID]
//	        [-shared-server-name NAME] [-out DIR] [-inventory FILE] [-audit-anchor]
//
// -inventory writes, before the server reports ready, the organization as a drift
// report's inventory would hold it: a CSV "serial_number,mdm_server_id" with a row per
// device Apple lists (released devices left out) and the id of the MDM server it is
// assigned to, empty for none. The drift-report benchmark derives its CSVs from it.
//
// When ready it prints one line, "fakeabm listening on http://127.0.0.1:PORT", then
// writes private_key.pem, server_token.json and, last, env.sh into -out, so a script
// can wait for env.sh. On SIGINT/SIGTERM it prints the request counts per route to
// stderr as `fakeabm counts {...}`; GET /_fake/counts gives them while it runs.
// POST /_fake/forget-tokens makes every access token issued so far answer 401, as
// after Apple revokes a key.
//
// env.sh points ABM_CACHE_DIR at -out/cache, so the token and read caches of runs
// against this fake stay apart from any other's.
//
// -inactive-server ID reports that MDM server as INACTIVE while its devices stay
// assigned to it, the state Apple shows when a server stopped connecting and nobody
// moved its devices yet. The generator assigns devices only to ACTIVE servers, so this
// is how a policy run (scripts/policy.sh) gets a fleet that breaks that rule.
//
// -audit-anchor shifts the audit trail, generated at fixed dates in 2026, so its
// newest event happened when the fake started: a window relative to the present, such
// as the last 24 hours of `make demo`, then finds events. Off by default, so the
// trail's dates, which benchmarks read by fixed ranges, do not depend on the clock.
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
		opts      fakeabm.Options
		listen    = flag.String("listen", "127.0.0.1:0", "address to listen on (loopback only)")
		out       = flag.String("out", "", "directory for private_key.pem, server_token.json and env.sh")
		inventory = flag.String("inventory", "", "write the listed devices and their MDM server ids as a CSV to this file")
		// The server is reported INACTIVE while its devices keep their assignment.
		inactive = flag.String("inactive-server", "", "report this MDM server id as INACTIVE; its devices stay assigned")
		anchor   = flag.Bool("audit-anchor", false, "shift the audit trail so its newest event is at the fake's start time")
	)
	flag.IntVar(&opts.Devices, "devices", 300, "generated devices in addition to the fixtures")
	flag.IntVar(&opts.Servers, "servers", 4, "generated MDM servers in addition to the fixtures")
	flag.IntVar(&opts.Users, "users", 0, "generated users in addition to the fixtures (with units and groups in proportion)")
	flag.IntVar(&opts.MdmDevices, "mdm-devices", 0, "generated managed devices (built-in device management) in addition to the fixtures")
	flag.IntVar(&opts.AuditEvents, "audit-events", 0, "generated audit events (January 2026) in addition to the fixtures")
	flag.IntVar(&opts.Catalog, "catalog", 0, "generated apps, packages, blueprints and configurations, each, in addition to the fixtures")
	flag.Int64Var(&opts.Seed, "seed", 1, "data set seed")
	flag.StringVar(&opts.Scope, "scope", "business.api", "business.api or school.api")
	flag.DurationVar(&opts.Latency, "latency", 0, "latency added to every request")
	flag.IntVar(&opts.RequestsPerMinute, "rpm", 0, "requests per minute before 429 (0 = unlimited)")
	flag.DurationVar(&opts.TokenTTL, "token-ttl", time.Hour, "lifetime of issued access tokens")
	flag.StringVar(&opts.SharedServerName, "shared-server-name", "", "give every generated MDM server this one name (ABM allows it)")
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
	if *inactive != "" {
		s.SetServerStatus(*inactive, "INACTIVE")
	}
	if *anchor {
		s.AnchorAuditEvents(time.Now())
	}
	if *inventory != "" {
		if err := writeInventory(*inventory, s); err != nil {
			return err
		}
	}
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
		{"ABM_CACHE_DIR", filepath.Join(abs, "cache")},
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

// writeInventory writes the devices Apple lists with their assigned server: what
// examples/drift-report would find in sync.
func writeInventory(path string, s *fakeabm.Server) error {
	var b strings.Builder
	b.WriteString("serial_number,mdm_server_id\n")
	for _, d := range s.Devices() {
		if d.Released {
			continue
		}
		b.WriteString(d.SerialNumber() + "," + d.AssignedServerID + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		return fmt.Errorf("-inventory: %w", err)
	}
	return nil
}

// shellQuote single-quotes v for sh, so paths with spaces or $ survive `source`.
func shellQuote(v string) string {
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}

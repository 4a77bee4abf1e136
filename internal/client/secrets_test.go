package client_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// secretNeedles turns the fake's secrets into the strings that must never
// appear: every base64 line of the private key, every secret whole, and a
// JWT's signature on its own.
func secretNeedles(t *testing.T, f *fakeabm.Server) map[string]string {
	t.Helper()
	needles := map[string]string{}
	for what, values := range f.Secrets() {
		for _, v := range values {
			if what == "private key PEM" {
				for _, line := range strings.Split(v, "\n") {
					if len(line) >= 16 && !strings.HasPrefix(line, "-----") {
						needles[line] = "a line of the private key"
					}
				}
				continue
			}
			needles[v] = what
			if parts := strings.Split(v, "."); what == "client assertion" && len(parts) == 3 {
				needles[parts[2]] = "the client assertion's signature"
			}
		}
	}
	for _, what := range []string{"client assertion", "access token", "OAuth 1.0a signature", "ADE session token"} {
		if len(f.Secrets()[what]) == 0 {
			t.Fatalf("the run used no %s; the test would prove nothing about it", what)
		}
	}
	return needles
}

func assertNoSecret(t *testing.T, where, text string, needles map[string]string) {
	t.Helper()
	for needle, what := range needles {
		if strings.Contains(text, needle) {
			t.Errorf("%s contains %s", where, what)
		}
	}
}

func TestLogsAndErrorsCarryNoSecrets(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 1500})
	log := &recordingLogger{}
	tok, err := client.ParseServerToken(f.ServerTokenMIME())
	if err != nil {
		t.Fatal(err)
	}
	c, _ := newClient(t, f, withLogger(log), func(cfg *client.Config) {
		cfg.ServerToken, cfg.ADEURL = tok, f.URL()
	})
	ctx := context.Background()
	// Every kind of request, with a retry, a wait, a 401 and a new session.
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 429, RetryAfter: "0"})
	f.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Truncate: true})
	if _, err := listAllServers(c); err != nil {
		t.Fatal(err)
	}
	f.ExpireTokens()
	if _, err := listAllDevices(c); err != nil {
		t.Fatal(err)
	}
	if err := c.ListMdmServerDeviceSerials(ctx, f.MdmServers()[0].ID, func(string) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetOrgDevice(ctx, "XABC123X0ABC123X0"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListAppleCareCoverage(ctx, "XABC123X0ABC123X0"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AccountDetail(ctx); err != nil {
		t.Fatal(err)
	}
	f.ExpireADESessions()
	if _, err := c.AccountDetail(ctx); err != nil {
		t.Fatal(err)
	}

	// And errors: a refused assertion, a refused server token, Apple's error
	// answers.
	var errs []error
	_, err = c.GetOrgDevice(ctx, "NOSUCHDEVICE")
	errs = append(errs, err)
	f.SetADETokenExpired(true)
	f.ExpireADESessions()
	_, err = c.AccountDetail(ctx)
	errs = append(errs, err)
	f.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 400})
	f.ExpireTokens()
	errs = append(errs, c.ListMdmServers(ctx, func(*client.Record) error { return nil }))
	for i, err := range errs {
		if err == nil {
			t.Fatalf("error case %d succeeded", i)
		}
	}

	needles := secretNeedles(t, f)
	lines := log.all()
	for _, l := range lines {
		assertNoSecret(t, fmt.Sprintf("log line %q %v", l.msg, l.fields), l.msg+" "+fmt.Sprint(l.fields), needles)
	}
	for _, err := range errs {
		assertNoSecret(t, fmt.Sprintf("error %q", err), fmt.Sprintf("%v %+v", err, err), needles)
		var ae *client.ADEError
		if errors.As(err, &ae) {
			assertNoSecret(t, "ADEError", fmt.Sprintf("%#v", ae), needles)
		}
	}

	// What the logs must still say: method, path, status, attempt, timing,
	// and why and how long a retry waited.
	done := log.with("request done")
	if len(done) < 10 {
		t.Fatalf("only %d requests logged", len(done))
	}
	seen := map[string]bool{}
	for _, l := range done {
		for _, k := range []string{"method", "path", "status", "attempt", "retries", "duration_ms", "route"} {
			if _, ok := l.fields[k]; !ok {
				t.Errorf("request log lacks %s: %v", k, l.fields)
			}
		}
		seen[fmt.Sprintf("%v %v %v", l.fields["method"], l.fields["path"], l.fields["status"])] = true
	}
	for _, want := range []string{
		"POST /auth/oauth2/token 200", "GET /v1/mdmServers 503", "GET /v1/mdmServers 429", "GET /v1/mdmServers 200",
		"GET /v1/orgDevices 401", "GET /v1/orgDevices 200", "GET /session 200", "GET /account 401", "GET /account 200",
		"GET /v1/orgDevices/NOSUCHDEVICE 404", "POST /auth/oauth2/token 400",
	} {
		if !seen[want] {
			t.Errorf("no request log for %q", want)
		}
	}
	waits := log.with("waiting before retry")
	if len(waits) != 3 { // 503, 429, the cut-off body
		t.Errorf("waits logged = %d, want 3", len(waits))
	}
	for _, w := range waits {
		if _, ok := w.fields["wait_ms"]; !ok || w.fields["reason"] == "" {
			t.Errorf("wait log lacks wait_ms or reason: %v", w.fields)
		}
	}
	// Both times the tokens expired: before the device list and before the
	// refused assertion.
	if n := len(log.with("access token refused (HTTP 401), fetching a new one")); n != 2 {
		t.Errorf("401s logged = %d, want 2", n)
	}
}

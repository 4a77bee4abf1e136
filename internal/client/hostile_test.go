package client_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Hostile or broken answers from the server: each must end the read with a
// clear error (never a panic, never a partial list handed back as the whole),
// and what Apple may add without notice must pass through unchanged.

func listAllDevices(c *client.Client) (int, error) {
	n := 0
	err := c.ListOrgDevices(context.Background(), func(*client.Record) error { n++; return nil })
	return n, err
}

func listAllServers(c *client.Client) (int, error) {
	n := 0
	err := c.ListMdmServers(context.Background(), func(*client.Record) error { n++; return nil })
	return n, err
}

func wantErr(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error lacks %q: %v", p, err)
		}
	}
}

func TestMalformedAndTruncatedJSONIsAnError(t *testing.T) {
	bodies := map[string]string{
		"cut off mid-object":   `{"data":[{"type":"orgDevices","id":"S1","attributes":{"status":"ASSIGNED"`,
		"cut off mid-string":   `{"data":[{"type":"orgDevices","id":"S1","attributes":{"status":"ASSI`,
		"not JSON":             `<html><body>OK</body></html>`,
		"only whitespace":      " \n ",
		"trailing garbage":     `{"data":[]} {"data":[]}`,
		"array at top level":   `[{"type":"orgDevices","id":"S1"}]`,
		"bare string":          `"ok"`,
		"unbalanced brackets":  `{"data":[}]`,
		"invalid escape":       `{"data":[{"id":"S\x"}]}`,
		"single-quoted string": `{'data':[]}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Status: 200, Body: body})
			f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 200, Body: body})
			c, _ := newClient(t, f)
			n, err := listAllDevices(c)
			wantErr(t, err, "list org devices", "/v1/orgDevices")
			if n != 0 {
				t.Errorf("%d devices handed out from a malformed page", n)
			}
			n, err = listAllServers(c)
			wantErr(t, err, "list MDM servers", "/v1/mdmServers")
			if n != 0 {
				t.Errorf("%d servers handed out from a malformed page", n)
			}
		})
	}
}

func TestWrongJSONTypesAreAnError(t *testing.T) {
	cases := []struct {
		name, route, body string
		call              func(*client.Client) error
		want              []string
	}{
		{"device status a number", fakeabm.RouteOrgDevices,
			`{"data":[{"type":"orgDevices","id":"S1","attributes":{"status":5}}],"meta":{"paging":{"limit":1000}}}`,
			func(c *client.Client) error { _, err := listAllDevices(c); return err }, []string{"S1", "status"}},
		{"device data an object", fakeabm.RouteOrgDevices, `{"data":{"id":"S1"}}`,
			func(c *client.Client) error { _, err := listAllDevices(c); return err }, []string{"expected an array"}},
		{"imei a string", fakeabm.RouteOrgDevices, `{"data":[{"id":"S1","attributes":{"imei":"35"}}]}`,
			func(c *client.Client) error { _, err := listAllDevices(c); return err }, []string{"imei"}},
		{"next cursor a number", fakeabm.RouteOrgDevices, `{"data":[],"meta":{"paging":{"nextCursor":5}}}`,
			func(c *client.Client) error { _, err := listAllDevices(c); return err }, []string{"/v1/orgDevices"}},
		{"server deviceCount a string", fakeabm.RouteMdmServers,
			`{"data":[{"type":"mdmServers","id":"M1","attributes":{"deviceCount":"12"}}]}`,
			func(c *client.Client) error { _, err := listAllServers(c); return err }, []string{"/v1/mdmServers", "malformed"}},
		{"server families a string", fakeabm.RouteMdmServers,
			`{"data":[{"type":"mdmServers","id":"M1","attributes":{"defaultProductFamilies":"MAC"}}]}`,
			func(c *client.Client) error { _, err := listAllServers(c); return err }, []string{"malformed"}},
		{"server id a number", fakeabm.RouteMdmServers, `{"data":[{"type":"mdmServers","id":7}]}`,
			func(c *client.Client) error { _, err := listAllServers(c); return err }, []string{"malformed"}},
		{"single server data an array", fakeabm.RouteMdmServer, `{"data":[]}`,
			func(c *client.Client) error { _, err := c.GetMdmServer(context.Background(), "M1"); return err }, []string{"malformed"}},
		{"linkage id a bool", fakeabm.RouteAssignedServerLinkage, `{"data":{"type":"mdmServers","id":true}}`,
			func(c *client.Client) error {
				_, err := c.AssignedServerID(context.Background(), "XARRAYMAC0001")
				return err
			}, []string{"malformed"}},
		{"token expires_in a string", fakeabm.RouteToken, `{"access_token":"x","token_type":"Bearer","expires_in":"3600"}`,
			func(c *client.Client) error { return c.CheckToken(context.Background()) }, []string{"access token response"}},
		{"token without access_token", fakeabm.RouteToken, `{"token_type":"Bearer","expires_in":3600}`,
			func(c *client.Client) error { return c.CheckToken(context.Background()) }, []string{"no access_token"}},
		{"token of another type", fakeabm.RouteToken, `{"access_token":"x","token_type":"mac","expires_in":3600}`,
			func(c *client.Client) error { return c.CheckToken(context.Background()) }, []string{"token_type", "Bearer"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.InjectFaults(tc.route, fakeabm.Fault{Status: 200, Body: tc.body})
			c, _ := newClient(t, f)
			wantErr(t, tc.call(c), tc.want...)
		})
	}
}

func TestWrongJSONTypesInAccountDetailAreAnError(t *testing.T) {
	for name, body := range map[string]string{
		"org_name a number":     `{"org_name":5}`,
		"session token missing": ``,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			route := fakeabm.RouteADEAccount
			if body == "" {
				route, body = fakeabm.RouteADESession, `{"auth_session_token":12}`
			}
			f.InjectFaults(route, fakeabm.Fault{Status: 200, Body: body})
			c := adeClient(t, f)
			_, err := c.AccountDetail(context.Background())
			wantErr(t, err, "get account detail")
		})
	}
}

func TestNextLinkToAnotherHostIsRefused(t *testing.T) {
	cases := map[string]func(hostPort string) string{
		"another host":          func(string) string { return "attacker.example" },
		"same host, other port": func(string) string { return "http://127.0.0.1:1" },
		"same host over https":  func(hp string) string { return "https://" + hp },
		"userinfo trick":        func(hp string) string { return "http://" + hp + "@attacker.example" },
	}
	for name, host := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{Devices: 1500, Servers: 1500})
			f.SetNextLinkHost(host(strings.TrimPrefix(f.URL(), "http://")))
			f.SetNextCursorOmitted(true) // the link is then the only way on
			c, _ := newClient(t, f)
			_, err := listAllDevices(c)
			wantErr(t, err, "refusing")
			_, err = listAllServers(c)
			wantErr(t, err, "refusing")
			for _, route := range []string{fakeabm.RouteOrgDevices, fakeabm.RouteMdmServers} {
				if n := f.Count(route); n != 1 {
					t.Errorf("%s: %d pages read, want 1", route, n)
				}
			}
		})
	}
}

func TestRepeatedCursorStopsEveryList(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 6000, Servers: 2500})
	f.SetRepeatCursor(true)
	c, _ := newClient(t, f)
	_, err := listAllDevices(c)
	wantErr(t, err, "cursor it had sent before")
	_, err = listAllServers(c)
	wantErr(t, err, "cursor it had sent before")
	for _, route := range []string{fakeabm.RouteOrgDevices, fakeabm.RouteMdmServers} {
		if n := f.Count(route); n != 2 {
			t.Errorf("%s: %d pages read, want 2 (the second hands back the first's cursor)", route, n)
		}
	}

	// Device linkages of one server: a fake whose production server is the
	// only one that takes devices.
	g := newFake(t, fakeabm.Options{Devices: 6000})
	g.SetRepeatCursor(true)
	prod := g.MdmServers()[0]
	if len(prod.DeviceSerials) <= 1000 {
		t.Fatalf("the production server has %d devices; the test needs two pages", len(prod.DeviceSerials))
	}
	gc, _ := newClient(t, g)
	err = gc.ListMdmServerDeviceSerials(context.Background(), prod.ID, func(string) error { return nil })
	wantErr(t, err, "cursor it had sent before")
	if n := g.Count(fakeabm.RouteMdmServerDevices); n != 2 {
		t.Errorf("linkage pages read = %d, want 2", n)
	}
}

func TestPageLargerThanTheLimitIsRefused(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 1500, Servers: 1500})
	f.SetPageOversize(1)
	c, _ := newClient(t, f)
	_, err := listAllDevices(c)
	wantErr(t, err, "1001 items", "limit of 1000")
	n, err := listAllServers(c)
	wantErr(t, err, "1001 items", "limit of 1000")
	if n != 0 {
		t.Errorf("%d servers handed out from an oversized page", n)
	}
}

func TestBodyOverTheSizeCapIsRefused(t *testing.T) {
	const limit = 64 << 20
	cases := map[string]fakeabm.Fault{
		"streamed, no Content-Length": {PadTo: limit + 1},
		"Content-Length declared":     {PadTo: 10 * limit, DeclareLength: true},
	}
	for name, fault := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.InjectFaults(fakeabm.RouteMdmServers, fault)
			c, _ := newClient(t, f)
			start := time.Now()
			_, err := listAllServers(c)
			wantErr(t, err, "GET /v1/mdmServers", "larger than 64 MiB")
			if n := f.Count(fakeabm.RouteMdmServers); n != 1 {
				t.Errorf("requests = %d, want 1: an oversized answer is not retried", n)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	t.Run("exactly at the cap", func(t *testing.T) {
		f := newFake(t, fakeabm.Options{})
		f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{PadTo: limit})
		c, _ := newClient(t, f)
		if n, err := listAllServers(c); err != nil || n != 0 {
			t.Fatalf("a valid page of exactly 64 MiB: n=%d err=%v", n, err)
		}
	})
}

func TestDuplicateSerialsAcrossPagesAreAnError(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 2500})
	f.SetRepeatLastItem(true)
	c, _ := newClient(t, f)
	_, err := listAllDevices(c)
	wantErr(t, err, "twice")
	if n := f.Count(fakeabm.RouteOrgDevices); n != 2 {
		t.Errorf("pages read = %d, want 2: the read stops at the first duplicate", n)
	}
}

// Apple adds attributes and enum values without notice: unknown keys are
// skipped and new values pass through unchanged.
func TestUnknownFieldsAndNewEnumValuesPassThrough(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Status: 200, Body: `{
	  "data":[{"type":"orgDevices","id":"SNEW1","attributes":{
	      "serialNumber":"SNEW1","productFamily":"iPod","status":"RESERVED",
	      "purchaseSourceType":"LEASED","mdmMigrationStatus":"PAUSED",
	      "batteryHealth":{"cycles":[1,2,{"x":null}]},"futureFlag":true},
	    "relationships":{"newThing":{"links":{"related":"x"}}},"meta":{"hint":1}}],
	  "included":[{"type":"somethingElse","id":"1"}],
	  "links":{"self":"s"},"meta":{"paging":{"limit":1000,"total":1,"estimate":"exact"}},"jsonapi":{"version":"1.1"}}`})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 200, Body: `{
	  "data":[{"type":"mdmServers","id":"MNEW1","attributes":{
	      "serverName":"Future","serverType":"FUTURE","status":"ARCHIVED",
	      "defaultProductFamilies":["IPOD","CAR"],"brandNewAttribute":[{"a":1}]}}],
	  "meta":{"paging":{"limit":1000}},"warnings":["x"]}`})
	f.InjectFaults(fakeabm.RouteADEAccount, fakeabm.Fault{Status: 200, Body: `{
	  "org_name":"Tomorrow Inc","org_type":"tvprovider","org_version":"v3","new_field":{"a":[1]}}`})
	c := adeClient(t, f)

	var dev *client.Record
	if err := c.ListOrgDevices(context.Background(), func(d *client.Record) error { dev = d; return nil }); err != nil {
		t.Fatal(err)
	}
	checkString(t, "productFamily", keyOf(dev, client.OrgDevices, "productFamily"), "iPod")
	checkString(t, "status", keyOf(dev, client.OrgDevices, "status"), "RESERVED")
	checkString(t, "purchaseSourceType", keyOf(dev, client.OrgDevices, "purchaseSourceType"), "LEASED")
	checkString(t, "mdmMigrationStatus", keyOf(dev, client.OrgDevices, "mdmMigrationStatus"), "PAUSED")

	var srv *client.Record
	if err := c.ListMdmServers(context.Background(), func(s *client.Record) error { srv = s; return nil }); err != nil {
		t.Fatal(err)
	}
	checkString(t, "serverType", keyOf(srv, client.MdmServers, "serverType"), "FUTURE")
	checkString(t, "status", keyOf(srv, client.MdmServers, "status"), "ARCHIVED")
	if fams := srv.List(client.MdmServers.Index("defaultProductFamilies")); strings.Join(fams, ",") != "IPOD,CAR" {
		t.Errorf("defaultProductFamilies = %v", fams)
	}

	acct, err := c.AccountDetail(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "org_type", acct.OrgType, "tvprovider")
	checkString(t, "org_version", acct.OrgVersion, "v3")
}

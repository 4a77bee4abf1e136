package client_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Answers Apple, or a proxy in front of it, really gives, which the client
// must read for what they say.

// Apple writes links.next absolute on its own host whatever host the request
// came through. Behind a proxy (api_url on another host) the walk goes on
// through the proxy with meta.paging.nextCursor and the client's own limit.
func TestProxiedAPIURLWalksOnWithNextCursor(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 2500, Servers: 1500})
	f.SetNextLinkHost("api-business.apple.com")
	c, rec := newClient(t, f)
	devices, err := listAllDevices(c)
	if err != nil {
		t.Fatalf("devices: %v", err)
	}
	servers, err := listAllServers(c)
	if err != nil {
		t.Fatalf("servers: %v", err)
	}
	if want := listed(f); devices != want {
		t.Errorf("devices read = %d, want %d", devices, want)
	}
	if want := len(f.MdmServers()); servers != want {
		t.Errorf("servers read = %d, want %d", servers, want)
	}
	if n := f.Count(fakeabm.RouteOrgDevices); n != 3 {
		t.Errorf("device pages = %d, want 3", n)
	}
	if n := f.Count(fakeabm.RouteMdmServers); n != 2 {
		t.Errorf("server pages = %d, want 2", n)
	}
	proxy, _ := url.Parse(f.URL())
	cursors := 0
	for _, r := range rec.requests() {
		if r.URL.Path == "/auth/oauth2/token" {
			continue
		}
		if r.URL.Host != proxy.Host {
			t.Errorf("request to %s, want every request to the configured host %s", r.URL.Host, proxy.Host)
		}
		if got := r.URL.Query().Get("limit"); got != "1000" {
			t.Errorf("%s: limit=%q, want the client's own 1000", r.URL.Path, got)
		}
		if r.URL.Query().Has("cursor") {
			cursors++
		}
	}
	if cursors != 3 {
		t.Errorf("%d requests carried a cursor, want 3 (pages after the first)", cursors)
	}
}

// A links.next on another host is the only way on when nextCursor is
// missing; it is refused rather than followed, after one page.
func TestForeignNextLinkWithoutCursorIsRefused(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 1500})
	f.SetNextLinkHost("api-business.apple.com")
	f.SetNextCursorOmitted(true)
	c, _ := newClient(t, f)
	_, err := listAllDevices(c)
	wantErr(t, err, "links.next points at https://api-business.apple.com", "refusing to follow it")
	if n := f.Count(fakeabm.RouteOrgDevices); n != 1 {
		t.Errorf("device pages = %d, want 1", n)
	}
}

// On the API host itself, a links.next without nextCursor is read for its
// cursor, and the client's own limit is kept.
func TestSameHostNextLinkWithoutCursorIsFollowed(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 2500})
	f.SetNextCursorOmitted(true)
	c, rec := newClient(t, f)
	n, err := listAllDevices(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := listed(f); n != want {
		t.Errorf("devices read = %d, want %d", n, want)
	}
	for _, r := range rec.requests() {
		if r.URL.Path == "/v1/orgDevices" && r.URL.Query().Get("limit") != "1000" {
			t.Errorf("page without the client's limit: %s", r.URL.RawQuery)
		}
	}
}

// Only Apple's own JSON 404 on the linkage can mean "assigned to no
// server". Anything else that says 404 is an error naming the device.
func TestAssignedServerLinkage404(t *testing.T) {
	const assigned = "XARRAYMAC0001"
	t.Run("Apple's JSON 404 for a device not in the organization", func(t *testing.T) {
		// The provider reads the device itself in parallel and reports its
		// 404 as "not found"; the linkage alone cannot tell.
		f := newFake(t, fakeabm.Options{})
		c, _ := newClient(t, f)
		id, err := c.AssignedServerID(context.Background(), "NOSUCHSERIAL")
		if err != nil || id != "" {
			t.Fatalf("id=%q err=%v, want no server and no error", id, err)
		}
	})
	refused := map[string]fakeabm.Fault{
		"a gateway's HTML 404":            {Status: 404, HTML: true},
		"a JSON 404 that is not Apple's":  {Status: 404, Body: `{"message":"Not Found"}`},
		"a 404 with an empty error list":  {Status: 404, Body: `{"errors":[]}`},
		"a 404 with no body":              {Status: 404, Body: " "},
		"a 404 whose body is not JSON":    {Status: 404, Body: "Not Found", ContentType: "text/plain"},
		"an HTML 404 claiming to be JSON": {Status: 404, Body: "<html>404</html>", ContentType: "application/json"},
	}
	for name, fault := range refused {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.InjectFaults(fakeabm.RouteAssignedServerLinkage, fault)
			c, _ := newClient(t, f)
			id, err := c.AssignedServerID(context.Background(), assigned)
			if id != "" {
				t.Errorf("id = %q, want none", id)
			}
			wantErr(t, err, `get assigned server of "`+assigned+`"`, "HTTP 404")
		})
	}
}

// An invalid_client answer with Apple's error_description says that
// description; only the bare answer gets the checklist of what to check.
func TestInvalidClientSaysAppleDetailOrChecklist(t *testing.T) {
	cases := map[string]struct {
		body      string
		want, not []string
	}{
		"with error_description": {
			body: `{"error":"invalid_client","error_description":"The client assertion has expired."}`,
			want: []string{"HTTP 400 invalid_client: The client assertion has expired."},
			not:  []string{"gives no detail", "check that"},
		},
		"bare": {
			body: `{"error":"invalid_client"}`,
			want: []string{"HTTP 400 invalid_client", "Apple gives no detail", "key ID", "clock"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 400, Body: tc.body})
			c, _ := newClient(t, f)
			err := c.CheckToken(context.Background())
			wantErr(t, err, tc.want...)
			for _, s := range tc.not {
				if err != nil && strings.Contains(err.Error(), s) {
					t.Errorf("error says %q: %v", s, err)
				}
			}
		})
	}
}

// {"errors":[]} is Apple's error document with nothing in it: the message
// says the status and that the list was empty, not that no body came.
func TestEmptyErrorListIsReportedAsSuch(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 403, Body: `{"errors": []}`})
	c, _ := newClient(t, f)
	err := listServers(c)
	wantErr(t, err, "GET /v1/mdmServers", "HTTP 403", "error list was empty")
	if err != nil && strings.Contains(err.Error(), "no Apple error body") {
		t.Errorf("says no body came: %v", err)
	}
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 403 {
		t.Errorf("err = %#v, want an *APIError of HTTP 403", err)
	}
}

// listed is how many devices the fake's list holds: released ones are left
// out of it.
func listed(f *fakeabm.Server) int {
	n := 0
	for _, d := range f.Devices() {
		if !d.Released {
			n++
		}
	}
	return n
}

package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Every attribute key the project's fake sends is one the client declares:
// the scanner skips keys it does not know (Apple adds attributes over time),
// so without this check an attribute added to the fake but not to a
// declaration would be dropped without a word.
func TestEveryKeyTheFakeSendsIsDecoded(t *testing.T) {
	f := fakeabm.New(fakeabm.Options{Seed: 5, Devices: 300, Servers: 5, Users: 300})
	defer f.Close()
	c, err := New(Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := c.tokens.get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) []byte {
		req, _ := http.NewRequest(http.MethodGet, f.URL()+path, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
		}
		return body
	}
	server := f.MdmServers()[0].ID
	cases := []struct {
		res  *Resource
		path string
	}{
		{OrgDevices, "/v1/orgDevices?limit=1000"},
		{OrgDevices, "/v1/orgDevices/XRELEASED0001"},
		{MdmServers, "/v1/mdmServers?limit=1000&fields[mdmServers]=" + MdmServers.Keys()},
		{MdmServers, "/v1/mdmServers/" + server},
		{AppleCareCoverage, "/v1/orgDevices/XABC123X0ABC123X0/appleCareCoverage"},
		{Users, "/v1/users?limit=1000"},
		{Users, "/v1/users/1000000001"},
		{UserGroups, "/v1/userGroups?limit=1000"},
		{UserGroups, "/v1/userGroups/UG000001"},
		{OrganizationalUnits, "/v1/organizationalUnits?limit=1000"},
		{OrganizationalUnits, "/v1/organizationalUnits/OU000001"},
		{MdmDevices, "/v1/mdmDevices?limit=1000"},
		{MdmDeviceDetails, "/v1/mdmDevices/a1f4e1c2-0d53-4a8e-9c61-3f0b7e5d2a01/details"},
		{MdmDeviceDetails, "/v1/mdmDevices/c3d8f0a6-2b4c-4d6e-9f80-7a6b5c4d3e03/details"},
		{ActivationLockStatus, "/v1/orgDevices/XARRAYMAC0001/activationLockStatus"},
		{OrgDeviceActivities, "/v1/orgDeviceActivities/" + fakeabm.ActivityCompleted},
		{AuditEvents, "/v1/auditEvents?limit=1000&filter%5BstartTimestamp%5D=2025-01-01T00:00:00Z&filter%5BendTimestamp%5D=2027-01-01T00:00:00Z"},
		{Apps, "/v1/apps?limit=1000"},
		{Packages, "/v1/packages?limit=1000"},
		{Blueprints, "/v1/blueprints?limit=1000"},
		{Configurations, "/v1/configurations?limit=1000"},
		{Configurations, "/v1/configurations/config-12345"},
	}
	for _, tc := range cases {
		var doc struct {
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(get(tc.path), &doc); err != nil {
			t.Fatal(err)
		}
		var items []struct {
			Attributes map[string]json.RawMessage `json:"attributes"`
		}
		if len(doc.Data) > 0 && doc.Data[0] == '{' {
			doc.Data = append(append([]byte("["), doc.Data...), ']')
		}
		if err := json.Unmarshal(doc.Data, &items); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		seen := map[string]bool{}
		for _, it := range items {
			for k := range it.Attributes {
				seen[k] = true
			}
		}
		if len(seen) == 0 {
			t.Fatalf("%s: the fake sent no attributes", tc.path)
		}
		var unknown []string
		for k := range seen {
			if !tc.res.Decodes(k) {
				unknown = append(unknown, k)
			}
		}
		sort.Strings(unknown)
		if len(unknown) > 0 {
			t.Errorf("%s: the fake sends %v, which %s does not declare", tc.path, unknown, tc.res.Type)
		}
	}
}

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Hostile answers through the Terraform CLI: the read stops with one clear
// diagnostic, and nothing reaches the state.
func TestAccHostileAnswersStopTheRead(t *testing.T) {
	devices := `data "abm_org_devices" "all" {}`
	cases := map[string]struct {
		opts   fakeabm.Options
		setup  func(f *fakeabm.Server)
		config string
		want   []string
	}{
		"next link to another host": {
			opts:   fakeabm.Options{Devices: 1500},
			setup:  func(f *fakeabm.Server) { f.SetNextLinkHost("attacker.example"); f.SetNextCursorOmitted(true) },
			config: devices, want: []string{"links.next points at https://attacker.example", "refusing to follow it"},
		},
		"repeated cursor": {
			opts:   fakeabm.Options{Servers: 2500},
			setup:  func(f *fakeabm.Server) { f.SetRepeatCursor(true) },
			config: serversDS, want: []string{"GET /v1/mdmServers page 2", "cursor it had sent before"},
		},
		"page larger than the limit": {
			opts:   fakeabm.Options{Devices: 1500},
			setup:  func(f *fakeabm.Server) { f.SetPageOversize(5) },
			config: devices, want: []string{"GET /v1/orgDevices page 1", "1005 items", "limit of 1000"},
		},
		"duplicate serials across pages": {
			opts:   fakeabm.Options{Devices: 1500},
			setup:  func(f *fakeabm.Server) { f.SetRepeatLastItem(true) },
			config: devices, want: []string{"list org devices", "twice"},
		},
		"truncated JSON": {
			setup: func(f *fakeabm.Server) {
				f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 200, Body: `{"data":[{"type":"mdmServers","id":"X"`})
			},
			config: serversDS, want: []string{"GET /v1/mdmServers page 1", "malformed response body"},
		},
		"wrong JSON type": {
			setup: func(f *fakeabm.Server) {
				f.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Status: 200, Body: `{"data":[{"id":"S1","attributes":{"status":true}}]}`})
			},
			config: devices, want: []string{"device 0 (S1)", "attribute status"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := newTestEnv(t, tc.opts)
			tc.setup(env.fake)
			runExpectingError(t, false, env.providerBlock("")+tc.config, expectOneError(msgRE(tc.want...)))
		})
	}
}

// Apple adds attributes and enum values without notice: they reach the
// state unchanged.
func TestAccNewEnumValuesAndUnknownFieldsPassThrough(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{})
	f := env.fake
	for range 10 { // every read of the step sees the same answers
		f.InjectFaults(fakeabm.RouteOrgDevices, fakeabm.Fault{Status: 200, Body: `{"data":[{"type":"orgDevices","id":"SNEW1",
		  "attributes":{"serialNumber":"SNEW1","productFamily":"iPod","status":"RESERVED","purchaseSourceType":"LEASED",
		  "batteryHealth":{"cycles":3},"wifiMacAddress":["aa","bb"]}}],
		  "included":[{"type":"x","id":"1"}],"meta":{"paging":{"limit":1000,"total":1}}}`})
		f.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 200, Body: `{"data":[{"type":"mdmServers","id":"MNEW1",
		  "attributes":{"serverName":"Future","serverType":"FUTURE","status":"ARCHIVED","defaultProductFamilies":["IPOD","CAR"],
		  "brandNew":[1]}}],"meta":{"paging":{"limit":1000}}}`})
	}
	dev := func(attr string) tfjsonpath.Path { return tfjsonpath.New("devices").AtSliceIndex(0).AtMapKey(attr) }
	srv := func(attr string) tfjsonpath.Path { return tfjsonpath.New("mdm_servers").AtSliceIndex(0).AtMapKey(attr) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_org_devices" "all" {}
data "abm_mdm_servers" "all" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_org_devices.all", dev("serial_number"), knownvalue.StringExact("SNEW1")),
				statecheck.ExpectKnownValue("data.abm_org_devices.all", dev("product_family"), knownvalue.StringExact("iPod")),
				statecheck.ExpectKnownValue("data.abm_org_devices.all", dev("status"), knownvalue.StringExact("RESERVED")),
				statecheck.ExpectKnownValue("data.abm_org_devices.all", dev("purchase_source_type"), knownvalue.StringExact("LEASED")),
				statecheck.ExpectKnownValue("data.abm_org_devices.all", dev("wifi_mac_address"), knownvalue.StringExact("aa,bb")),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", srv("server_type"), knownvalue.StringExact("FUTURE")),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", srv("status"), knownvalue.StringExact("ARCHIVED")),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", srv("default_product_families"), strs("IPOD", "CAR")),
			},
		}},
	})
}

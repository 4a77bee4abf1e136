package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Answers Apple, or a proxy in front of it, really gives, through the
// Terraform CLI: each is read for what it says.

// api_url on a proxy: Apple's links.next names api-business.apple.com, and
// the read still walks every page through the proxy.
func TestAccProxiedAPIURLReadsEveryPage(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{Devices: 1100, Servers: 1100})
	env.fake.SetNextLinkHost("api-business.apple.com")
	listed := 0
	for _, d := range env.fake.Devices() {
		if !d.Released {
			listed++
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `
data "abm_org_devices" "all" {}
data "abm_mdm_servers" "all" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_org_devices.all", tfjsonpath.New("devices"), knownvalue.ListSizeExact(listed)),
				statecheck.ExpectKnownValue("data.abm_mdm_servers.all", tfjsonpath.New("mdm_servers"), knownvalue.ListSizeExact(len(env.fake.MdmServers()))),
			},
		}},
	})
}

// A gateway's HTML 404 on the assigned-server linkage is an error naming the
// device, not an unassigned device.
func TestAccHTML404OnAssignedServerIsAnError(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteAssignedServerLinkage, fakeabm.Fault{Status: 404, HTML: true})
	runExpectingError(t, true, env.providerBlock("")+`data "abm_org_device" "d" { serial_number = "XARRAYMAC0001" }`,
		expectOneError(msgRE("Apple answered HTTP 404", `get assigned server of "XARRAYMAC0001"`, "no Apple error body")))
}

// Apple's own JSON 404 on the linkage still reads as "no server".
func TestAccAppleJSON404OnAssignedServerIsUnassigned(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.SetUnassignedLinkage("404")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_org_device" "d" { serial_number = "XABC123X0ABC123X0" }`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.abm_org_device.d", tfjsonpath.New("assigned_server_id"), knownvalue.Null()),
			},
		}},
	})
}

// invalid_client with Apple's error_description says that description and
// not the checklist meant for Apple's bare answer.
func TestAccInvalidClientWithDescriptionSaysIt(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteToken, fakeabm.Fault{Status: 400,
		Body: `{"error":"invalid_client","error_description":"The client assertion has expired."}`})
	runExpectingError(t, true, env.providerBlock("")+serversDS, func(t *testing.T, out string) {
		t.Helper()
		expectOneError(msgRE("Cannot authenticate with Apple", "HTTP 400 invalid_client: The client assertion has expired."))(t, out)
		if regexp.MustCompile(msgRE("gives no detail")).MatchString(out) {
			t.Errorf("says Apple gave no detail:\n%s", out)
		}
	})
}

// {"errors":[]} says the status and that the list was empty.
func TestAccEmptyErrorListSaysSo(t *testing.T) {
	env := newParallelEnv(t, fakeabm.Options{})
	env.fake.InjectFaults(fakeabm.RouteMdmServers, fakeabm.Fault{Status: 403, Body: `{"errors": []}`})
	runExpectingError(t, true, env.providerBlock("")+serversDS, func(t *testing.T, out string) {
		t.Helper()
		expectOneError(msgRE("Apple answered HTTP 403", "GET /v1/mdmServers: HTTP 403", "error list was empty"))(t, out)
		if regexp.MustCompile(msgRE("no Apple error body")).MatchString(out) {
			t.Errorf("says no body came:\n%s", out)
		}
	})
}

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

// The fixtures: XABC123X0ABC123X0 (Mac, unassigned), XARRAYMAC0001 (on Production
// MDM), XAPPLETV0001 (on Apple Configurator), XSPARSE00001 (unassigned) are listed;
// XRELEASED0001 (a Mac) is released, so it is in no index.
func TestAccExampleDataSourceOrgDeviceIndex(t *testing.T) {
	testDataSourceExample(t, "abm_org_device_index",
		exOutput("devices_by_server", knownvalue.MapExact(map[string]knownvalue.Check{
			"XABC123X0ABC123X0": exStr("(none)"),
			"XARRAYMAC0001":     exStr(exProduction),
			"XAPPLETV0001":      exStr(exConfigurator),
			"XSPARSE00001":      exStr("(none)"),
		})),
		exOutput("unassigned_serials", exList(exStr("XABC123X0ABC123X0"), exStr("XSPARSE00001"))),
		exOutput("mac_status", knownvalue.MapExact(map[string]knownvalue.Check{
			"XABC123X0ABC123X0": exStr("UNASSIGNED"),
		})),
		exOutput("is_listed", knownvalue.MapExact(map[string]knownvalue.Check{
			"XARRAYMAC0001": knownvalue.Bool(true),
			"XRELEASED0001": knownvalue.Bool(false),
		})),
		exOutput("server_of_array_mac", exStr(exProduction)),
	)
}

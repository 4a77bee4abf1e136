package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func countChecks(m map[string]int64) knownvalue.Check {
	checks := make(map[string]knownvalue.Check, len(m))
	for k, v := range m {
		checks[k] = knownvalue.Int64Exact(v)
	}
	return knownvalue.MapExact(checks)
}

func TestAccOrgDeviceSummaryDataSource(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 8, Devices: 2200, Servers: 3})
	f := env.fake
	var total, unassigned int64
	byStatus, byFamily, bySource, byServer := map[string]int64{}, map[string]int64{}, map[string]int64{}, map[string]int64{}
	for _, s := range f.MdmServers() {
		byServer[s.ID] = 0
	}
	for _, d := range f.Devices() {
		if d.Released {
			continue
		}
		total++
		byStatus[d.Value("status")]++
		byFamily[d.Value("productFamily")]++
		if d.Value("purchaseSourceType") != "" {
			bySource[d.Value("purchaseSourceType")]++
		}
		if d.AssignedServerID == "" {
			unassigned++
		} else {
			byServer[d.AssignedServerID]++
		}
	}
	addr := "data.abm_org_device_summary.fleet"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_org_device_summary" "fleet" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("total"), knownvalue.Int64Exact(total)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("unassigned"), knownvalue.Int64Exact(unassigned)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_status"), countChecks(byStatus)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_product_family"), countChecks(byFamily)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_purchase_source_type"), countChecks(bySource)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("by_mdm_server"), countChecks(byServer)),
			},
		}},
	})
}

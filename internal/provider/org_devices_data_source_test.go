package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func strs(v ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(v))
	for i, s := range v {
		checks[i] = knownvalue.StringExact(s)
	}
	return knownvalue.ListExact(checks)
}

// listEntry is the object abm_org_devices shows for fake device d, every
// declared attribute from the value the fake sends: a key Apple leaves out
// or sends as null is null (an empty list for lists), MAC addresses are
// joined with ",", and a list entry has no release time, as Apple's lists
// never carry one. assigned_server_id is null: the list does not read
// linkages.
func listEntry(t *testing.T, d fakeabm.Device) knownvalue.Check {
	t.Helper()
	want := map[string]knownvalue.Check{"assigned_server_id": knownvalue.Null()}
	for _, a := range client.OrgDevices.Attrs {
		k, sent := a.Key, d.HasAttribute(a.Key) && !d.IsNull(a.Key)
		var c knownvalue.Check
		switch {
		case a.Kind == client.Strings || a.Kind == client.MACList:
			c = strs(d.Strings(k)...)
		case !sent || k == "releasedFromOrgDateTime":
			c = knownvalue.Null()
		case a.Kind == client.String:
			c = knownvalue.StringExact(d.Value(k))
		case a.Kind == client.Bool:
			c = knownvalue.Bool(d.Bool(k))
		case a.Kind == client.MACs:
			c = knownvalue.StringExact(strings.Join(d.Strings(k), ","))
		default:
			t.Fatalf("%s: no expectation for kind %v", k, a.Kind)
		}
		want[a.TerraformName()] = c
	}
	return knownvalue.ObjectExact(want)
}

func TestAccOrgDevicesDataSource(t *testing.T) {
	env := newTestEnv(t, fakeabm.Options{Seed: 11, Devices: 1200, Servers: 3})
	listed := 0
	for _, d := range env.fake.Devices() {
		if !d.Released {
			listed++
		}
	}
	device := func(serial string) fakeabm.Device {
		for _, d := range env.fake.Devices() {
			if d.SerialNumber() == serial {
				return d
			}
		}
		t.Fatalf("no device %s", serial)
		return fakeabm.Device{}
	}
	serials := env.fake.ListedSerials()
	devices := tfjsonpath.New("devices")
	addr := "data.abm_org_devices.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviders,
		Steps: []resource.TestStep{{
			Config: env.providerBlock("") + `data "abm_org_devices" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, devices, knownvalue.ListSizeExact(listed)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("serial_numbers"), knownvalue.ListSizeExact(listed)),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("serial_numbers").AtSliceIndex(0), knownvalue.StringExact("XABC123X0ABC123X0")),
				// Apple's documented example device, attribute for attribute.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(0), listEntry(t, device("XABC123X0ABC123X0"))),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(0).AtMapKey("part_number"), knownvalue.StringExact("FD311LL/A")),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(0).AtMapKey("is_mdm_migration_capable"), knownvalue.Null()),
				// MACs sent as arrays, the misspelled purchaseSourceUid, an empty color, migration fields.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1), listEntry(t, device("XARRAYMAC0001"))),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1).AtMapKey("wifi_mac_address"), knownvalue.StringExact("f0:18:98:00:00:01,f0:18:98:00:00:02")),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1).AtMapKey("purchase_source_id"), knownvalue.StringExact("1234567")),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1).AtMapKey("color"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1).AtMapKey("ethernet_mac_address"), knownvalue.ListExact([]knownvalue.Check{})),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(1).AtMapKey("is_mdm_migration_capable"), knownvalue.Bool(true)),
				// Keys Apple left out are null, an explicit null is null, "" stays "", lists are empty.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(2), listEntry(t, device("XSPARSE00001"))),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(2).AtMapKey("device_model"), knownvalue.Null()),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(2).AtMapKey("part_number"), knownvalue.Null()),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(2).AtMapKey("wifi_mac_address"), knownvalue.StringExact("")),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(2).AtMapKey("imei"), knownvalue.ListExact([]knownvalue.Check{})),
				// The released fixture is not in the list: the next one is the Apple TV.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(3).AtMapKey("serial_number"), knownvalue.StringExact("XAPPLETV0001")),
				// Generated devices, the first and the last.
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(4), listEntry(t, device(serials[4]))),
				statecheck.ExpectKnownValue(addr, devices.AtSliceIndex(listed-1), listEntry(t, device(serials[listed-1]))),
			},
		}},
	})
}

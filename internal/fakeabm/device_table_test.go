package fakeabm

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sentValue is a value of kind k that is sent.
func sentValue(k kind) value {
	switch k {
	case kBool:
		return boolean(true)
	case kStrings:
		return strs("a", "b")
	case kMAC:
		return macs(false, "a4:83:e7:00:00:09")
	}
	return str("v")
}

// Each attribute, whatever its row, can be omitted or sent as null on its
// own, and every other attribute is still written.
func TestEveryDeviceAttributeCanBeOmittedOrNull(t *testing.T) {
	s := NewServer(Options{})
	s.SetBaseURL("http://127.0.0.1:1")
	full := s.ds.device(0).clone()
	for i, row := range full.t.rows {
		if full.vals[i].presence != keySent {
			full.vals[i] = sentValue(row.kind)
		}
		full.vals[i].alias = false
	}
	n := len(deviceAttrs.rows)
	mask := deviceAttrs.mask(fieldSel{})
	write := func(d Device) map[string]any {
		t.Helper()
		var j jw
		s.writeDevice(&j, d, fieldSel{}, mask, false)
		var v struct{ Attributes map[string]any }
		if err := json.Unmarshal(j.b, &v); err != nil {
			t.Fatalf("%v: %s", err, j.b)
		}
		return v.Attributes
	}
	if got := len(write(full)); got != n {
		t.Fatalf("a device with nothing omitted has %d attributes, want %d", got, n)
	}
	for k, row := range deviceAttrs.rows {
		d := full.clone()
		d.vals[k] = value{}
		a := write(d)
		if _, ok := a[row.key]; ok || len(a) != n-1 || d.HasAttribute(row.key) {
			t.Errorf("omitting %s (%d): %d attributes, %s present: %v", row.key, k, len(a), row.key, ok)
		}
		d.vals[k] = value{presence: keyNull}
		a = write(d)
		if v, ok := a[row.key]; !ok || v != nil || len(a) != n || !d.IsNull(row.key) {
			t.Errorf("null %s (%d): %v, present %v, %d attributes", row.key, k, v, ok, len(a))
		}
	}
}

// A new attribute draws from its own stream: inserting a row, even one that
// uses the groups, changes no other value of any device, and the JSON of
// every device is the same but for the new key.
func TestAddingAnAttributeChangesNoOtherValue(t *testing.T) {
	extra := deviceAttr{key: "addedInTest", omitPct: 3, nullPct: 2, aliasPct: 5, alias: "addedInTst",
		gen: func(c *genCtx, r *rng) value {
			return str(c.product().family.name + c.dates().order + c.purchaseSource() + r.pattern("??###"))
		}}
	// In the middle of the table, where a new row shifts every row after it.
	rows := slices.Insert(slices.Clone(deviceAttrs.rows), deviceAttrs.index["partNumber"]+1, extra)
	before := newDatasetOf(deviceAttrs, 5, 1000, 6)
	after := newDatasetOf(newDeviceTable(rows...), 5, 1000, 6)
	sBefore, sAfter := &Server{ds: before}, &Server{ds: after}
	sBefore.SetBaseURL("http://127.0.0.1:1")
	sAfter.SetBaseURL("http://127.0.0.1:1")
	if !reflect.DeepEqual(before.listed, after.listed) {
		t.Fatal("the listed devices differ")
	}
	sent := 0
	for i := range before.numDevices() {
		a, b := before.device(i), after.device(i)
		for _, row := range deviceAttrs.rows {
			if va, vb := a.get(row.key), b.get(row.key); !reflect.DeepEqual(va, vb) {
				t.Fatalf("device %d %s: %+v, with another attribute %+v", i, row.key, va, vb)
			}
		}
		if a.AssignedServerID != b.AssignedServerID || a.Released != b.Released ||
			!reflect.DeepEqual(a.AppleCareCoverage, b.AppleCareCoverage) {
			t.Fatalf("device %d: server, release or AppleCare differ", i)
		}
		if b.Value("addedInTest") != "" {
			sent++
		}
		var ja, jb jw
		sBefore.writeDevice(&ja, a, fieldSel{}, before.table.mask(fieldSel{}), false)
		sAfter.writeDevice(&jb, b, fieldSel{}, after.table.mask(fieldSel{}), false)
		if got := dropKey(t, jb.b, "addedInTest", "addedInTst"); got != dropKey(t, ja.b, "", "") {
			t.Fatalf("device %d writes\n%s\nwith another attribute\n%s", i, ja.b, jb.b)
		}
	}
	if sent < 900 {
		t.Errorf("the new attribute is sent by %d of %d devices", sent, before.numDevices())
	}
}

// dropKey is the JSON of one device with the attribute keys left out.
func dropKey(t *testing.T, b []byte, keys ...string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if a, ok := v["attributes"].(map[string]any); ok {
		for _, k := range keys {
			delete(a, k)
		}
	}
	out, _ := json.Marshal(v)
	return string(out)
}

// The generated fleet keeps its proportions: each figure is the percentage
// the generator draws, within what 20,000 devices allow.
func TestGeneratedDeviceProportions(t *testing.T) {
	ds := newDataset(1, 20000, 6)
	count := map[string]int{}
	n := 0
	for i := len(ds.fixtures); i < ds.numDevices(); i++ {
		d := ds.device(i)
		n++
		for _, k := range []string{"partNumber", "color", "deviceCapacity", "orderDateTime", "ethernetMacAddress", "imei", "isMdmMigrationCapable", "mdmMigrationStatus", "wifiMacAddress"} {
			if !d.HasAttribute(k) {
				count["omit "+k]++
			}
		}
		if d.IsNull("deviceModel") {
			count["null deviceModel"]++
		}
		if !d.IsNull("releasedFromOrgDateTime") {
			count["released"]++
		}
		count[d.Value("purchaseSourceType")]++
		count["family "+d.Value("productFamily")]++
		if d.HasAttribute("purchaseSourceUid") && d.get("purchaseSourceId").alias {
			count["purchaseSourceUid"]++
		}
		if len(d.Strings("imei")) == 2 {
			count["two imei"]++
		}
		if d.get("wifiMacAddress").array {
			count["wifi array"]++
		}
		if d.HasAttribute("wifiMacAddress") != d.HasAttribute("bluetoothMacAddress") {
			t.Fatalf("%s: one MAC of two left out", d.SerialNumber())
		}
		if d.HasAttribute("ethernetMacAddress") != (d.Value("productFamily") == "Mac" || d.Value("productFamily") == "AppleTV") {
			t.Fatalf("%s: ethernet on a %s", d.SerialNumber(), d.Value("productFamily"))
		}
		if (d.Value("purchaseSourceType") == "MANUALLY_ADDED") == d.HasAttribute("orderNumber") {
			t.Fatalf("%s: order number of a %s device", d.SerialNumber(), d.Value("purchaseSourceType"))
		}
		if m := d.Value("deviceModel"); m != "" && !strings.Contains(modelsOf(d.Value("productFamily")), "|"+m+"|") {
			t.Fatalf("%s: model %s of a %s", d.SerialNumber(), m, d.Value("productFamily"))
		}
		if (d.Value("releasedFromOrgDateTime") != "") != d.Released {
			t.Fatalf("%s: release time %q, released %v", d.SerialNumber(), d.Value("releasedFromOrgDateTime"), d.Released)
		}
	}
	want := map[string]float64{
		"omit partNumber": 3, "omit color": 3, "omit deviceCapacity": 3, "omit orderDateTime": 3,
		"null deviceModel": 1, "released": 2, "APPLE": 45, "RESELLER": 40, "MANUALLY_ADDED": 15,
		"family iPhone": 30, "family iPad": 20, "family Mac": 30, "family AppleTV": 7, "family Watch": 8, "family Vision": 5,
		"omit ethernetMacAddress": 63, "omit imei": 100 - (30 + 20*0.4 + 8*0.3), "omit isMdmMigrationCapable": 65,
		"omit mdmMigrationStatus": 100 - 35*0.6*0.4, "omit wifiMacAddress": 5, "purchaseSourceUid": 5 * 0.85,
		"two imei": 0.3 * (30 + 20*0.4 + 8*0.3), "wifi array": 50 * 0.95,
	}
	for k, pct := range want {
		got := 100 * float64(count[k]) / float64(n)
		if d := got - pct; d < -1.5 || d > 1.5 {
			t.Errorf("%s: %.1f%% of devices, want %.1f%%", k, got, pct)
		}
	}
}

func modelsOf(family string) string {
	out := "|"
	for _, f := range families {
		if f.name == family {
			for _, m := range f.models {
				out += m.name + "|"
			}
		}
	}
	return out
}

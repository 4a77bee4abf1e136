package fakeabm

import (
	"encoding/json"
	"testing"
)

// The set holds every device attribute there is, past the 32 an uint32 mask
// held: the 33rd (index 32) is kept like the first.
func TestAttrSetHasNoFixedWidth(t *testing.T) {
	if room := len(attrSet{}) * 64; room < nDeviceAttrs {
		t.Fatalf("attrSet holds %d attributes, the fake has %d", room, nDeviceAttrs)
	}
	for _, k := range []int{0, 31, 32, 33, len(attrSet{})*64 - 1} {
		s := attrSetOf(k)
		for j := range len(attrSet{}) * 64 {
			if s.has(j) != (j == k) {
				t.Errorf("attrSetOf(%d).has(%d) = %v", k, j, s.has(j))
			}
		}
		if s.empty() || !s.minus(s).empty() || !s.union(attrSetOf(0)).has(k) {
			t.Errorf("set operations on attribute %d", k)
		}
	}
}

// Each attribute, whatever its index, can be omitted or sent as null on its
// own, and every other attribute is still written.
func TestEveryDeviceAttributeCanBeOmittedOrNull(t *testing.T) {
	s := NewServer(Options{})
	s.SetBaseURL("http://127.0.0.1:1")
	full := s.ds.device(0)
	full.omit, full.null, full.PurchaseSourceIDMisspelled = attrSet{}, attrSet{}, false
	mask := deviceMask(fieldSel{})
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
	if got := len(write(full)); got != nDeviceAttrs {
		t.Fatalf("a device with nothing omitted has %d attributes, want %d", got, nDeviceAttrs)
	}
	for k, name := range deviceAttrNames {
		d := full
		d.omit = attrSetOf(k)
		a := write(d)
		if _, ok := a[name]; ok || len(a) != nDeviceAttrs-1 {
			t.Errorf("omitting %s (%d): %d attributes, %s present: %v", name, k, len(a), name, ok)
		}
		d = full
		d.null = attrSetOf(k)
		a = write(d)
		if v, ok := a[name]; !ok || v != nil || len(a) != nDeviceAttrs {
			t.Errorf("null %s (%d): %v, present %v, %d attributes", name, k, v, ok, len(a))
		}
	}
}

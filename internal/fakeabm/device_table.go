package fakeabm

import "fmt"

// A device's attributes are rows of a table (deviceAttrs, in
// device_attrs.go): each row says how its value is written and generated,
// and a device holds one value per row. A new attribute is a new row.

// deviceAttr is one attribute of an org device.
type deviceAttr struct {
	key   string
	kind  kind
	alias string // another spelling of the key Apple sends (its own example misspells purchaseSourceId)
	gen   draw   // the value of a generated device

	// How often, in percent, a generated device leaves the key out, sends it
	// as null, or spells it as alias; each is drawn from the attribute's own
	// stream before gen.
	omitPct, nullPct, aliasPct int
}

// kind is how an attribute's value is written.
type kind uint8

const (
	kString   kind = iota // a string
	kBool                 // true or false
	kStrings              // an array of strings
	kMAC                  // a string, or an array when the value says so: documented as a string, seen as arrays
	kE2String             // a string when one device is read (E2); null in lists (E1)
)

// presence is whether a device sends an attribute's key, and how.
type presence uint8

const (
	keyOmitted presence = iota // the key is left out
	keyNull                    // "key": null
	keySent                    // "key": the value
)

// value is one attribute of one device.
type value struct {
	presence presence
	s        string   // kString, kE2String
	list     []string // kStrings, kMAC
	b        bool     // kBool
	array    bool     // a kMAC value sent as an array
	alias    bool     // the key sent with the row's alias spelling
}

func str(s string) value                 { return value{presence: keySent, s: s} }
func strs(v ...string) value             { return value{presence: keySent, list: v} }
func boolean(b bool) value               { return value{presence: keySent, b: b} }
func macs(array bool, v ...string) value { return value{presence: keySent, list: v, array: array} }

// write writes v, a value that is sent, as kind k.
func (k kind) write(j *jw, v value, inList bool) {
	switch k {
	case kString:
		j.str(v.s)
	case kBool:
		j.boolean(v.b)
	case kStrings:
		j.strs(nonNil(v.list))
	case kMAC:
		writeMAC(j, v.list, v.array)
	case kE2String:
		if inList {
			j.null()
		} else {
			j.str(v.s)
		}
	}
}

// writeMAC writes a documented string, or the array Apple has been seen sending.
func writeMAC(j *jw, v []string, asArray bool) {
	if asArray {
		j.strs(nonNil(v))
		return
	}
	if len(v) == 0 {
		j.str("")
		return
	}
	j.str(v[0])
}

func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// deviceTable is the attribute rows with what is derived from them: the
// index of each key and the random stream of each attribute.
type deviceTable struct {
	rows    []deviceAttr
	index   map[string]int // by key and by alias
	streams []uint64
}

func newDeviceTable(rows ...deviceAttr) *deviceTable {
	t := &deviceTable{rows: rows, index: make(map[string]int, len(rows)+1), streams: make([]uint64, len(rows))}
	for i, r := range rows {
		t.index[r.key] = i
		if r.alias != "" {
			t.index[r.alias] = i
		}
		t.streams[i] = streamOf(r.key)
	}
	return t
}

// keys is every attribute key, in the order devices are written.
func (t *deviceTable) keys() []string {
	out := make([]string, len(t.rows))
	for i, r := range t.rows {
		out[i] = r.key
	}
	return out
}

// mask is which attributes a fields[orgDevices] selection asks for.
func (t *deviceTable) mask(sel fieldSel) []bool {
	m := make([]bool, len(t.rows))
	for i, r := range t.rows {
		m[i] = sel.has(r.key)
	}
	return m
}

// device builds a fixture device from its attributes as Apple's JSON has
// them: a key that is not given is left out, nil is null, a string is a
// string (a MAC sent as a string), a []string an array (a MAC sent as an
// array), a bool a boolean; an alias key stands for its attribute spelled
// that way.
func (t *deviceTable) device(d Device, attrs map[string]any) Device {
	d.t, d.vals = t, make([]value, len(t.rows))
	for key, a := range attrs {
		i, ok := t.index[key]
		if !ok {
			panic("fakeabm: fixture attribute " + key + " is not an orgDevices attribute")
		}
		v, ok := fixtureValue(t.rows[i].kind, a)
		if !ok {
			panic(fmt.Sprintf("fakeabm: fixture attribute %s: %T is not a value of its kind", key, a))
		}
		v.alias = key != t.rows[i].key
		d.vals[i] = v
	}
	return d
}

func fixtureValue(k kind, a any) (value, bool) {
	switch a := a.(type) {
	case nil:
		return value{presence: keyNull}, true
	case string:
		switch k {
		case kString, kE2String:
			return str(a), true
		case kMAC:
			return macs(false, a), true
		}
	case []string:
		switch k {
		case kStrings:
			return strs(a...), true
		case kMAC:
			return macs(true, a...), true
		}
	case bool:
		return boolean(a), k == kBool
	}
	return value{}, false
}

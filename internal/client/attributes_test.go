package client

import (
	"reflect"
	"strings"
	"testing"
)

func TestSnakeCase(t *testing.T) {
	for key, want := range map[string]string{
		"partNumber": "part_number", "lastConnectedIp": "last_connected_ip", "supportedOS": "supported_os",
		"roleOuList": "role_ou_list", "eid": "eid", "isMdmMigrationCapable": "is_mdm_migration_capable",
		"URLValue": "url_value", "customSettingsValues": "custom_settings_values",
	} {
		if got := SnakeCase(key); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", key, got, want)
		}
	}
}

// A declaration that would lose or confuse attributes fails when the
// package loads, not silently at run time.
func TestNewResourceRefusesBadDeclarations(t *testing.T) {
	cases := map[string][]Attribute{
		"twice":           {{Key: "a", Kind: String}, {Key: "a", Kind: String}},
		"named twice":     {{Key: "aB", Kind: String}, {Key: "x", Kind: String, Name: "a_b"}},
		"no kind":         {{Key: "a"}},
		"id not a string": {{Key: "a", Kind: Bool, FromID: true}},
		"too many":        make([]Attribute, maxAttributes+1),
	}
	for name, attrs := range cases {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			NewResource("things", "thing", attrs...)
		}()
	}
}

// Records keep any number of attributes: there is no fixed-width presence
// mask to overflow.
func TestRecordKeepsManyAttributesAndLongLists(t *testing.T) {
	var attrs []Attribute
	var body strings.Builder
	body.WriteString(`{"data":{"id":"X","attributes":{`)
	for i := range 100 {
		key := "a" + strings.Repeat("b", i)
		attrs = append(attrs, Attribute{Key: key, Kind: String})
		if i > 0 {
			body.WriteString(",")
		}
		body.WriteString(`"` + key + `":"` + key + `"`)
	}
	long := strings.Repeat("é", 300)
	attrs = append(attrs, Attribute{Key: "list", Kind: Strings})
	body.WriteString(`,"list":["` + long + `","",null,"z"]}}}`)
	res := NewResource("many", "item", attrs...)
	r, err := decodeDocument([]byte(body.String()), res)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range attrs[:100] {
		if v, ok := r.Str(i); !ok || v != a.Key {
			t.Fatalf("attribute %d = %q, %v", i, v, ok)
		}
	}
	if got := r.List(100); !reflect.DeepEqual(got, []string{long, "", "", "z"}) || r.ListLen(100) != 4 {
		t.Errorf("list = %q (%d)", got, r.ListLen(100))
	}
}

// Nested objects, raw JSON and a payload named by another attribute, as
// Apple's users (phoneNumbers), configurations (customSettingsValues) and
// audit events (eventData…) send them.
func TestNestedObjectsRawJSONAndNamedPayload(t *testing.T) {
	phone := NewResource("phoneNumbers", "phone number",
		Attribute{Key: "phoneNumber", Kind: String}, Attribute{Key: "type", Kind: String})
	res := NewResource("things", "thing",
		Attribute{Key: "phones", Kind: Objects, Of: phone},
		Attribute{Key: "one", Kind: Object, Of: phone},
		Attribute{Key: "raw", Kind: JSON},
		Attribute{Key: "eventDataPropertyKey", Kind: String},
		Attribute{Key: "eventData", Name: "event_data", Kind: JSON, NamedBy: "eventDataPropertyKey"},
	)
	body := `{"data":[
{"id":"A","attributes":{"eventDataDeviceAdded":{"serialNumber":"S", "n":[1,2]},"phones":[{"phoneNumber":"1","type":"WORK","extra":1},{"type":null}],
 "one":{"phoneNumber":"2"},"raw":[1,{"a":null}],"eventDataPropertyKey":"eventDataDeviceAdded","eventDataOther":{"x":1}}},
{"id":"B","attributes":{"eventDataPropertyKey":"eventDataMissing","eventDataOther":{}}},
{"id":"C","attributes":{"phones":null,"one":null,"eventDataPropertyKey":"eventDataNull","eventDataNull":null}}
]}`
	var got []*Record
	if _, err := decodePage([]byte(body), res, func(r *Record) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	a := got[0]
	phones := a.Objects(0, phone)
	if len(phones) != 2 || keyStr(phones[0], 0) != "1" || keyStr(phones[0], 1) != "WORK" || phones[1].Present(0) || !phones[1].Present(1) {
		t.Errorf("phones = %v", phones)
	}
	if one := a.Object(1, phone); one == nil || keyStr(one, 0) != "2" || one.Present(1) {
		t.Errorf("one = %v", one)
	}
	if v, _ := a.Str(2); v != `[1,{"a":null}]` {
		t.Errorf("raw = %s", v)
	}
	if v, ok := a.Str(4); !ok || v != `{"serialNumber":"S", "n":[1,2]}` {
		t.Errorf("event_data = %q %v", v, ok)
	}
	if got[1].Present(4) {
		t.Error("a payload key that is not there must leave event_data absent")
	}
	if got[2].Objects(0, phone) != nil || got[2].Object(1, phone) != nil || !got[2].Present(4) {
		t.Error("null objects and a null payload")
	}
	if _, err := decodePage([]byte(`{"data":[{"id":"X","attributes":{"phones":[{"type":5}]}}]}`), res, func(*Record) error { return nil }); err == nil ||
		!strings.Contains(err.Error(), "phoneNumbers attribute type: expected a string") {
		t.Errorf("wrong nested type: %v", err)
	}
}

func keyStr(r *Record, i int) string { v, _ := r.Str(i); return v }

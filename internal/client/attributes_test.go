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

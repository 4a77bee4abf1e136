package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Arguments are read by name through accessors: a name the configuration
// (the schema) does not have is an error, never a null; null arguments read
// as not set.
func TestConfigArgsReadByNameAndRefuseUnknownNames(t *testing.T) {
	set := tftypes.Set{ElementType: tftypes.String}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"name": tftypes.String, "flag": tftypes.Bool, "kinds": set, "unset": tftypes.String, "maybe": tftypes.Bool,
	}}
	config := tftypes.NewValue(typ, map[string]tftypes.Value{
		"name":  tftypes.NewValue(tftypes.String, "x"),
		"flag":  tftypes.NewValue(tftypes.Bool, true),
		"kinds": tftypes.NewValue(set, []tftypes.Value{tftypes.NewValue(tftypes.String, "A"), tftypes.NewValue(tftypes.String, "B")}),
		"unset": tftypes.NewValue(tftypes.String, nil),
		"maybe": tftypes.NewValue(tftypes.Bool, nil),
	})
	a, err := configAttrs(config)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok, err := a.str("name"); s != "x" || !ok || err != nil {
		t.Errorf("str(name) = %q, %v, %v", s, ok, err)
	}
	if s, ok, err := a.str("unset"); s != "" || ok || err != nil {
		t.Errorf("str(unset) = %q, %v, %v", s, ok, err)
	}
	if b, err := a.boolean("flag"); !b || err != nil {
		t.Errorf("boolean(flag) = %v, %v", b, err)
	}
	if b, err := a.optionalBool("maybe"); b != nil || err != nil {
		t.Errorf("optionalBool(maybe) = %v, %v", b, err)
	}
	if b, err := a.optionalBool("flag"); b == nil || !*b || err != nil {
		t.Errorf("optionalBool(flag) = %v, %v", b, err)
	}
	if f, err := a.filter("kinds"); err != nil || !f.matchString("A") || f.matchString("C") {
		t.Errorf("filter(kinds) = %v, %v", f, err)
	}
	if v, ok, err := a.strings("kinds"); len(v) != 2 || !ok || err != nil {
		t.Errorf("strings(kinds) = %v, %v, %v", v, ok, err)
	}
	for name, read := range map[string]func() error{
		"str":          func() error { _, _, err := a.str("not_an_argument"); return err },
		"strings":      func() error { _, _, err := a.strings("not_an_argument"); return err },
		"filter":       func() error { _, err := a.filter("not_an_argument"); return err },
		"boolean":      func() error { _, err := a.boolean("not_an_argument"); return err },
		"optionalBool": func() error { _, err := a.optionalBool("not_an_argument"); return err },
	} {
		if err := read(); err == nil || !strings.Contains(err.Error(), `"not_an_argument"`) {
			t.Errorf("%s of a name not in the schema: %v, want an error naming it", name, err)
		}
	}
	// A wrong type is an error that names the argument.
	if _, err := a.boolean("name"); err == nil || !strings.Contains(err.Error(), "name") {
		t.Errorf("boolean(name) of a string: %v", err)
	}
}

package provider

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Helpers for reading a configuration's tftypes value: every data source
// reads its arguments from it and writes its state with writeState.

// configAttrs returns the attributes of a configuration object; a null
// object has none.
func configAttrs(v tftypes.Value) (map[string]tftypes.Value, error) {
	m := map[string]tftypes.Value{}
	if v.IsNull() || !v.IsKnown() {
		return m, nil
	}
	if err := v.As(&m); err != nil {
		return nil, fmt.Errorf("reading the configuration: %w", err)
	}
	return m, nil
}

// configStrings reads a list or set of strings; null gives nil, false.
func configStrings(v tftypes.Value) ([]string, bool, error) {
	if v.IsNull() || !v.IsKnown() {
		return nil, false, nil
	}
	var elems []tftypes.Value
	if err := v.As(&elems); err != nil {
		return nil, false, err
	}
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		var s string
		if err := e.As(&s); err != nil {
			return nil, false, err
		}
		out = append(out, s)
	}
	return out, true, nil
}

// configFilter reads an optional list or set of strings as a filter; null
// gives the nil filter, which matches everything.
func configFilter(v tftypes.Value) (filter, error) {
	values, set, err := configStrings(v)
	if err != nil || !set {
		return nil, err
	}
	return newFilter(values), nil
}

// configString reads an optional string; null gives "", false.
func configString(v tftypes.Value) (string, bool, error) {
	if v.IsNull() || !v.IsKnown() {
		return "", false, nil
	}
	var s string
	return s, true, v.As(&s)
}

func configBool(v tftypes.Value) (bool, error) {
	if v.IsNull() || !v.IsKnown() {
		return false, nil
	}
	var b bool
	return b, v.As(&b)
}

// configReadTimeout reads timeouts.read from a data source configuration,
// as terraform-plugin-framework-timeouts does for the framework's sources.
func configReadTimeout(attrs map[string]tftypes.Value) (time.Duration, error) {
	t, ok := attrs["timeouts"]
	if !ok {
		return defaultReadTimeout, nil
	}
	inner, err := configAttrs(t)
	if err != nil {
		return 0, err
	}
	r, ok := inner["read"]
	if !ok || r.IsNull() || !r.IsKnown() {
		return defaultReadTimeout, nil
	}
	var s string
	if err := r.As(&s); err != nil {
		return 0, err
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("timeouts.read %q is not a duration such as \"30s\" or \"20m\": %w", s, err)
	}
	return d, nil
}

// objectAttrTypes is the attribute types of an object type.
func objectAttrTypes(t tftypes.Type) (map[string]tftypes.Type, error) {
	o, ok := t.(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("expected an object type, got %s", t)
	}
	return o.AttributeTypes, nil
}

// firstError is the first of errs that is not nil.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// errUnknownAttribute is the error for a device attribute name that is not
// one, should a value skip the schema's validation (an unknown at plan).
func errUnknownAttribute(name string) error {
	return fmt.Errorf("%q is not a device attribute; use one of %s", name, strings.Join(indexableAttributes(), ", "))
}

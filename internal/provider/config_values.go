package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Helpers for reading a configuration's tftypes value, for the data
// sources whose state is encoded by hand (device_msgpack.go).

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

package provider

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Helpers for reading a configuration's tftypes value: every data source
// reads its arguments from it and writes its state with writeState.

// configArgs are the attributes of a data source's configuration, read by
// name through its methods. Terraform sends every attribute of the schema,
// null when not set, so a name that is not there is a mistake in the code,
// not an argument left out: it is an error, never a null.
type configArgs map[string]tftypes.Value

// configAttrs returns the attributes of a configuration object; a null
// object has none, and every argument of it reads as null.
func configAttrs(v tftypes.Value) (configArgs, error) {
	m := map[string]tftypes.Value{}
	if v.IsNull() || !v.IsKnown() {
		return m, nil
	}
	if err := v.As(&m); err != nil {
		return nil, fmt.Errorf("reading the configuration: %w", err)
	}
	return m, nil
}

// value is one argument's value; an argument the schema does not have is
// an error.
func (a configArgs) value(name string) (tftypes.Value, error) {
	v, ok := a[name]
	if !ok && len(a) > 0 {
		return tftypes.Value{}, fmt.Errorf("the provider read an argument %q that this data source's schema does not have; please report this", name)
	}
	if !ok {
		return tftypes.NewValue(tftypes.DynamicPseudoType, nil), nil
	}
	return v, nil
}

// strings reads a list or set of strings; null gives nil, false.
func (a configArgs) strings(name string) ([]string, bool, error) {
	v, err := a.value(name)
	if err != nil || v.IsNull() || !v.IsKnown() {
		return nil, false, err
	}
	var elems []tftypes.Value
	if err := v.As(&elems); err != nil {
		return nil, false, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		var s string
		if err := e.As(&s); err != nil {
			return nil, false, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, s)
	}
	return out, true, nil
}

// filter reads an optional list or set of strings as a filter; null gives
// the nil filter, which matches everything.
func (a configArgs) filter(name string) (filter, error) {
	values, set, err := a.strings(name)
	if err != nil || !set {
		return nil, err
	}
	return newFilter(values), nil
}

// str reads an optional string; null gives "", false.
func (a configArgs) str(name string) (string, bool, error) {
	v, err := a.value(name)
	if err != nil || v.IsNull() || !v.IsKnown() {
		return "", false, err
	}
	var s string
	if err := v.As(&s); err != nil {
		return "", false, fmt.Errorf("%s: %w", name, err)
	}
	return s, true, nil
}

// boolean reads an optional bool; null gives false.
func (a configArgs) boolean(name string) (bool, error) {
	v, err := a.value(name)
	if err != nil || v.IsNull() || !v.IsKnown() {
		return false, err
	}
	var b bool
	if err := v.As(&b); err != nil {
		return false, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}

// optionalBool reads a bool that may be left out: null gives nil.
func (a configArgs) optionalBool(name string) (*bool, error) {
	v, err := a.value(name)
	if err != nil || v.IsNull() || !v.IsKnown() {
		return nil, err
	}
	b, err := a.boolean(name)
	return &b, err
}

// configReadTimeout reads timeouts.read from a data source configuration,
// as terraform-plugin-framework-timeouts does for the framework's sources.
func configReadTimeout(attrs configArgs) (time.Duration, error) {
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

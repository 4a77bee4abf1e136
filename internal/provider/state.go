package provider

import (
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// writeState encodes a data source's state — the one way every data source
// writes state. Each attribute of the configuration's type is written in
// sorted order (the order MessagePack objects are read in) by its writer in
// computed, or else copied from the configuration: arguments go back to
// Terraform as they were configured.
func writeState(config tftypes.Value, computed map[string]func(*msgpackWriter), sizeHint int) ([]byte, error) {
	attrTypes, err := objectAttrTypes(config.Type())
	if err != nil {
		return nil, err
	}
	attrs, err := configAttrs(config)
	if err != nil {
		return nil, err
	}
	w := &msgpackWriter{buf: make([]byte, 0, 256+sizeHint)}
	w.mapLen(len(attrTypes))
	for _, name := range sortedKeys(attrTypes) {
		w.str(name)
		if write, ok := computed[name]; ok {
			write(w)
			continue
		}
		v, ok := attrs[name]
		if !ok {
			v = tftypes.NewValue(attrTypes[name], nil)
		}
		b, err := encodeValue(attrTypes[name], v)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", name, err)
		}
		w.raw(b)
	}
	return w.buf, nil
}

// sortedKeys is the keys of m in sorted order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// encodeValue encodes one configuration value, to be copied into a state as
// configured.
func encodeValue(t tftypes.Type, v tftypes.Value) ([]byte, error) {
	dv, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		return nil, err
	}
	return dv.MsgPack, nil
}

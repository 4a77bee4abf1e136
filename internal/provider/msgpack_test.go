package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The hand-written encoder must produce what tftypes decodes, at every
// length boundary of MessagePack's string, array and map headers.
func TestMsgpackWriterRoundTrips(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 255, 256, 65535, 65536} {
		s := strings.Repeat("x", n)
		w := &msgpackWriter{}
		w.str(s)
		v, err := decodeMsgpack(w.buf, tftypes.String)
		var got string
		if err != nil || v.As(&got) != nil || got != s {
			t.Errorf("string of %d bytes: err %v", n, err)
		}
	}
	for _, n := range []int{0, 15, 16, 65535, 65536} {
		items := make([]string, n)
		w := &msgpackWriter{}
		w.strings(items)
		v, err := decodeMsgpack(w.buf, tftypes.List{ElementType: tftypes.String})
		var got []tftypes.Value
		if err != nil || v.As(&got) != nil || len(got) != n {
			t.Errorf("list of %d: err %v, got %d", n, err, len(got))
		}
	}
	for _, n := range []int{1, 15, 16, 40} {
		attrs := map[string]tftypes.Type{}
		w := &msgpackWriter{}
		w.mapLen(n)
		for i := range n {
			name := strings.Repeat("a", i+1)
			attrs[name] = tftypes.Bool
			w.str(name)
			if i%2 == 0 {
				w.boolean(i%4 == 0)
			} else {
				w.null()
			}
		}
		if _, err := decodeMsgpack(w.buf, tftypes.Object{AttributeTypes: attrs}); err != nil {
			t.Errorf("object of %d attributes: %v", n, err)
		}
	}
}

func decodeMsgpack(b []byte, t tftypes.Type) (tftypes.Value, error) {
	return (&tfprotov6.DynamicValue{MsgPack: b}).Unmarshal(t)
}

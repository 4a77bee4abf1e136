package provider

import (
	"encoding/binary"
	"math"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// msgpackWriter appends the subset of MessagePack that Terraform's plugin
// protocol uses for state values of strings, booleans, lists and objects
// (objects are maps keyed by attribute name, null is nil). It exists so the
// device list can be encoded as it is produced, without first building
// millions of intermediate values.
type msgpackWriter struct {
	buf []byte
}

func (w *msgpackWriter) null() { w.buf = append(w.buf, 0xc0) }

func (w *msgpackWriter) boolean(v bool) {
	if v {
		w.buf = append(w.buf, 0xc3)
	} else {
		w.buf = append(w.buf, 0xc2)
	}
}

func (w *msgpackWriter) str(s string) {
	n := len(s)
	switch {
	case n < 32:
		w.buf = append(w.buf, 0xa0|byte(n)) //nolint:gosec // n < 32
	case n <= math.MaxUint8:
		w.buf = append(w.buf, 0xd9, byte(n))
	case n <= math.MaxUint16:
		w.buf = append(w.buf, 0xda)
		w.buf = binary.BigEndian.AppendUint16(w.buf, uint16(n))
	default:
		w.buf = append(w.buf, 0xdb)
		w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(n)) //nolint:gosec // JSON strings from Apple are far below 4 GiB
	}
	w.buf = append(w.buf, s...)
}

func (w *msgpackWriter) arrayLen(n int) {
	switch {
	case n < 16:
		w.buf = append(w.buf, 0x90|byte(n)) //nolint:gosec // n < 16
	case n <= math.MaxUint16:
		w.buf = append(w.buf, 0xdc)
		w.buf = binary.BigEndian.AppendUint16(w.buf, uint16(n))
	default:
		w.buf = append(w.buf, 0xdd)
		w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(n)) //nolint:gosec // bounded by the device count
	}
}

func (w *msgpackWriter) mapLen(n int) {
	switch {
	case n < 16:
		w.buf = append(w.buf, 0x80|byte(n)) //nolint:gosec // n < 16
	case n <= math.MaxUint16:
		w.buf = append(w.buf, 0xde)
		w.buf = binary.BigEndian.AppendUint16(w.buf, uint16(n))
	default:
		w.buf = append(w.buf, 0xdf)
		w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(n)) //nolint:gosec // object attribute counts are small
	}
}

func (w *msgpackWriter) strings(items []string) {
	w.arrayLen(len(items))
	for _, s := range items {
		w.str(s)
	}
}

// field writes an attribute Apple may leave out: null unless set.
func (w *msgpackWriter) field(f client.Field[string]) {
	if f.Valid {
		w.str(f.Value)
	} else {
		w.null()
	}
}

// int64 writes a number as MessagePack's 64-bit signed integer, which
// Terraform decodes into a number of any size.
func (w *msgpackWriter) int64(n int64) {
	w.buf = append(w.buf, 0xd3)
	w.buf = binary.BigEndian.AppendUint64(w.buf, uint64(n)) //nolint:gosec // the two's complement bits are what MessagePack stores
}

// raw appends an already encoded value.
func (w *msgpackWriter) raw(b []byte) { w.buf = append(w.buf, b...) }

package client

import (
	"encoding/binary"
	"fmt"
	"strconv"
)

// Record is one resource as Apple sent it: its id and the value of each
// declared attribute, in declaration order. Every value lives in one string
// with one uint32 per attribute (its end offset and whether it was absent,
// null or set), so a fleet of 100,000 devices stays around 50 MB and a
// record costs three allocations however many attributes are declared.
type Record struct {
	ID    string
	text  string   // the id, then each attribute's value in declaration order
	cells []uint32 // per attribute: end offset in text | state << stateShift
}

// An attribute's state, kept in the top bits of its cell.
const (
	stateAbsent = 0 // the key was not in the JSON
	stateNull   = 1 // the key was there with null
	stateSet    = 2 // the key had a value

	stateShift = 30
	offsetMask = 1<<stateShift - 1
)

func (r *Record) span(i int) (string, uint32) {
	c := r.cells[i]
	start := len(r.ID)
	if i > 0 {
		start = int(r.cells[i-1] & offsetMask)
	}
	return r.text[start:int(c&offsetMask)], c >> stateShift
}

// Present says whether Apple's JSON had the attribute's key, null or not.
func (r *Record) Present(i int) bool { return r.cells[i]>>stateShift != stateAbsent }

// Str is a String or MACs attribute and whether it has a value (not absent
// or null). MAC addresses come joined with ",".
func (r *Record) Str(i int) (string, bool) {
	v, st := r.span(i)
	return v, st == stateSet
}

// Field is a String or MACs attribute in the form filters compare.
func (r *Record) Field(i int) Field[string] {
	v, st := r.span(i)
	return Field[string]{Present: st != stateAbsent, Valid: st == stateSet, Value: v}
}

// Bool is a Bool attribute and whether it has a value.
func (r *Record) Bool(i int) (bool, bool) {
	v, st := r.span(i)
	return v == "1", st == stateSet
}

// Int64 is an Int64 attribute and whether it has a value.
func (r *Record) Int64(i int) (int64, bool) {
	v, st := r.span(i)
	if st != stateSet {
		return 0, false
	}
	n, _ := strconv.ParseInt(v, 10, 64) // checked when decoded
	return n, true
}

// List is a Strings or MACList attribute: nil when Apple sent none, absent
// or null.
func (r *Record) List(i int) []string {
	v, st := r.span(i)
	if st != stateSet || v == "" {
		return nil
	}
	var out []string
	for len(v) > 0 {
		n, w := uvarint(v)
		out = append(out, v[w:w+n])
		v = v[w+n:]
	}
	return out
}

// EachListItem calls each for every item of a Strings or MACList
// attribute, in order, without building a slice.
func (r *Record) EachListItem(i int, each func(string)) {
	v, st := r.span(i)
	for st == stateSet && len(v) > 0 {
		n, w := uvarint(v)
		each(v[w : w+n])
		v = v[w+n:]
	}
}

// Objects is an Objects attribute's objects, each a record of the
// attribute's nested declaration; nil when Apple sent none.
func (r *Record) Objects(i int, of *Resource) []*Record {
	var out []*Record
	r.EachListItem(i, func(item string) {
		out = append(out, mustDecodeObject(item, of))
	})
	return out
}

// Object is an Object attribute's object, or nil when Apple sent none.
func (r *Record) Object(i int, of *Resource) *Record {
	v, st := r.span(i)
	if st != stateSet {
		return nil
	}
	return mustDecodeObject(v, of)
}

// mustDecodeObject decodes a nested object that was checked when its
// record was decoded.
func mustDecodeObject(text string, of *Resource) *Record {
	o, err := decodeObject(&scanner{data: []byte(text)}, newRecordBuilder(of))
	if err != nil {
		panic(fmt.Sprintf("a nested %s object checked when decoded no longer decodes: %v", of.Type, err)) // a bug in the decoder
	}
	return o
}

// ListLen is the number of items of a Strings or MACList attribute.
func (r *Record) ListLen(i int) int {
	v, st := r.span(i)
	n := 0
	for st == stateSet && len(v) > 0 {
		l, w := uvarint(v)
		v = v[w+l:]
		n++
	}
	return n
}

// uvarint reads the length prefix recordBuilder writes before a list item.
func uvarint(s string) (n, width int) {
	var shift uint
	for i := 0; i < len(s); i++ {
		b := s[i]
		n |= int(b&0x7f) << shift
		if b < 0x80 {
			return n, i + 1
		}
		shift += 7
	}
	return n, len(s)
}

// recordBuilder collects one resource's attribute values as the scanner
// meets them, in whatever order Apple sent the keys, and lays them out in
// declaration order at the end. It is reused from one item to the next.
type recordBuilder struct {
	res   *Resource
	buf   []byte
	start []int   // per attribute: where its value starts in buf
	end   []int   // per attribute: where it ends
	state []uint8 // per attribute
	alias []int   // per attribute: start, end and state of the alias's value
	aEnd  []int
	aSt   []uint8

	captured []captured // values of keys a NamedBy attribute may name
}

// captured is one key-value pair kept for a NamedBy attribute: the key's
// and the value's spans in buf.
type captured struct {
	attr     int
	key, val [2]int
}

func newRecordBuilder(res *Resource) *recordBuilder {
	n := len(res.Attrs)
	return &recordBuilder{
		res: res, start: make([]int, n), end: make([]int, n), state: make([]uint8, n),
		alias: make([]int, n), aEnd: make([]int, n), aSt: make([]uint8, n),
	}
}

func (b *recordBuilder) reset() {
	b.buf = b.buf[:0]
	clear(b.state)
	clear(b.aSt)
	b.captured = b.captured[:0]
}

// set records attribute i's value, the bytes appended to buf since from;
// a repeated key replaces the earlier value whole.
func (b *recordBuilder) set(i int, alias bool, from int, st uint8) {
	if alias {
		b.alias[i], b.aEnd[i], b.aSt[i] = from, len(b.buf), st
		return
	}
	b.start[i], b.end[i], b.state[i] = from, len(b.buf), st
}

// resolveNamed sets NamedBy attribute i to the captured value of the key
// that attribute namer names; without such a key it stays absent.
func (b *recordBuilder) resolveNamed(i, namer int) {
	if b.state[namer] != stateSet {
		return
	}
	name := b.buf[b.start[namer]:b.end[namer]]
	for _, c := range b.captured {
		if c.attr == i && string(b.buf[c.key[0]:c.key[1]]) == string(name) {
			b.start[i], b.end[i], b.state[i] = c.val[0], c.val[1], stateSet
			if string(b.buf[c.val[0]:c.val[1]]) == "null" {
				b.state[i] = stateNull
			}
		}
	}
}

// appendListItem appends one item of a list value.
func (b *recordBuilder) appendListItem(v []byte) {
	b.buf = binary.AppendUvarint(b.buf, uint64(len(v)))
	b.buf = append(b.buf, v...)
}

// build lays the record out: the id, then every attribute in order.
func (b *recordBuilder) build(id string) *Record {
	attrs := b.res.Attrs
	for n, i := range b.res.named {
		b.resolveNamed(i, b.res.namers[n])
	}
	for i := range attrs {
		// The documented key wins; the alias fills in only where it has nothing.
		if b.state[i] != stateSet && b.aSt[i] == stateSet {
			b.start[i], b.end[i], b.state[i] = b.alias[i], b.aEnd[i], stateSet
		}
	}
	size := len(id)
	for i := range attrs {
		if b.state[i] == stateSet {
			size += b.end[i] - b.start[i]
		} else if attrs[i].FromID {
			size += len(id)
		}
	}
	text := make([]byte, 0, size)
	text = append(text, id...)
	cells := make([]uint32, len(attrs))
	for i := range attrs {
		st := b.state[i]
		switch {
		case st == stateSet:
			text = append(text, b.buf[b.start[i]:b.end[i]]...)
		case attrs[i].FromID && id != "":
			text = append(text, id...)
			st = stateSet
		}
		cells[i] = uint32(len(text)) | uint32(st)<<stateShift //nolint:gosec // one resource's text is far below 1 GiB
	}
	s := string(text)
	return &Record{ID: s[:len(id)], text: s, cells: cells}
}

package fakeabm

import "strconv"

// jw is a tiny append-only JSON writer. The fake writes Apple's documents by hand
// (not with encoding/json on shared structs) so key order, omitted keys and
// explicit nulls are exactly what we decide, and a 1000-device page stays cheap.
type jw struct {
	b     []byte
	comma []bool // one entry per open object/array: whether a separator is due
}

func (w *jw) sep() {
	if n := len(w.comma); n > 0 {
		if w.comma[n-1] {
			w.b = append(w.b, ',')
		}
		w.comma[n-1] = true
	}
}

func (w *jw) open(c byte) {
	w.sep()
	w.b = append(w.b, c)
	w.comma = append(w.comma, false)
}

func (w *jw) close(c byte) {
	w.b = append(w.b, c)
	w.comma = w.comma[:len(w.comma)-1]
}

func (w *jw) obj()    { w.open('{') }
func (w *jw) endObj() { w.close('}') }
func (w *jw) arr()    { w.open('[') }
func (w *jw) endArr() { w.close(']') }

// key writes `"k":`. It clears the separator flag so the value that follows adds
// no comma; that value's own sep() then marks a comma as due for the next key.
func (w *jw) key(k string) {
	w.sep()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':')
	w.comma[len(w.comma)-1] = false
}

func (w *jw) str(s string) {
	w.sep()
	w.b = appendJSONString(w.b, s)
}

func (w *jw) null() {
	w.sep()
	w.b = append(w.b, "null"...)
}

func (w *jw) boolean(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jw) int(v int64) {
	w.sep()
	w.b = strconv.AppendInt(w.b, v, 10)
}

func (w *jw) strs(v []string) {
	w.arr()
	for _, s := range v {
		w.str(s)
	}
	w.endArr()
}

// strOrNull writes null for "" (Apple's null date-times and agreement numbers).
func (w *jw) strOrNull(s string) {
	if s == "" {
		w.null()
		return
	}
	w.str(s)
}

func (w *jw) kstr(k, v string)     { w.key(k); w.str(v) }
func (w *jw) kint(k string, v int) { w.key(k); w.int(int64(v)) }

const hexDigits = "0123456789abcdef"

func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		// Unlike encoding/json, leave <, > and & alone: Apple's links carry raw '&'.
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

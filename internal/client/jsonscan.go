package client

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// scanner is a small strict JSON reader over one complete document. The
// device list is the one large answer Apple sends (1000 devices a page,
// 100,000+ in big fleets); reading it with encoding/json and a custom
// unmarshaler per attribute costs several times more CPU than walking the
// bytes once, so device pages are read with this. Everything else uses
// encoding/json.
type scanner struct {
	data []byte
	pos  int
}

// syntaxError reports where a document stops being JSON.
type syntaxError struct {
	msg    string
	offset int
}

func (e *syntaxError) Error() string { return fmt.Sprintf("%s at byte %d", e.msg, e.offset) }

func (s *scanner) fail(format string, args ...any) error {
	return &syntaxError{msg: fmt.Sprintf(format, args...), offset: s.pos}
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

func (s *scanner) literal(word string) error {
	if len(s.data)-s.pos < len(word) || string(s.data[s.pos:s.pos+len(word)]) != word {
		return s.fail("invalid literal, expected %s", word)
	}
	s.pos += len(word)
	return nil
}

// null consumes a null if one is next.
func (s *scanner) null() (bool, error) {
	if s.peek() != 'n' {
		return false, nil
	}
	return true, s.literal("null")
}

// kind names the JSON type of the next value for error messages.
func (s *scanner) kind() string {
	switch s.peek() {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	if s.pos >= len(s.data) {
		return "the end of the document"
	}
	if c := s.data[s.pos]; c == '-' || (c >= '0' && c <= '9') {
		return "a number"
	}
	return fmt.Sprintf("%q", s.data[s.pos])
}

// str reads a string. Strings without escapes, nearly all of Apple's, cost
// one allocation.
func (s *scanner) str() (string, error) {
	b, err := s.strBytes()
	return string(b), err
}

// strBytes reads a string and returns its unescaped bytes; they alias the
// document when the string had no escapes, so use them before the next call.
func (s *scanner) strBytes() ([]byte, error) {
	if s.peek() != '"' {
		return nil, s.fail("expected a string, found %s", s.kind())
	}
	s.pos++
	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			b := s.data[start:s.pos]
			s.pos++
			return b, nil
		case c == '\\':
			return s.escapedString(start)
		case c < 0x20:
			return nil, s.fail("control character in string")
		case c < utf8.RuneSelf:
			s.pos++
		default:
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				return s.escapedString(start) // replaces it, as encoding/json does
			}
			s.pos += size
		}
	}
	return nil, s.fail("unterminated string")
}

func (s *scanner) escapedString(start int) ([]byte, error) {
	out := append([]byte(nil), s.data[start:s.pos]...)
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return out, nil
		case c == '\\':
			if s.pos+1 >= len(s.data) {
				return nil, s.fail("unterminated escape")
			}
			e := s.data[s.pos+1]
			s.pos += 2
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, err := s.hex4()
				if err != nil {
					return nil, err
				}
				if utf16.IsSurrogate(r) {
					if s.pos+1 < len(s.data) && s.data[s.pos] == '\\' && s.data[s.pos+1] == 'u' {
						save := s.pos
						s.pos += 2
						r2, err := s.hex4()
						if err != nil {
							return nil, err
						}
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							r = d
						} else {
							s.pos = save // not a pair: the second escape stands alone
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, s.fail("invalid escape \\%c", e)
			}
		case c < 0x20:
			return nil, s.fail("control character in string")
		case c < utf8.RuneSelf:
			out = append(out, c)
			s.pos++
		default:
			r, size := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError) // invalid UTF-8, replaced as encoding/json does
			} else {
				out = append(out, s.data[s.pos:s.pos+size]...)
			}
			s.pos += size
		}
	}
	return nil, s.fail("unterminated string")
}

func (s *scanner) hex4() (rune, error) {
	if len(s.data)-s.pos < 4 {
		return 0, s.fail("short \\u escape")
	}
	v, err := strconv.ParseUint(string(s.data[s.pos:s.pos+4]), 16, 16)
	if err != nil {
		return 0, s.fail("invalid \\u escape")
	}
	s.pos += 4
	return rune(v), nil //nolint:gosec // four hex digits fit in 16 bits
}

func (s *scanner) boolean() (bool, error) {
	switch s.peek() {
	case 't':
		return true, s.literal("true")
	case 'f':
		return false, s.literal("false")
	}
	return false, s.fail("expected a boolean, found %s", s.kind())
}

// number returns the bytes of a number after checking its grammar.
func (s *scanner) number() ([]byte, error) {
	s.ws()
	start := s.pos
	if s.pos < len(s.data) && s.data[s.pos] == '-' {
		s.pos++
	}
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	intStart := s.pos
	if digits() == 0 {
		return nil, s.fail("expected a number, found %s", s.kind())
	}
	if s.data[intStart] == '0' && s.pos-intStart > 1 {
		return nil, s.fail("number with a leading zero")
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			return nil, s.fail("number without digits after the point")
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return nil, s.fail("number without exponent digits")
		}
	}
	return s.data[start:s.pos], nil
}

// object calls member for each key; member must consume the value.
func (s *scanner) object(member func(key []byte) error) error {
	if s.peek() != '{' {
		return s.fail("expected an object, found %s", s.kind())
	}
	s.pos++
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		key, err := s.strBytes()
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return s.fail("expected ':' after an object key")
		}
		s.pos++
		if err := member(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return s.fail("expected ',' or '}' in an object")
		}
	}
}

// array calls elem for each element; elem must consume it.
func (s *scanner) array(elem func() error) error {
	if s.peek() != '[' {
		return s.fail("expected an array, found %s", s.kind())
	}
	s.pos++
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return s.fail("expected ',' or ']' in an array")
		}
	}
}

// maxDepth bounds nesting of skipped values, so a hostile document cannot
// exhaust the stack.
const maxDepth = 200

// skip consumes any value, checking its syntax; Apple adds attributes
// without notice and unknown ones are passed over.
func (s *scanner) skip() error { return s.skipDepth(0) }

func (s *scanner) skipDepth(depth int) error {
	if depth > maxDepth {
		return s.fail("nesting deeper than %d", maxDepth)
	}
	switch s.peek() {
	case '"':
		_, err := s.strBytes()
		return err
	case '{':
		return s.object(func([]byte) error { return s.skipDepth(depth + 1) })
	case '[':
		return s.array(func() error { return s.skipDepth(depth + 1) })
	case 't', 'f':
		_, err := s.boolean()
		return err
	case 'n':
		return s.literal("null")
	default:
		_, err := s.number()
		return err
	}
}

// end checks that only white space follows the document.
func (s *scanner) end() error {
	s.ws()
	if s.pos < len(s.data) {
		return s.fail("data after the end of the document")
	}
	return nil
}

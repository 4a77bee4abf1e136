package client

import (
	"errors"
	"fmt"
	"strconv"
)

// decodePage reads one page of a JSON:API list of res with the scanner and
// calls each for every item, in order. It follows the JSON:API shape:
// unknown members anywhere are skipped, and any attribute may be absent or
// null. A value of the wrong JSON type is an error naming the item and the
// attribute, not a silently dropped field.
func decodePage(body []byte, res *Resource, each func(*Record) error) (pageInfo, error) {
	s := &scanner{data: body}
	b := newRecordBuilder(res)
	var info pageInfo
	sawData := false
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "data":
			if isNull, err := s.null(); isNull || err != nil {
				return err
			}
			sawData = true
			return s.array(func() error {
				r, err := decodeItem(s, b, info.items)
				if err != nil {
					return err
				}
				info.items++
				return each(r)
			})
		case "links":
			return decodeLinks(s, &info)
		case "meta":
			return decodeMeta(s, &info)
		}
		return s.skip()
	})
	if err == nil {
		err = s.end()
	}
	if err == nil && !sawData {
		return info, errors.New("malformed response body: the page has no data list")
	}
	return info, malformed(err)
}

// decodeDocument reads a document holding one resource of res under
// "data"; a null or missing data is an error naming what was expected.
func decodeDocument(body []byte, res *Resource) (*Record, error) {
	s := &scanner{data: body}
	var r *Record
	err := s.object(func(key []byte) error {
		if string(key) != "data" {
			return s.skip()
		}
		if isNull, err := s.null(); isNull || err != nil {
			return err
		}
		var err error
		r, err = decodeItem(s, newRecordBuilder(res), 0)
		return err
	})
	if err == nil {
		err = s.end()
	}
	if err == nil && r == nil {
		err = fmt.Errorf("the answer has no %s under data", res.Item)
	}
	return r, malformed(err)
}

// malformed marks errors in the document itself, as opposed to errors the
// caller's callback returned.
func malformed(err error) error {
	var se *syntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("malformed response body: %w", err)
	}
	return err
}

func decodeLinks(s *scanner, info *pageInfo) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	return s.object(func(key []byte) error {
		if string(key) != "next" {
			return s.skip()
		}
		if isNull, err := s.null(); isNull || err != nil {
			return err
		}
		v, err := s.str()
		info.next = v
		return err
	})
}

func decodeMeta(s *scanner, info *pageInfo) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	return s.object(func(key []byte) error {
		if string(key) != "paging" {
			return s.skip()
		}
		if isNull, err := s.null(); isNull || err != nil {
			return err
		}
		return s.object(func(key []byte) error {
			if string(key) != "nextCursor" {
				return s.skip()
			}
			if isNull, err := s.null(); isNull || err != nil {
				return err
			}
			v, err := s.str()
			info.nextCursor = v
			return err
		})
	})
}

// decodeItem reads one resource object: its id and its attributes.
func decodeItem(s *scanner, b *recordBuilder, index int) (*Record, error) {
	b.reset()
	var id string
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "id":
			v, err := s.str()
			id = v
			return err
		case "attributes":
			if isNull, err := s.null(); isNull || err != nil {
				return err
			}
			return s.object(func(key []byte) error {
				if err := scanAttribute(s, b, key); err != nil {
					return fmt.Errorf("attribute %s: %w", key, err)
				}
				return nil
			})
		}
		return s.skip()
	})
	if err != nil {
		if id != "" {
			return nil, fmt.Errorf("%s %d (%s): %w", b.res.Item, index, id, err)
		}
		return nil, fmt.Errorf("%s %d: %w", b.res.Item, index, err)
	}
	return b.build(id), nil
}

// scanAttribute reads the value of one attribute into b, or skips it when
// the resource does not declare the key. It runs once per attribute of
// every device of a large fleet, so it does one map lookup and a switch.
func scanAttribute(s *scanner, b *recordBuilder, key []byte) error {
	i, ok := b.res.index[string(key)]
	alias := false
	if !ok {
		if i, alias = b.res.aliases[string(key)]; !alias {
			if len(b.res.named) > 0 {
				return b.capture(s, key)
			}
			return s.skip()
		}
	}
	from := len(b.buf)
	if isNull, err := s.null(); isNull || err != nil {
		b.set(i, alias, from, stateNull)
		return err
	}
	var err error
	switch b.res.Attrs[i].Kind {
	case String:
		err = b.scanString(s)
	case Bool:
		err = b.scanBool(s)
	case Int64:
		err = b.scanInt64(s)
	case Strings:
		err = b.scanList(s)
	case MACs, MACList:
		err = b.scanMACs(s, b.res.Attrs[i].Kind == MACs)
	case Objects:
		err = b.scanObjects(s, b.res.Attrs[i].Of)
	case Object, JSON:
		err = b.scanRaw(s, b.res.Attrs[i].Of)
	}
	if err != nil {
		return err
	}
	b.set(i, alias, from, stateSet)
	return nil
}

func (b *recordBuilder) scanString(s *scanner) error {
	v, err := s.strBytes()
	b.buf = append(b.buf, v...)
	return err
}

func (b *recordBuilder) scanBool(s *scanner) error {
	v, err := s.boolean()
	if v {
		b.buf = append(b.buf, '1')
	} else {
		b.buf = append(b.buf, '0')
	}
	return err
}

func (b *recordBuilder) scanInt64(s *scanner) error {
	v, err := s.number()
	if err != nil {
		return err
	}
	if _, err := strconv.ParseInt(string(v), 10, 64); err != nil {
		return s.fail("expected an integer, found %s", v)
	}
	b.buf = append(b.buf, v...)
	return nil
}

// scanList reads an array of strings; a null element is kept as "", as
// encoding/json leaves it.
func (b *recordBuilder) scanList(s *scanner) error {
	if s.peek() != '[' {
		return s.fail("expected an array of strings, found %s", s.kind())
	}
	return s.array(func() error {
		if isNull, err := s.null(); isNull || err != nil {
			b.appendListItem(nil)
			return err
		}
		v, err := s.strBytes()
		if err == nil {
			b.appendListItem(v)
		}
		return err
	})
}

// scanMACs reads a MAC attribute: a string, "" (no address) or an array of
// strings. joined keeps the addresses as one string joined with ",", else
// as a list.
func (b *recordBuilder) scanMACs(s *scanner, joined bool) error {
	switch s.peek() {
	case '"':
		v, err := s.strBytes()
		if err != nil || len(v) == 0 {
			return err
		}
		if joined {
			b.buf = append(b.buf, v...)
		} else {
			b.appendListItem(v)
		}
		return nil
	case '[':
		n := 0
		return s.array(func() error {
			var v []byte
			isNull, err := s.null() // a null element is kept as "", as encoding/json leaves it
			if !isNull && err == nil {
				v, err = s.strBytes()
			}
			if err != nil {
				return err
			}
			switch {
			case !joined:
				b.appendListItem(v)
			case n > 0:
				b.buf = append(b.buf, ',')
				fallthrough
			default:
				b.buf = append(b.buf, v...)
			}
			n++
			return nil
		})
	}
	return s.fail("expected a string or an array of strings, found %s", s.kind())
}

// scanRaw keeps a value as Apple sent it. With of, the value must be an
// object whose declared attributes have the declared kinds: it is checked
// now so that reading it later cannot fail.
func (b *recordBuilder) scanRaw(s *scanner, of *Resource) error {
	s.ws()
	start := s.pos
	var err error
	if of != nil {
		err = checkObject(s, of)
	} else {
		err = s.skip()
	}
	if err == nil {
		b.buf = append(b.buf, s.data[start:s.pos]...)
	}
	return err
}

// scanObjects keeps an array of objects as a list of their JSON texts.
func (b *recordBuilder) scanObjects(s *scanner, of *Resource) error {
	if s.peek() != '[' {
		return s.fail("expected an array of objects, found %s", s.kind())
	}
	return s.array(func() error {
		s.ws()
		start := s.pos
		if err := checkObject(s, of); err != nil {
			return err
		}
		b.appendListItem(s.data[start:s.pos])
		return nil
	})
}

// checkObject reads one nested object of res, checking its attributes.
func checkObject(s *scanner, res *Resource) error {
	_, err := decodeObject(s, newRecordBuilder(res))
	return err
}

// decodeObject reads a plain object of res's attributes (no id, no
// JSON:API wrapper), as nested objects are.
func decodeObject(s *scanner, b *recordBuilder) (*Record, error) {
	b.reset()
	err := s.object(func(key []byte) error {
		if err := scanAttribute(s, b, key); err != nil {
			return fmt.Errorf("%s attribute %s: %w", b.res.Type, key, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return b.build(""), nil
}

// capture keeps the value of a key that a NamedBy attribute may turn out
// to name: the key that names it can come before or after it.
func (b *recordBuilder) capture(s *scanner, key []byte) error {
	i := b.res.namedPrefix(string(key))
	if i < 0 {
		return s.skip()
	}
	keyStart := len(b.buf)
	b.buf = append(b.buf, key...)
	s.ws()
	start := s.pos
	if err := s.skip(); err != nil {
		return err
	}
	valStart := len(b.buf)
	b.buf = append(b.buf, s.data[start:s.pos]...)
	b.captured = append(b.captured, captured{attr: i, key: [2]int{keyStart, valStart}, val: [2]int{valStart, len(b.buf)}})
	return nil
}

package client

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Field is one attribute as Apple sent it. Apple leaves keys out and sends
// nulls, and the two are kept apart: Present says the key was in the JSON,
// Valid says its value was not null.
type Field[T any] struct {
	Present bool
	Valid   bool
	Value   T
}

// UnmarshalJSON is only called for keys that are present.
func (f *Field[T]) UnmarshalJSON(b []byte) error {
	f.Present = true
	if bytes.Equal(b, []byte("null")) {
		f.Valid = false
		return nil
	}
	if err := json.Unmarshal(b, &f.Value); err != nil {
		return err
	}
	f.Valid = true
	return nil
}

// Get returns the value and whether there is one.
func (f Field[T]) Get() (T, bool) { return f.Value, f.Valid }

// MACList is a MAC address attribute that Apple documents as a string but
// sends as an array of strings too. Both decode to the list of addresses;
// "" decodes to an empty list.
type MACList []string

// UnmarshalJSON accepts "a", "" and ["a","b"].
func (m *MACList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "" {
			*m = MACList{}
		} else {
			*m = MACList{s}
		}
		return nil
	}
	if len(b) > 0 && b[0] == '[' {
		var list []string
		if err := json.Unmarshal(b, &list); err != nil {
			return fmt.Errorf("MAC address list: %w", err)
		}
		if list == nil {
			list = []string{}
		}
		*m = list
		return nil
	}
	return fmt.Errorf("MAC address: expected a string or an array of strings, got %s", truncate(b, 40))
}

// Joined is the addresses joined with ",", the form the provider exposes for
// the attributes Apple documents as a single string.
func (m MACList) Joined() string { return strings.Join(m, ",") }

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

package client

import (
	"bytes"
	"encoding/json"
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
	// Start from zero: a repeated key replaces the earlier value whole.
	*f = Field[T]{Present: true}
	if bytes.Equal(b, []byte("null")) {
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

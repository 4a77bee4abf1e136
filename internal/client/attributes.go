package client

import (
	"fmt"
	"strings"
	"unicode"
)

// Kind is the shape of an attribute's value: how it is read from Apple's JSON
// and what it becomes in Terraform.
type Kind uint8

// The kinds of attribute values. Apple may leave any attribute out or send
// null; a record keeps that apart from a value.
const (
	String  Kind = iota + 1 // a JSON string
	Bool                    // a JSON boolean
	Int64                   // a JSON integer
	Strings                 // an array of strings; exposed as a list, empty when Apple sends none
	MACs                    // a string or an array of strings (Apple documents one, sends both); exposed as one string joined with ","
	MACList                 // the same JSON as MACs, exposed as a list
	Objects                 // an array of objects whose attributes Of declares; exposed as a list of objects, empty when Apple sends none
	Object                  // one object whose attributes Of declares; exposed as an object, null when Apple sends none
	JSON                    // any JSON value, kept as Apple sent it; exposed as a string of JSON text

	lastKind = JSON
)

// Attribute declares one attribute of an Apple resource. It is the single
// place an attribute is described: the client decodes by Key and Kind, and
// the provider derives the Terraform name, type, description and state from
// the same row.
type Attribute struct {
	Key  string // Apple's JSON key, e.g. "serialNumber"
	Kind Kind
	Doc  string // the description users read in the docs (Markdown)

	// Name is the Terraform attribute name; empty means Key in snake_case.
	Name string
	// Alias is another key Apple sends for the same value (a misspelling in
	// its own examples); Key wins when both carry a value.
	Alias string
	// FromID fills the attribute from the resource's id when Apple leaves
	// it out or sends null (the serial number of a device is its id).
	FromID bool
	// Of declares the attributes of an Objects or Object attribute's
	// objects (a nested Resource, whose Type names it in messages).
	Of *Resource
	// NamedBy makes a JSON attribute the value of whichever key the
	// attribute NamedBy (a String of the same resource) names, among the
	// keys that start with Key: Apple's audit events carry their payload
	// under a key given by eventDataPropertyKey.
	NamedBy string
}

// TerraformName is the attribute's name in Terraform.
func (a *Attribute) TerraformName() string {
	if a.Name != "" {
		return a.Name
	}
	return SnakeCase(a.Key)
}

// SnakeCase turns one of Apple's camelCase keys into the snake_case name
// Terraform shows: "serialNumber" → "serial_number", "lastConnectedIp" →
// "last_connected_ip", "supportedOS" → "supported_os".
func SnakeCase(key string) string {
	runes := []rune(key)
	var b strings.Builder
	for i, r := range runes {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && !unicode.IsUpper(runes[i-1])
			nextLower := i > 0 && i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Resource is one JSON:API resource type and its declared attributes, in the
// order of their declaration.
type Resource struct {
	Type  string // JSON:API type, e.g. "orgDevices"
	Item  string // what one item is called in messages, e.g. "device"
	Attrs []Attribute

	index   map[string]int // Key → position
	aliases map[string]int // Alias → position
	named   []int          // positions of NamedBy attributes
	namers  []int          // the positions their NamedBy names, in the same order
}

// maxAttributes bounds the attributes of one resource so a record's offsets
// and states fit in one uint32 per attribute; a declaration over it fails at
// start-up rather than losing attributes.
const maxAttributes = 1 << 12

// NewResource checks a declaration and indexes it. A bad declaration is a
// programming error, so it panics when the package loads.
func NewResource(typ, item string, attrs ...Attribute) *Resource {
	r := &Resource{Type: typ, Item: item, Attrs: attrs, index: map[string]int{}, aliases: map[string]int{}}
	if len(attrs) > maxAttributes {
		panic(fmt.Sprintf("resource %s declares %d attributes, more than %d", typ, len(attrs), maxAttributes))
	}
	names := map[string]bool{}
	for i := range attrs {
		a := &attrs[i]
		if a.Key == "" || a.Kind < String || a.Kind > lastKind {
			panic(fmt.Sprintf("resource %s: attribute %d has no key or no kind", typ, i))
		}
		if _, dup := r.index[a.Key]; dup {
			panic(fmt.Sprintf("resource %s declares %s twice", typ, a.Key))
		}
		if names[a.TerraformName()] {
			panic(fmt.Sprintf("resource %s: two attributes are named %s in Terraform", typ, a.TerraformName()))
		}
		names[a.TerraformName()] = true
		if (a.Kind == Objects || a.Kind == Object) != (a.Of != nil) {
			panic(fmt.Sprintf("resource %s: %s declares nested attributes (Of) if and only if it holds objects", typ, a.Key))
		}
		if a.NamedBy != "" {
			if a.Kind != JSON {
				panic(fmt.Sprintf("resource %s: %s is named by another attribute but is not JSON", typ, a.Key))
			}
			r.named = append(r.named, i)
			continue // matched by prefix, not by its key
		}
		r.index[a.Key] = i
		if a.Alias != "" {
			r.aliases[a.Alias] = i
		}
		if a.FromID && a.Kind != String {
			panic(fmt.Sprintf("resource %s: %s is filled from the id but is not a string", typ, a.Key))
		}
	}
	for _, i := range r.named {
		n, ok := r.index[attrs[i].NamedBy]
		if !ok || attrs[n].Kind != String {
			panic(fmt.Sprintf("resource %s: %s is named by %s, which is not a declared string", typ, attrs[i].Key, attrs[i].NamedBy))
		}
		r.namers = append(r.namers, n)
	}
	return r
}

// Index is the position of the attribute with this JSON key; it panics for
// a key the resource does not declare, a programming error.
func (r *Resource) Index(key string) int {
	if i, ok := r.index[key]; ok {
		return i
	}
	for _, i := range r.named {
		if r.Attrs[i].Key == key {
			return i
		}
	}
	panic(fmt.Sprintf("resource %s declares no attribute %s", r.Type, key))
}

// Decodes says whether the client reads this JSON key (or alias) of the
// resource; a key it does not read is skipped.
func (r *Resource) Decodes(key string) bool {
	_, ok := r.index[key]
	_, alias := r.aliases[key]
	return ok || alias || r.namedPrefix(key) >= 0
}

// namedPrefix is the position of the NamedBy attribute whose Key prefixes
// key, or -1.
func (r *Resource) namedPrefix(key string) int {
	for _, i := range r.named {
		if strings.HasPrefix(key, r.Attrs[i].Key) {
			return i
		}
	}
	return -1
}

// Keys is every declared JSON key, in declaration order, joined with ","
// as Apple's fields[] parameter takes them.
func (r *Resource) Keys() string {
	keys := make([]string, 0, len(r.Attrs))
	for i := range r.Attrs {
		if r.Attrs[i].NamedBy == "" {
			keys = append(keys, r.Attrs[i].Key)
		}
	}
	return strings.Join(keys, ",")
}

package provider

import (
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// objectType is one Apple resource as Terraform sees it: a column per
// attribute the client declares (client.Resource), plus the attributes the
// provider adds (relationship ids, nested lists), sorted by name — the order
// in which objects are encoded. The schema, the docs and the state of every
// data source showing the resource derive from it.
type objectType struct {
	res     *client.Resource
	columns []column
	schema  map[string]schema.Attribute
	types   map[string]attr.Type
}

// column is one attribute, resolved once: its name already encoded as a
// MessagePack key and where its value comes from. Encoding runs for every
// attribute of every item of a large list, so it does no lookups by name.
type column struct {
	name  string
	key   []byte
	index int         // position in a record; addedColumn or idColumn otherwise
	kind  client.Kind // of an Apple attribute
	slot  int         // position among the added values, for an added attribute
	sub   *objectType // the nested objects' type, for Objects and Object
}

// Column indexes that are not positions in a record.
const (
	addedColumn = -1 // an added attribute, whose value the caller gives
	idColumn    = -2 // Apple's id of the item
)

// added declares an attribute the provider adds to a resource, with its
// schema (which carries its description).
type added struct {
	name   string
	schema schema.Attribute
	isID   bool // the value is the record's id
}

// declaredObjects is every object declared with newObjectType, in the
// order the package initialises them; the nested objects of their Objects
// and Object attributes are reached through their columns' sub. Tests walk
// it so that every declared object is covered, a new one included.
var declaredObjects []*objectType

// newObjectType derives a resource's Terraform object. An added attribute
// named as an Apple one replaces it.
func newObjectType(res *client.Resource, adds ...added) *objectType {
	o := buildObjectType(res, adds...)
	declaredObjects = append(declaredObjects, o)
	return o
}

// buildObjectType is newObjectType without the registration, for the
// nested objects of a declared one.
func buildObjectType(res *client.Resource, adds ...added) *objectType {
	o := &objectType{res: res, schema: map[string]schema.Attribute{}, types: map[string]attr.Type{}}
	var cols []column
	replaced := map[string]bool{}
	slot := 0
	for _, a := range adds {
		replaced[a.name] = true
		c := column{name: a.name, index: idColumn}
		if !a.isID {
			c.index, c.slot = addedColumn, slot
			slot++
		}
		cols = append(cols, c)
		o.schema[a.name] = a.schema
	}
	for i := range res.Attrs {
		a := &res.Attrs[i]
		name := a.TerraformName()
		if replaced[name] {
			continue
		}
		c := column{name: name, index: i, kind: a.Kind}
		if a.Of != nil {
			c.sub = buildObjectType(a.Of)
		}
		cols = append(cols, c)
		o.schema[name] = kindAttribute(a.Kind, a.Doc, c.sub)
	}
	sort.Slice(cols, func(i, j int) bool { return cols[i].name < cols[j].name })
	for i := range cols {
		w := &msgpackWriter{}
		w.str(cols[i].name)
		cols[i].key = w.buf
		o.types[cols[i].name] = o.schema[cols[i].name].GetType()
	}
	o.columns = cols
	return o
}

// kindAttribute is the computed schema attribute of an Apple attribute;
// sub is the type of its nested objects, if it has any.
func kindAttribute(k client.Kind, doc string, sub *objectType) schema.Attribute {
	switch k {
	case client.Objects:
		return sub.nested(doc)
	case client.Object:
		return schema.SingleNestedAttribute{Computed: true, MarkdownDescription: doc, Attributes: sub.attributes()}
	case client.String, client.MACs, client.JSON:
		return schema.StringAttribute{Computed: true, MarkdownDescription: doc}
	case client.Bool:
		return schema.BoolAttribute{Computed: true, MarkdownDescription: doc}
	case client.Int64:
		return schema.Int64Attribute{Computed: true, MarkdownDescription: doc}
	case client.Strings, client.MACList:
		return schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: doc}
	}
	panic(fmt.Sprintf("no Terraform type for attribute kind %d", k)) // a programming error, caught at start-up
}

// attributes is the schema of the object: computed attributes, each with
// its description. The map is new on every call, so a data source may set
// its own arguments in it.
func (o *objectType) attributes() map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(o.schema))
	for k, v := range o.schema {
		out[k] = v
	}
	return out
}

// nested is the object as the element of a computed list.
func (o *objectType) nested(doc string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: doc,
		NestedObject:        schema.NestedAttributeObject{Attributes: o.attributes()},
	}
}

// write writes one object from a record, and the added attributes' values
// given already encoded, by slot (nil writes null).
func (o *objectType) write(w *msgpackWriter, r *client.Record, extra [][]byte) {
	w.mapLen(len(o.columns))
	for i := range o.columns {
		c := &o.columns[i]
		w.raw(c.key)
		writeColumn(w, c, r, extra)
	}
}

// writeColumn writes the value of one column for a record.
func writeColumn(w *msgpackWriter, c *column, r *client.Record, extra [][]byte) {
	switch {
	case c.index == idColumn:
		w.str(r.ID)
	case c.index == addedColumn && c.slot < len(extra) && extra[c.slot] != nil:
		w.raw(extra[c.slot])
	case c.index == addedColumn:
		w.null()
	case c.sub != nil:
		writeNested(w, r, c)
	default:
		writeAttribute(w, r, c.index, c.kind)
	}
}

// writeNested writes an Objects attribute as a list (empty when Apple sent
// none) or an Object attribute as an object (null when Apple sent none).
func writeNested(w *msgpackWriter, r *client.Record, c *column) {
	if c.kind == client.Objects {
		items := r.Objects(c.index, c.sub.res)
		w.arrayLen(len(items))
		for _, it := range items {
			c.sub.write(w, it, nil)
		}
		return
	}
	if o := r.Object(c.index, c.sub.res); o != nil {
		c.sub.write(w, o, nil)
		return
	}
	w.null()
}

// writers is the object's attributes as writers by name, for a data source
// whose state is one resource at the top level beside its arguments.
func (o *objectType) writers(r *client.Record, extra [][]byte) map[string]func(*msgpackWriter) {
	out := make(map[string]func(*msgpackWriter), len(o.columns))
	for i := range o.columns {
		c := &o.columns[i]
		out[c.name] = func(w *msgpackWriter) { writeColumn(w, c, r, extra) }
	}
	return out
}

// writeAttribute writes one Apple attribute of a record. An attribute Apple
// left out or sent as null is null, never an invented value; a list is
// empty instead, so HCL never has to tell null from empty.
func writeAttribute(w *msgpackWriter, r *client.Record, i int, k client.Kind) {
	switch k {
	case client.String, client.MACs, client.JSON:
		if v, ok := r.Str(i); ok {
			w.str(v)
			return
		}
	case client.Bool:
		if v, ok := r.Bool(i); ok {
			w.boolean(v)
			return
		}
	case client.Int64:
		if v, ok := r.Int64(i); ok {
			w.int64(v)
			return
		}
	case client.Strings, client.MACList:
		w.arrayLen(r.ListLen(i))
		r.EachListItem(i, w.str)
		return
	}
	w.null()
}

// idAttribute is the added `id` of a resource: Apple's id of the item.
func idAttribute(doc string) added {
	return added{name: "id", schema: schema.StringAttribute{Computed: true, MarkdownDescription: doc}, isID: true}
}

// column is the column of the attribute with this Terraform name, or nil.
func (o *objectType) column(name string) *column {
	for i := range o.columns {
		if o.columns[i].name == name {
			return &o.columns[i]
		}
	}
	return nil
}

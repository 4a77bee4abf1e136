package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// computedAttributes builds the computed schema attributes of an object
// type, each with its description. The types are the single definition of
// an object's shape; the schema follows from them.
func computedAttributes(attrTypes map[string]attr.Type, descriptions map[string]string) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attrTypes))
	for name, t := range attrTypes {
		desc := descriptions[name]
		switch t {
		case types.StringType:
			out[name] = schema.StringAttribute{Computed: true, MarkdownDescription: desc}
		case types.BoolType:
			out[name] = schema.BoolAttribute{Computed: true, MarkdownDescription: desc}
		case types.Int64Type:
			out[name] = schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
		case types.ListType{ElemType: types.StringType}:
			out[name] = schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: desc}
		default:
			panic(fmt.Sprintf("computedAttributes: no schema for %s of type %s", name, t)) // a programming error, caught by any test
		}
	}
	return out
}

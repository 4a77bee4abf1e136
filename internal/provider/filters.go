package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// filter is one optional "value is one of" condition; a nil filter matches
// everything, and a value Apple did not send matches only a nil filter.
type filter map[string]struct{}

func newFilter(values []string) filter {
	f := make(filter, len(values))
	for _, v := range values {
		f[v] = struct{}{}
	}
	return f
}

func (f filter) match(v client.Field[string]) bool {
	if f == nil {
		return true
	}
	if !v.Valid {
		return false
	}
	_, ok := f[v.Value]
	return ok
}

func (f filter) matchString(v string) bool {
	if f == nil {
		return true
	}
	_, ok := f[v]
	return ok
}

func backtickList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	return strings.Join(quoted, ", ")
}

// passThroughSet is an optional filter whose values Apple does not
// enumerate, so any non-empty value is accepted and compared as it is.
func passThroughSet(desc string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: desc + " Unset means no filter.",
		Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
	}
}

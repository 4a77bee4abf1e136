package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// The helpers below turn client fields into Terraform values. An attribute
// Apple left out or sent as null becomes null; nothing is invented. Lists
// are the exception: a list Apple did not send is an empty list, so HCL
// never has to tell null from empty.

func stringValue(f client.Field[string]) types.String {
	if !f.Valid {
		return types.StringNull()
	}
	return types.StringValue(f.Value)
}

func boolValue(f client.Field[bool]) types.Bool {
	if !f.Valid {
		return types.BoolNull()
	}
	return types.BoolValue(f.Value)
}

func int64Value(f client.Field[int64]) types.Int64 {
	if !f.Valid {
		return types.Int64Null()
	}
	return types.Int64Value(f.Value)
}

func stringListValue(items []string) types.List {
	elems := make([]attr.Value, len(items))
	for i, s := range items {
		elems[i] = types.StringValue(s)
	}
	return types.ListValueMust(types.StringType, elems)
}

func fieldListValue(f client.Field[[]string]) types.List {
	return stringListValue(f.Value) // Value is nil when absent or null
}

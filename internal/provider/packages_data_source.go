package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_packages: every package of built-in device management's catalog.
var packagesDataSource = &declaration{
	typeName: "abm_packages",
	doc: "Every package of the organization's built-in device management, in Apple's order. Apple Business Manager only; " +
		"built-in device management must be on, and the API account needs the privilege \"View and manage devices using " +
		"built-in device management\". One request per 1000 packages, shared with every other data source of the provider.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{"packages": packageObject.nested("The packages.")}
	},
	read: func(ctx context.Context, q *query) stateWriters { return packagesKind.listWriters(ctx, q, "packages") },
}

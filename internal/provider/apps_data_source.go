package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_apps: every app of built-in device management's catalog.
var appsDataSource = &declaration{
	typeName: "abm_apps",
	doc: "Every app of the organization's built-in device management, in Apple's order. Apple Business Manager only; " +
		"built-in device management must be on, and the API account needs the privilege \"View Apps\". One request per " +
		"1000 apps, shared with every other data source of the provider.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{"apps": appObject.nested("The apps.")}
	},
	read: func(ctx context.Context, q *query) stateWriters { return appsKind.listWriters(ctx, q, "apps") },
}

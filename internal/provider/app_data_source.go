package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_app: one app of built-in device management's catalog, by id or
// bundle id.
var appDataSource = &declaration{
	typeName: "abm_app",
	doc: "One app of the organization's built-in device management, by `id` (one request) or `bundle_id` (from the " +
		"shared list: one request per 1000 apps). Apple Business Manager only; built-in device management must be on, " +
		"and the API account needs the privilege \"View Apps\".",
	business:   true,
	attributes: func() map[string]schema.Attribute { return appsKind.itemSchema() },
	read:       appsKind.itemWriters,
}

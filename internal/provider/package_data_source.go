package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_package: one package of built-in device management's catalog, by id
// or name.
var packageDataSource = &declaration{
	typeName: "abm_package",
	doc: "One package of the organization's built-in device management, by `id` (one request) or `name` (from the " +
		"shared list: one request per 1000 packages). Apple Business Manager only; built-in device management must be " +
		"on, and the API account needs the privilege \"View and manage devices using built-in device management\".",
	business:   true,
	attributes: func() map[string]schema.Attribute { return packagesKind.itemSchema() },
	read:       packagesKind.itemWriters,
}

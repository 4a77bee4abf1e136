package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_organizational_unit: one organizational unit by id or name, with the
// ids of its users.
var organizationalUnitDataSource = &declaration{
	typeName: "abm_organizational_unit",
	doc: "One organizational unit of the organization, by `id` or `name`, with the ids of its users (the users holding a " +
		"role in it). Apple Business Manager only (API 2.2). By `id`: one request for the unit; by `name`: the shared unit " +
		"list. Its users cost one request per 1000.",
	business:   true,
	attributes: func() map[string]schema.Attribute { return memberedAttributes(unitMembers) },
	read:       func(ctx context.Context, q *query) stateWriters { return readMembered(ctx, q, unitMembers) },
}

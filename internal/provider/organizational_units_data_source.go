package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_organizational_units: every unit of
// the organization, optionally with its users.
var organizationalUnitsDataSource = &declaration{
	typeName: "abm_organizational_units",
	doc: "The organizational units of the organization, in Apple's order (Apple exposes no hierarchy). " +
		"Apple Business Manager only (API 2.2). One request per 1000 units, shared with every other data source of the " +
		"provider; with `include_user_ids`, one more per 1000 users of each unit.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"include_user_ids":     includeUserIDsAttribute("unit"),
			"organizational_units": unitObject.nested("Every organizational unit."),
		}
	},
	read: readOrganizationalUnits,
}

func readOrganizationalUnits(ctx context.Context, q *query) stateWriters {
	withIDs, err := q.args.boolean("include_user_ids")
	if err != nil {
		return q.invalid(err)
	}
	units, err := q.f.OrganizationalUnits(ctx)
	if err != nil {
		return q.denied(err, unitsPermission)
	}
	return membersList(ctx, q, "organizational_units", unitObject, units, withIDs, (*fleet).UnitUsers, unitsPermission)
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_user_groups: the user groups of the
// organization, optionally filtered, optionally with their members.
var userGroupsDataSource = &declaration{
	typeName: "abm_user_groups",
	doc: "The user groups of the organization, in Apple's order, optionally filtered. Apple Business Manager " +
		"only (API 2.0). One request per 1000 groups, shared with every other data source of the provider; with " +
		"`include_user_ids`, one more per 1000 members of each group that passes the filters. The API account's role must " +
		"not be Staff.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"types":            passThroughSet("Only groups of these types (Apple's: `STANDARD`, `SMART`; other values are matched as given)."),
			"ou_ids":           passThroughSet("Only groups owned by one of these organizational units (by `ou_id`)."),
			"include_user_ids": includeUserIDsAttribute("group"),
			"user_groups":      userGroupObject.nested("The groups that pass the filters."),
		}
	},
	read: readUserGroups,
}

// includeUserIDsAttribute is the switch that reads members into user_ids.
func includeUserIDsAttribute(of string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: "Also read the user linkages of every " + of + " into `user_ids` (one request per 1000 members of each, " +
			"at most four walks at a time). Default `false`, which leaves `user_ids` null.",
	}
}

// membersList is the state of a list of groups or units: the kept items
// under attr, each with its members' ids when withIDs (one walk per item, at
// most maxParallelWalks at a time).
func membersList(ctx context.Context, q *query, attr string, obj *objectType,
	kept []*client.Record, withIDs bool, members func(*fleet, context.Context, string) ([]string, error), a access,
) stateWriters {
	ids := make([][]string, len(kept))
	if withIDs {
		var err error
		ids, err = membersOf(ctx, kept, func(ctx context.Context, id string) ([]string, error) { return members(q.f, ctx, id) })
		if err != nil {
			return q.denied(err, a)
		}
	}
	q.sizeHint = len(kept) * 300
	return stateWriters{
		attr: func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for i, r := range kept {
				obj.write(w, r, idsExtra(ids[i]))
			}
		},
	}
}

func readUserGroups(ctx context.Context, q *query) stateWriters {
	types, tErr := q.args.filter("types")
	ous, oErr := q.args.filter("ou_ids")
	withIDs, bErr := q.args.boolean("include_user_ids")
	if err := firstError(tErr, oErr, bErr); err != nil {
		return q.invalid(err)
	}
	groups, err := q.f.UserGroups(ctx)
	if err != nil {
		return q.denied(err, usersPermission)
	}
	var kept []*client.Record
	for _, g := range groups {
		if types.match(g.Field(userGroupType)) && ous.match(g.Field(userGroupOuID)) {
			kept = append(kept, g)
		}
	}
	return membersList(ctx, q, "user_groups", userGroupObject, kept, withIDs, (*fleet).GroupUsers, usersPermission)
}

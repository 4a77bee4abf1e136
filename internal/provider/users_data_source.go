package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_users: the people of the organization, optionally
// filtered.
var usersDataSource = &declaration{
	typeName: "abm_users",
	doc: "The users (people) of the organization, in Apple's order, optionally filtered. Apple Business " +
		"Manager only (API 2.0). One request per 1000 users, shared with every other data source of the provider " +
		"that reads users. The API account's role must not be Staff.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"statuses": passThroughSet("Only users with one of these statuses (Apple's: `NEW`, `RELEASED`, `ACTIVE`, " +
				"`DEACTIVATED`, `LOCKED`, `LOCKED_FOR_SHARED_IPAD`; other values are matched as given)."),
			"role_names": passThroughSet("Only users holding a role with one of these names, e.g. `Administrator`, matched exactly. " +
				"With `ou_ids` as well, the same role must also be in one of those units."),
			"ou_ids": passThroughSet("Only users holding a role in one of these organizational units (by `ou_id`)."),
			"is_external_user": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Only external users (`true`) or only the organization's own (`false`). Unset means no filter.",
			},
			"users": userObject.nested("The users that pass the filters."),
		}
	},
	read: readUsers,
}

// userFilter is the filters of abm_users.
type userFilter struct {
	statuses, roles, ous filter
	external             *bool
}

func (u *userFilter) match(r *client.Record) bool {
	if !u.statuses.match(r.Field(userStatus)) {
		return false
	}
	if u.external != nil {
		if v, ok := r.Bool(userIsExternal); !ok || v != *u.external {
			return false
		}
	}
	if u.roles == nil && u.ous == nil {
		return true
	}
	for _, role := range r.Objects(userRoles, client.UserRoleOuMappings) {
		if u.roles.match(role.Field(roleName)) && u.ous.match(role.Field(roleOuID)) {
			return true
		}
	}
	return false
}

func readUsers(ctx context.Context, q *query) stateWriters {
	var uf userFilter
	statuses, sErr := q.args.filter("statuses")
	roles, rErr := q.args.filter("role_names")
	ous, oErr := q.args.filter("ou_ids")
	external, eErr := q.args.optionalBool("is_external_user")
	if err := firstError(sErr, rErr, oErr, eErr); err != nil {
		return q.invalid(err)
	}
	uf.statuses, uf.roles, uf.ous, uf.external = statuses, roles, ous, external
	users, err := q.f.Users(ctx)
	if err != nil {
		return q.denied(err, usersPermission)
	}
	kept := users
	if uf.statuses != nil || uf.roles != nil || uf.ous != nil || uf.external != nil {
		kept = nil
		for _, u := range users {
			if uf.match(u) {
				kept = append(kept, u)
			}
		}
	}
	q.sizeHint = len(kept) * 600
	return map[string]func(*msgpackWriter){
		"users": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for _, u := range kept {
				userObject.write(w, u, nil)
			}
		},
	}
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_user_group: one user group by id or name, with its members' ids.
var userGroupDataSource = &declaration{
	typeName: "abm_user_group",
	doc: "One user group of the organization, by `id` or `name`, with the ids of its members. Apple Business Manager only " +
		"(API 2.0). By `id`: one request for the group; by `name`: the shared group list (one request per 1000 groups). " +
		"Its members cost one request per 1000. The API account's role must not be Staff.",
	business:   true,
	attributes: func() map[string]schema.Attribute { return memberedAttributes(userGroupMembers) },
	read:       func(ctx context.Context, q *query) stateWriters { return readMembered(ctx, q, userGroupMembers) },
}

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_user: one user by id, Managed Apple Account or e-mail address.
var userDataSource = &declaration{
	typeName: "abm_user",
	doc: "One user of the organization, by `id`, `managed_apple_account` or `email`. Apple Business Manager " +
		"only (API 2.0). The API account's role must not be Staff.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		attrs := userObject.attributes()
		oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("managed_apple_account"), path.MatchRoot("email"))
		attrs["id"] = lookupArgument("Apple's ID of the user: one request for this user alone. Exactly one of `id`, "+
			"`managed_apple_account` and `email` is required.", oneOf)
		attrs["managed_apple_account"] = lookupArgument("The user's Managed Apple Account, matched without regard to case, "+
			"from the shared user list (one request per 1000 users). Several matches are an error that lists their ids.", oneOf)
		attrs["email"] = lookupArgument("The user's e-mail address, matched without regard to case, from the shared user list. "+
			"An address several users share is an error that lists their ids; use `id` then.", oneOf)
		return attrs
	},
	read: readUser,
}

func readUser(ctx context.Context, q *query) stateWriters {
	arg, value, err := configLookup(q.args, "id", "managed_apple_account", "email")
	if err != nil {
		return q.invalid(err)
	}
	var u *client.Record
	switch arg {
	case "id":
		if u, err = q.f.Record(ctx, client.Users, value, q.f.c.GetUser); err != nil {
			addLookupError(&q.diags, q.what, "user", "id", value, err, usersPermission)
			return nil
		}
	default:
		users, err := q.f.Users(ctx)
		if err != nil {
			return q.denied(err, usersPermission)
		}
		key := lookupKey{arg: "email", index: userEmail, fold: true}
		if arg == "managed_apple_account" {
			key = lookupKey{arg: arg, index: userManagedAcct, fold: true}
		}
		if u = lookupOne(&q.diags, "user", users, key, value, describeUser); u == nil {
			return nil
		}
	}
	writers := userObject.writers(u, nil)
	delete(writers, arg) // the lookup key stays as configured, whatever its case in Apple's data
	return writers
}

// describeUser is a user as messages show it: First Last <account> (id).
func describeUser(u *client.Record) string {
	first, _ := u.Str(userFirstName)
	last, _ := u.Str(userLastName)
	account, _ := u.Str(userManagedAcct)
	return fmt.Sprintf("%s %s <%s> (%s)", first, last, account, u.ID)
}

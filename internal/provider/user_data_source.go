package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &UserDataSource{}

// UserDataSource is abm_user: one user by id, Managed Apple Account or
// e-mail address.
type UserDataSource struct {
	dataSourceBase
}

// NewUserDataSource returns the data source.
func NewUserDataSource() datasource.DataSource { return &UserDataSource{} }

// Metadata names the data source.
func (d *UserDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

// Schema describes the data source.
func (d *UserDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userObject.attributes()
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("managed_apple_account"), path.MatchRoot("email"))
	attrs["id"] = lookupArgument("Apple's ID of the user: one request for this user alone. Exactly one of `id`, "+
		"`managed_apple_account` and `email` is required.", oneOf)
	attrs["managed_apple_account"] = lookupArgument("The user's Managed Apple Account, matched without regard to case, "+
		"from the shared user list (one request per 1000 users). Several matches are an error that lists their ids.", oneOf)
	attrs["email"] = lookupArgument("The user's e-mail address, matched without regard to case, from the shared user list. "+
		"An address several users share is an error that lists their ids; use `id` then.", oneOf)
	resp.Schema = schema.Schema{
		MarkdownDescription: "One user of the organization, by `id`, `managed_apple_account` or `email`. Apple Business Manager " +
			"only (API 2.0). The API account's role must not be Staff.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the user.
func (d *UserDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *UserDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_user"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	arg, value, err := configLookup(attrs, "id", "managed_apple_account", "email")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	var u *client.Record
	switch arg {
	case "id":
		if u, err = f.Record(ctx, client.Users, value, f.c.GetUser); err != nil {
			addLookupError(&diags, what, "user", "id", value, err, usersPermission)
			return nil, diags
		}
	default:
		users, err := f.Users(ctx)
		if err != nil {
			addAccessError(&diags, what, err, usersPermission)
			return nil, diags
		}
		key := lookupKey{arg: "email", index: userEmail, fold: true}
		if arg == "managed_apple_account" {
			key = lookupKey{arg: arg, index: userManagedAcct, fold: true}
		}
		if u = lookupOne(&diags, "user", users, key, value, describeUser); u == nil {
			return nil, diags
		}
	}
	writers := userObject.writers(u, nil)
	delete(writers, arg) // the lookup key stays as configured, whatever its case in Apple's data
	state, d2 := encodeState(what, config, writers, 0)
	diags.Append(d2...)
	return state, diags
}

// describeUser is a user as messages show it: First Last <account> (id).
func describeUser(u *client.Record) string {
	first, _ := u.Str(userFirstName)
	last, _ := u.Str(userLastName)
	account, _ := u.Str(userManagedAcct)
	return fmt.Sprintf("%s %s <%s> (%s)", first, last, account, u.ID)
}

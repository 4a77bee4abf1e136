package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &UsersDataSource{}

// UsersDataSource is abm_users: the people of the organization, optionally
// filtered.
type UsersDataSource struct {
	dataSourceBase
}

// NewUsersDataSource returns the data source.
func NewUsersDataSource() datasource.DataSource { return &UsersDataSource{} }

// Metadata names the data source.
func (d *UsersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

// Schema describes the data source.
func (d *UsersDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The users (people) of the organization, in Apple's order, optionally filtered. Apple Business " +
			"Manager only (API 2.0). One request per 1000 users, shared with every other data source of the provider " +
			"that reads users. The API account's role must not be Staff.",
		Attributes: map[string]schema.Attribute{
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
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists and filters the users.
func (d *UsersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
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

func (d *UsersDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_users"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	var uf userFilter
	statuses, sErr := attrs.filter("statuses")
	roles, rErr := attrs.filter("role_names")
	ous, oErr := attrs.filter("ou_ids")
	external, eErr := attrs.optionalBool("is_external_user")
	if err := firstError(sErr, rErr, oErr, eErr); err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	uf.statuses, uf.roles, uf.ous, uf.external = statuses, roles, ous, external
	users, err := f.Users(ctx)
	if err != nil {
		addAccessError(&diags, what, err, usersPermission)
		return nil, diags
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
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		"users": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for _, u := range kept {
				userObject.write(w, u, nil)
			}
		},
	}, len(kept)*600)
	diags.Append(d2...)
	return state, diags
}

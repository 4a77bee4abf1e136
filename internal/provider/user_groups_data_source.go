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

var _ stateReader = &UserGroupsDataSource{}

// UserGroupsDataSource is abm_user_groups: the user groups of the
// organization, optionally filtered, optionally with their members.
type UserGroupsDataSource struct {
	dataSourceBase
}

// NewUserGroupsDataSource returns the data source.
func NewUserGroupsDataSource() datasource.DataSource { return &UserGroupsDataSource{} }

// Metadata names the data source.
func (d *UserGroupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_groups"
}

// includeUserIDsAttribute is the switch that reads members into user_ids.
func includeUserIDsAttribute(of string) schema.BoolAttribute {
	return schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: "Also read the user linkages of every " + of + " into `user_ids` (one request per 1000 members of each, " +
			"at most four walks at a time). Default `false`, which leaves `user_ids` null.",
	}
}

// Schema describes the data source.
func (d *UserGroupsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The user groups of the organization, in Apple's order, optionally filtered. Apple Business Manager " +
			"only (API 2.0). One request per 1000 groups, shared with every other data source of the provider; with " +
			"`include_user_ids`, one more per 1000 members of each group that passes the filters. The API account's role must " +
			"not be Staff.",
		Attributes: map[string]schema.Attribute{
			"types":            passThroughSet("Only groups of these types (Apple's: `STANDARD`, `SMART`; other values are matched as given)."),
			"ou_ids":           passThroughSet("Only groups owned by one of these organizational units (by `ou_id`)."),
			"include_user_ids": includeUserIDsAttribute("group"),
			"user_groups":      userGroupObject.nested("The groups that pass the filters."),
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists and filters the groups.
func (d *UserGroupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *UserGroupsDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_user_groups"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	types, tErr := attrs.filter("types")
	ous, oErr := attrs.filter("ou_ids")
	withIDs, bErr := attrs.boolean("include_user_ids")
	if err := firstError(tErr, oErr, bErr); err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	groups, err := f.UserGroups(ctx)
	if err != nil {
		addAccessError(&diags, what, err, usersPermission)
		return nil, diags
	}
	var kept []*client.Record
	for _, g := range groups {
		if types.match(g.Field(userGroupType)) && ous.match(g.Field(userGroupOuID)) {
			kept = append(kept, g)
		}
	}
	state, d2 := writeMembered(ctx, f, what, config, "user_groups", userGroupObject, kept, withIDs, (*fleet).GroupUsers, usersPermission)
	diags.Append(d2...)
	return state, diags
}

// writeMembered encodes a list of groups or units, with their members'
// ids when withIDs (walked in parallel) and null user_ids otherwise.
func writeMembered(ctx context.Context, f *fleet, what string, config tftypes.Value, attr string, obj *objectType,
	kept []*client.Record, withIDs bool, members func(*fleet, context.Context, string) ([]string, error), a access,
) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	ids := make([][]string, len(kept))
	if withIDs {
		var err error
		ids, err = membersOf(ctx, kept, func(ctx context.Context, id string) ([]string, error) { return members(f, ctx, id) })
		if err != nil {
			addAccessError(&diags, what, err, a)
			return nil, diags
		}
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		attr: func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for i, r := range kept {
				obj.write(w, r, idsExtra(ids[i]))
			}
		},
	}, len(kept)*300)
	diags.Append(d2...)
	return state, diags
}

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

// membered is a resource with users as members (a user group, an
// organizational unit), looked up by id or name by its singular data source.
type membered struct {
	suffix  string // the data source's name after "abm_"
	noun    string // one item in messages, e.g. "user group"
	doc     string // the data source's description
	obj     *objectType
	name    int // position of the name attribute in a record
	access  access
	list    func(*fleet, context.Context) ([]*client.Record, error)
	res     *client.Resource
	get     func(*client.Client, context.Context, string) (*client.Record, error)
	members func(*fleet, context.Context, string) ([]string, error)
}

var (
	userGroupKind = &membered{
		suffix: "user_group", noun: "user group", obj: userGroupObject, name: userGroupName, access: usersPermission,
		doc: "One user group of the organization, by `id` or `name`, with the ids of its members. Apple Business Manager only " +
			"(API 2.0). By `id`: one request for the group; by `name`: the shared group list (one request per 1000 groups). " +
			"Its members cost one request per 1000. The API account's role must not be Staff.",
		list: (*fleet).UserGroups, res: client.UserGroups, get: (*client.Client).GetUserGroup, members: (*fleet).GroupUsers,
	}
	unitKind = &membered{
		suffix: "organizational_unit", noun: "organizational unit", obj: unitObject, name: unitName, access: unitsPermission,
		doc: "One organizational unit of the organization, by `id` or `name`, with the ids of its users (the users holding a " +
			"role in it). Apple Business Manager only (API 2.2). By `id`: one request for the unit; by `name`: the shared unit " +
			"list. Its users cost one request per 1000.",
		list: (*fleet).OrganizationalUnits, res: client.OrganizationalUnits, get: (*client.Client).GetOrganizationalUnit, members: (*fleet).UnitUsers,
	}
)

var _ stateReader = &memberedDataSource{}

// memberedDataSource is abm_user_group and abm_organizational_unit.
type memberedDataSource struct {
	dataSourceBase
	kind *membered
}

// NewUserGroupDataSource returns abm_user_group.
func NewUserGroupDataSource() datasource.DataSource { return &memberedDataSource{kind: userGroupKind} }

// NewOrganizationalUnitDataSource returns abm_organizational_unit.
func NewOrganizationalUnitDataSource() datasource.DataSource {
	return &memberedDataSource{kind: unitKind}
}

// Metadata names the data source.
func (d *memberedDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.kind.suffix
}

// Schema describes the data source.
func (d *memberedDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := d.kind.obj.attributes()
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))
	attrs["id"] = lookupArgument(fmt.Sprintf("Apple's ID of the %s. Exactly one of `id` and `name` is required.", d.kind.noun), oneOf)
	attrs["name"] = lookupArgument(fmt.Sprintf("Name of the %s, matched exactly. A name several share is an error that "+
		"lists their ids; use `id` then.", d.kind.noun), oneOf)
	resp.Schema = schema.Schema{
		MarkdownDescription: d.kind.doc,
		Attributes:          attrs,
		Blocks:              map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the item and its members.
func (d *memberedDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *memberedDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	k := d.kind
	what := "abm_" + k.suffix
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	arg, value, err := configLookup(attrs, "id", "name")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	var r *client.Record
	if arg == "id" {
		if r, err = f.Record(ctx, k.res, value, func(ctx context.Context, id string) (*client.Record, error) { return k.get(f.c, ctx, id) }); err != nil {
			addLookupError(&diags, what, k.noun, "id", value, err, k.access)
			return nil, diags
		}
	} else {
		all, err := k.list(f, ctx)
		if err != nil {
			addAccessError(&diags, what, err, k.access)
			return nil, diags
		}
		describe := func(r *client.Record) string {
			n, _ := r.Str(k.name)
			return fmt.Sprintf("%q (%s)", n, r.ID)
		}
		if r = lookupOne(&diags, k.noun, all, lookupKey{arg: "name", index: k.name}, value, describe); r == nil {
			return nil, diags
		}
	}
	ids, err := k.members(f, ctx, r.ID)
	if err != nil {
		addAccessError(&diags, what, err, k.access)
		return nil, diags
	}
	writers := k.obj.writers(r, idsExtra(ids))
	delete(writers, arg)
	state, d2 := encodeState(what, config, writers, len(ids)*16)
	diags.Append(d2...)
	return state, diags
}

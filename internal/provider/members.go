package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// membered is a resource with users as members (a user group, an
// organizational unit) as its singular data source reads it: by id or by
// name, then its members. The data sources are declared in their own files.
type membered struct {
	noun    string // one item in messages, e.g. "user group"
	obj     *objectType
	name    int // position of the name attribute in a record
	access  access
	list    func(*fleet, context.Context) ([]*client.Record, error)
	res     *client.Resource
	get     func(*client.Client, context.Context, string) (*client.Record, error)
	members func(*fleet, context.Context, string) ([]string, error)
}

// The two membered kinds: what differs between abm_user_group and
// abm_organizational_unit, whose reads are one (readMembered).
var (
	userGroupMembers = &membered{
		noun: "user group", obj: userGroupObject, name: userGroupName, access: usersPermission,
		list: (*fleet).UserGroups, res: client.UserGroups, get: (*client.Client).GetUserGroup, members: (*fleet).GroupUsers,
	}
	unitMembers = &membered{
		noun: "organizational unit", obj: unitObject, name: unitName, access: unitsPermission,
		list: (*fleet).OrganizationalUnits, res: client.OrganizationalUnits, get: (*client.Client).GetOrganizationalUnit, members: (*fleet).UnitUsers,
	}
)

// memberedAttributes is the attributes of a singular membered data source:
// the object's, with id and name as the arguments of which exactly one is
// required.
func memberedAttributes(m *membered) map[string]schema.Attribute {
	attrs := m.obj.attributes()
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))
	attrs["id"] = lookupArgument(fmt.Sprintf("Apple's ID of the %s. Exactly one of `id` and `name` is required.", m.noun), oneOf)
	attrs["name"] = lookupArgument(fmt.Sprintf("Name of the %s, matched exactly. A name several share is an error that "+
		"lists their ids; use `id` then.", m.noun), oneOf)
	return attrs
}

// readMembered finds the item by id (its own request, once per provider
// instance) or by name (from the shared list), and reads its members.
func readMembered(ctx context.Context, q *query, m *membered) stateWriters {
	arg, value, err := configLookup(q.args, "id", "name")
	if err != nil {
		return q.invalid(err)
	}
	var r *client.Record
	if arg == "id" {
		get := func(ctx context.Context, id string) (*client.Record, error) { return m.get(q.f.c, ctx, id) }
		if r, err = q.f.Record(ctx, m.res, value, get); err != nil {
			addLookupError(&q.diags, q.what, m.noun, "id", value, err, m.access)
			return nil
		}
	} else {
		all, err := m.list(q.f, ctx)
		if err != nil {
			return q.denied(err, m.access)
		}
		describe := func(r *client.Record) string {
			n, _ := r.Str(m.name)
			return fmt.Sprintf("%q (%s)", n, r.ID)
		}
		if r = lookupOne(&q.diags, m.noun, all, lookupKey{arg: "name", index: m.name}, value, describe); r == nil {
			return nil
		}
	}
	ids, err := m.members(q.f, ctx, r.ID)
	if err != nil {
		return q.denied(err, m.access)
	}
	q.sizeHint = len(ids) * 16
	writers := m.obj.writers(r, idsExtra(ids))
	delete(writers, arg) // the lookup key stays as configured
	return writers
}

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// userObject is a user in every data source that shows users: the
// attributes the client declares (client.Users) and Apple's id.
var userObject = newObjectType(client.Users, idAttribute("Apple's ID of the user."))

// userIDsAttribute is the members of a group or unit, from its linkages.
func userIDsAttribute(doc string) added {
	return added{name: "user_ids", schema: schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: doc}}
}

// userGroupObject is a user group: client.UserGroups, Apple's id and the
// ids of its members.
var userGroupObject = newObjectType(client.UserGroups,
	idAttribute("Apple's ID of the group."),
	userIDsAttribute("IDs of the group's members (`abm_users` ids), in Apple's order, from the group's user linkages "+
		"(one request per 1000 members). Null on `abm_user_groups` unless `include_user_ids` is true."),
)

// unitObject is an organizational unit: client.OrganizationalUnits,
// Apple's id and the ids of its users.
var unitObject = newObjectType(client.OrganizationalUnits,
	idAttribute("Apple's ID of the unit (the `ou_id` of roles and groups)."),
	userIDsAttribute("IDs of the unit's users (`abm_users` ids), in Apple's order, from the unit's user linkages "+
		"(one request per 1000 users). Null on `abm_organizational_units` unless `include_user_ids` is true."),
)

// The attributes filters and lookups read, by position in a record.
var (
	userStatus      = client.Users.Index("status")
	userManagedAcct = client.Users.Index("managedAppleAccount")
	userEmail       = client.Users.Index("email")
	userIsExternal  = client.Users.Index("isExternalUser")
	userRoles       = client.Users.Index("roleOuList")
	userFirstName   = client.Users.Index("firstName")
	userLastName    = client.Users.Index("lastName")
	roleName        = client.UserRoleOuMappings.Index("roleName")
	roleOuID        = client.UserRoleOuMappings.Index("ouId")
	userGroupName   = client.UserGroups.Index("name")
	userGroupType   = client.UserGroups.Index("type")
	userGroupOuID   = client.UserGroups.Index("ouId")
	unitName        = client.OrganizationalUnits.Index("name")
	usersPermission = access{permission: "read users and user groups, implicit in every role except Staff (Apple's implicit permission): the API account's role must not be Staff"}
	unitsPermission = access{permission: "read organizational units; Apple does not name it, probably the same implicit read as users and user groups (every role except Staff): the API account's role must not be Staff"}
)

// idsExtra is the added user_ids value of a group or unit (nil leaves it
// null: the caller did not read the linkages).
func idsExtra(ids []string) [][]byte {
	if ids == nil {
		return nil
	}
	var list msgpackWriter
	list.strings(ids)
	return [][]byte{list.buf}
}

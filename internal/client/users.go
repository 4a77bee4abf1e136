package client

import (
	"context"
	"fmt"
	"net/url"
)

// UserRoleOuMappings declares one role a user holds in one organizational
// unit (Apple's UserRoleOuMapping).
var UserRoleOuMappings = NewResource("roleOuList", "role",
	Attribute{Key: "roleName", Kind: String, Doc: "Name of the role, e.g. `Administrator`, as Apple sends it."},
	Attribute{Key: "ouId", Kind: String, Doc: "ID of the organizational unit the role applies to (an `abm_organizational_units` id)."},
)

// UserPhoneNumbers declares one phone number of a user (Apple's
// UserPhoneNumber).
var UserPhoneNumbers = NewResource("phoneNumbers", "phone number",
	Attribute{Key: "phoneNumber", Kind: String, Doc: "The phone number, as entered in Apple Business Manager."},
	Attribute{Key: "type", Kind: String, Doc: "`WORK`, `HOME` or `MOBILE`; other values are passed through."},
)

// Users declares the attributes of a person of the organization (JSON:API
// type users, API 2.0).
var Users = NewResource("users", "user",
	Attribute{Key: "firstName", Kind: String, Doc: "First name."},
	Attribute{Key: "middleName", Kind: String, Doc: "Middle name; null when none."},
	Attribute{Key: "lastName", Kind: String, Doc: "Last name."},
	Attribute{Key: "status", Kind: String, Doc: "`NEW`, `RELEASED`, `ACTIVE`, `DEACTIVATED`, `LOCKED` or `LOCKED_FOR_SHARED_IPAD`; values Apple adds later are passed through."},
	Attribute{Key: "managedAppleAccount", Kind: String, Doc: "The user's Managed Apple Account."},
	Attribute{Key: "isExternalUser", Kind: Bool, Doc: "Whether the user is an external user invited to the organization."},
	Attribute{Key: "roleOuList", Kind: Objects, Of: UserRoleOuMappings, Doc: "The user's roles, each in one organizational unit. Empty when Apple sends none."},
	Attribute{Key: "email", Kind: String, Doc: "E-mail address."},
	Attribute{Key: "employeeNumber", Kind: String, Doc: "Employee number."},
	Attribute{Key: "costCenter", Kind: String, Doc: "Cost center."},
	Attribute{Key: "division", Kind: String, Doc: "Division."},
	Attribute{Key: "department", Kind: String, Doc: "Department."},
	Attribute{Key: "jobTitle", Kind: String, Doc: "Job title."},
	Attribute{Key: "phoneNumbers", Kind: Objects, Of: UserPhoneNumbers, Doc: "Phone numbers. Empty when Apple sends none."},
	Attribute{Key: "startDateTime", Kind: String, Doc: "When the user started (ISO 8601)."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the user was created in Apple Business Manager."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the user was last updated."},
)

// userQuery names every declared attribute: Apple does not document its
// default field set, so nothing is left to it.
func userQuery() url.Values {
	return url.Values{"fields[users]": {Users.Keys()}}
}

// ListUsers calls each for every user of the organization, in Apple's order.
func (c *Client) ListUsers(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "users", "/users", userQuery(), Users, each); err != nil {
		return fmt.Errorf("list users: %w", err)
	}
	return nil
}

// GetUser reads one user by id.
func (c *Client) GetUser(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "user", c.apiURL("/users/"+url.PathEscape(id), userQuery()), Users)
	if err != nil {
		return nil, fmt.Errorf("get user %q: %w", id, err)
	}
	return r, nil
}

package client

import (
	"context"
	"fmt"
	"net/url"
)

// UserGroups declares the attributes of a group of users (JSON:API type
// userGroups, API 2.0).
var UserGroups = NewResource("userGroups", "user group",
	Attribute{Key: "ouId", Kind: String, Doc: "ID of the organizational unit that owns the group."},
	Attribute{Key: "name", Kind: String, Doc: "Name of the group."},
	Attribute{Key: "type", Kind: String, Doc: "`STANDARD` (members added by hand) or `SMART` (members by criteria); other values are passed through."},
	Attribute{Key: "totalMemberCount", Kind: Int64, Doc: "Number of members, as Apple counts them."},
	Attribute{Key: "status", Kind: String, Doc: "`ACTIVE`; other values are passed through."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the group was created."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the group was last updated."},
)

// userGroupQuery names every declared attribute, and only those: the users
// relationship's links are not read, the linkages are walked instead.
func userGroupQuery() url.Values {
	return url.Values{"fields[userGroups]": {UserGroups.Keys()}}
}

// ListUserGroups calls each for every user group, in Apple's order.
func (c *Client) ListUserGroups(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "userGroups", "/userGroups", userGroupQuery(), UserGroups, each); err != nil {
		return fmt.Errorf("list user groups: %w", err)
	}
	return nil
}

// GetUserGroup reads one user group by id.
func (c *Client) GetUserGroup(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "userGroup", c.apiURL("/userGroups/"+url.PathEscape(id), userGroupQuery()), UserGroups)
	if err != nil {
		return nil, fmt.Errorf("get user group %q: %w", id, err)
	}
	return r, nil
}

// ListUserGroupUserIDs calls each with the id of every member of a group,
// from the group's user linkages (1000 a page).
func (c *Client) ListUserGroupUserIDs(ctx context.Context, id string, each func(userID string) error) error {
	path := "/userGroups/" + url.PathEscape(id) + "/relationships/users"
	if err := c.listLinkages(ctx, "userGroupUsers", "user", path, each); err != nil {
		return fmt.Errorf("list members of user group %q: %w", id, err)
	}
	return nil
}

package client

import (
	"context"
	"fmt"
	"net/url"
)

// OrganizationalUnits declares the attributes of an organizational unit
// (JSON:API type organizationalUnits, API 2.2). Apple exposes no parent or
// children.
var OrganizationalUnits = NewResource("organizationalUnits", "organizational unit",
	Attribute{Key: "name", Kind: String, Doc: "Name of the unit."},
	Attribute{Key: "description", Kind: String, Doc: "Description of the unit; null when none."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the unit was created."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the unit was last updated."},
)

func organizationalUnitQuery() url.Values {
	return url.Values{"fields[organizationalUnits]": {OrganizationalUnits.Keys()}}
}

// ListOrganizationalUnits calls each for every organizational unit, in
// Apple's order.
func (c *Client) ListOrganizationalUnits(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "organizationalUnits", "/organizationalUnits", organizationalUnitQuery(), OrganizationalUnits, each); err != nil {
		return fmt.Errorf("list organizational units: %w", err)
	}
	return nil
}

// GetOrganizationalUnit reads one organizational unit by id.
func (c *Client) GetOrganizationalUnit(ctx context.Context, id string) (*Record, error) {
	u := c.apiURL("/organizationalUnits/"+url.PathEscape(id), organizationalUnitQuery())
	r, err := c.getRecord(ctx, "organizationalUnit", u, OrganizationalUnits)
	if err != nil {
		return nil, fmt.Errorf("get organizational unit %q: %w", id, err)
	}
	return r, nil
}

// ListOrganizationalUnitUserIDs calls each with the id of every user of a
// unit, from the unit's user linkages (1000 a page).
func (c *Client) ListOrganizationalUnitUserIDs(ctx context.Context, id string, each func(userID string) error) error {
	path := "/organizationalUnits/" + url.PathEscape(id) + "/relationships/users"
	if err := c.listLinkages(ctx, "organizationalUnitUsers", "user", path, each); err != nil {
		return fmt.Errorf("list users of organizational unit %q: %w", id, err)
	}
	return nil
}

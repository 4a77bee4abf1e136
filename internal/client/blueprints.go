package client

import (
	"context"
	"fmt"
	"net/url"
	"slices"
)

// Blueprints declares the attributes of a blueprint of built-in device
// management: the apps, packages and configurations it gives its devices,
// users and groups (JSON:API type blueprints).
var Blueprints = NewResource("blueprints", "blueprint",
	Attribute{Key: "name", Kind: String, Doc: "Name of the blueprint."},
	Attribute{Key: "description", Kind: String, Doc: "Description of the blueprint."},
	Attribute{Key: "status", Kind: String, Doc: "`ACTIVE` or `TO_BE_DELETED`, as Apple sends it."},
	Attribute{Key: "appLicenseDeficient", Kind: Bool, Doc: "Whether the organization has too few app licenses for every member of the blueprint."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the blueprint was created."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the blueprint was last updated."},
)

// BlueprintRelationships are the relationships of a blueprint, by Apple's
// name (the path segment of /v1/blueprints/{id}/relationships/<name>).
var BlueprintRelationships = []string{"apps", "configurations", "packages", "orgDevices", "users", "userGroups"}

// blueprintQuery asks for the attributes only: the relationships' links
// are not used, their ids come from the linkage walks.
func blueprintQuery() url.Values { return url.Values{"fields[blueprints]": {Blueprints.Keys()}} }

// ListBlueprints calls each for every blueprint of the organization.
func (c *Client) ListBlueprints(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "blueprints", "/blueprints", blueprintQuery(), Blueprints, each); err != nil {
		return fmt.Errorf("list blueprints: %w", err)
	}
	return nil
}

// GetBlueprint reads one blueprint by id. An unknown id gives an *APIError
// whose NotFound is true.
func (c *Client) GetBlueprint(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "blueprint", c.apiURL("/blueprints/"+url.PathEscape(id), blueprintQuery()), Blueprints)
	if err != nil {
		return nil, fmt.Errorf("get blueprint %q: %w", id, err)
	}
	return r, nil
}

// ListBlueprintRelated calls each with the id of every item of one
// relationship of a blueprint (rel is one of BlueprintRelationships), one
// request per 1000 ids. Apple may refuse one relationship (403) while it
// answers the others.
func (c *Client) ListBlueprintRelated(ctx context.Context, id, rel string, each func(id string) error) error {
	if !slices.Contains(BlueprintRelationships, rel) {
		return fmt.Errorf("blueprints have no relationship %q", rel)
	}
	path := "/blueprints/" + url.PathEscape(id) + "/relationships/" + rel
	if err := c.listLinkages(ctx, "blueprintRelationship", rel, path, each); err != nil {
		return fmt.Errorf("list the %s of blueprint %q: %w", rel, id, err)
	}
	return nil
}

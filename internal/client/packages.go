package client

import (
	"context"
	"fmt"
	"net/url"
)

// Packages declares the attributes of an installer package uploaded for
// built-in device management (JSON:API type packages).
var Packages = NewResource("packages", "package",
	Attribute{Key: "name", Kind: String, Doc: "Name of the package."},
	Attribute{Key: "url", Kind: String, Doc: "Where the package is downloaded from."},
	Attribute{Key: "hash", Kind: String, Doc: "Hash of the package file, as Apple sends it (Apple does not document the algorithm)."},
	Attribute{Key: "bundleIds", Kind: Strings, Doc: "Bundle identifiers the package installs. Empty when Apple sends none."},
	Attribute{Key: "description", Kind: String, Doc: "Description of the package."},
	Attribute{Key: "version", Kind: String, Doc: "Version of the package."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the package was added."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the package was last updated."},
)

func packageQuery() url.Values { return url.Values{"fields[packages]": {Packages.Keys()}} }

// ListPackages calls each for every package of the organization.
func (c *Client) ListPackages(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "packages", "/packages", packageQuery(), Packages, each); err != nil {
		return fmt.Errorf("list packages: %w", err)
	}
	return nil
}

// GetPackage reads one package by id. An unknown id gives an *APIError
// whose NotFound is true.
func (c *Client) GetPackage(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "package", c.apiURL("/packages/"+url.PathEscape(id), packageQuery()), Packages)
	if err != nil {
		return nil, fmt.Errorf("get package %q: %w", id, err)
	}
	return r, nil
}

package client

import (
	"context"
	"fmt"
	"net/url"
)

// Apps declares the attributes of an app the organization can assign with
// built-in device management (JSON:API type apps; the id is the App Store
// Adam ID).
var Apps = NewResource("apps", "app",
	Attribute{Key: "name", Kind: String, Doc: "Display name of the app."},
	Attribute{Key: "bundleId", Kind: String, Doc: "Bundle identifier, e.g. `com.apple.iWork.Pages`."},
	Attribute{Key: "websiteUrl", Kind: String, Doc: "The developer's website for the app."},
	Attribute{Key: "version", Kind: String, Doc: "Current version of the app."},
	Attribute{Key: "supportedOS", Kind: Strings, Doc: "Platforms the app runs on: `SUPPORTED_OS_IOS`, `SUPPORTED_OS_IPADOS`, `SUPPORTED_OS_MACOS`, `SUPPORTED_OS_TVOS`, `SUPPORTED_OS_WATCHOS`, `SUPPORTED_OS_VISIONOS` or `SUPPORTED_OS_UNSPECIFIED`, as Apple sends them. Empty when Apple sends none."},
	Attribute{Key: "isCustomApp", Kind: Bool, Doc: "Whether the app is a custom (B2B) app made for the organization."},
	Attribute{Key: "appStoreUrl", Kind: String, Doc: "The app's App Store page."},
)

// appQuery names every declared attribute: Apple does not document its
// default field set.
func appQuery() url.Values { return url.Values{"fields[apps]": {Apps.Keys()}} }

// ListApps calls each for every app of the organization. Apple answers 403
// unless built-in device management is on.
func (c *Client) ListApps(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "apps", "/apps", appQuery(), Apps, each); err != nil {
		return fmt.Errorf("list apps: %w", err)
	}
	return nil
}

// GetApp reads one app by id (its Adam ID). An unknown id gives an
// *APIError whose NotFound is true.
func (c *Client) GetApp(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "app", c.apiURL("/apps/"+url.PathEscape(id), appQuery()), Apps)
	if err != nil {
		return nil, fmt.Errorf("get app %q: %w", id, err)
	}
	return r, nil
}

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// catalogKind is how the data sources of one collection of built-in device
// management's catalog (apps, packages, blueprints, configurations) fetch
// it: the whole list from the provider instance's shared fetch, one item by
// id (its own request, once per instance) or by its other key (from the
// list). The data sources themselves are declared in their own files.
type catalogKind struct {
	noun   string // one item in messages, e.g. "app"
	res    *client.Resource
	obj    *objectType
	access access
	key    lookupKey // the lookup other than id
	keyDoc string
	list   func(*client.Client) func(context.Context, func(*client.Record) error) error
	get    func(*client.Client) func(context.Context, string) (*client.Record, error)
}

var (
	appsKind = &catalogKind{noun: "app", res: client.Apps, obj: appObject, access: appsAccess,
		key:    lookupKey{arg: "bundle_id", index: appBundleID},
		keyDoc: "Bundle identifier of the app, matched exactly. A bundle id shared by several apps is an error that lists their ids; use `id` then.",
		list:   func(c *client.Client) func(context.Context, func(*client.Record) error) error { return c.ListApps },
		get:    func(c *client.Client) func(context.Context, string) (*client.Record, error) { return c.GetApp }}
	packagesKind = &catalogKind{noun: "package", res: client.Packages, obj: packageObject, access: packagesAccess,
		key:    lookupKey{arg: "name", index: packageName},
		keyDoc: "Name of the package, matched exactly. A name shared by several packages is an error that lists their ids; use `id` then.",
		list:   func(c *client.Client) func(context.Context, func(*client.Record) error) error { return c.ListPackages },
		get:    func(c *client.Client) func(context.Context, string) (*client.Record, error) { return c.GetPackage }}
	blueprintsKind = &catalogKind{noun: "blueprint", res: client.Blueprints, obj: blueprintObject,
		access: blueprintsAccess, key: lookupKey{arg: "name", index: blueprintName},
		keyDoc: "Name of the blueprint, matched exactly. A name shared by several blueprints is an error that lists their ids; use `id` then.",
		list: func(c *client.Client) func(context.Context, func(*client.Record) error) error {
			return c.ListBlueprints
		},
		get: func(c *client.Client) func(context.Context, string) (*client.Record, error) { return c.GetBlueprint }}
	configurationsKind = &catalogKind{noun: "configuration", res: client.Configurations,
		obj: configurationObject, access: configurationsAccess, key: lookupKey{arg: "name", index: configurationName},
		keyDoc: "Name of the configuration, matched exactly. A name shared by several configurations is an error that lists their ids; use `id` then.",
		list: func(c *client.Client) func(context.Context, func(*client.Record) error) error {
			return c.ListConfigurations
		},
		get: func(c *client.Client) func(context.Context, string) (*client.Record, error) {
			return c.GetConfiguration
		}}
)

// all is the whole collection, from the provider instance's shared fetch.
func (k *catalogKind) all(ctx context.Context, f *fleet) ([]*client.Record, error) {
	return f.List(ctx, k.res.Type, k.list(f.c))
}

// one reads an item by id, once per provider instance.
func (k *catalogKind) one(ctx context.Context, f *fleet, id string) (*client.Record, error) {
	return f.Record(ctx, k.res, id, k.get(f.c))
}

// find is the item a singular data source names: by id with its own
// request, else by key from the shared list; nil after an error.
func (k *catalogKind) find(ctx context.Context, q *query) *client.Record {
	arg, value, err := configLookup(q.args, "id", k.key.arg)
	if err != nil {
		q.invalid(err)
		return nil
	}
	if arg == "id" {
		r, err := k.one(ctx, q.f, value)
		if err != nil {
			addLookupError(&q.diags, q.what, k.noun, "id", value, err, k.access)
			return nil
		}
		return r
	}
	records, err := k.all(ctx, q.f)
	if err != nil {
		q.denied(err, k.access)
		return nil
	}
	return lookupOne(&q.diags, k.noun, records, k.key, value, describeNamed(k.res.Index("name")))
}

// itemSchema is a singular data source's attributes: the object's, with id
// and the other key as the arguments of which exactly one is required.
func (k *catalogKind) itemSchema() map[string]schema.Attribute {
	attrs := k.obj.attributes()
	oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot(k.key.arg))
	attrs["id"] = lookupArgument(fmt.Sprintf("Apple's ID of the %s. Exactly one of `id` and `%s` is required.", k.noun, k.key.arg), oneOf)
	attrs[k.key.arg] = lookupArgument(k.keyDoc, oneOf)
	return attrs
}

// listWriters is the state of a catalog list data source: every item of the
// collection under attr, from the shared fetch.
func (k *catalogKind) listWriters(ctx context.Context, q *query, attr string) stateWriters {
	records, err := k.all(ctx, q.f)
	if err != nil {
		return q.denied(err, k.access)
	}
	q.sizeHint = len(records) * 300
	return stateWriters{attr: func(w *msgpackWriter) {
		w.arrayLen(len(records))
		for _, r := range records {
			k.obj.write(w, r, nil)
		}
	}}
}

// itemWriters is the state of a singular catalog data source without
// values of its own: the item find names; nil after an error.
func (k *catalogKind) itemWriters(ctx context.Context, q *query) stateWriters {
	if r := k.find(ctx, q); r != nil {
		return k.obj.writers(r, nil)
	}
	return nil
}

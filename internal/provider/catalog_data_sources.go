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

// catalogKind is one collection of built-in device management's catalog as
// its data sources see it: abm_<plural> lists it, abm_<noun> reads one item
// by id (its own request) or by key (from the shared list).
type catalogKind struct {
	plural, noun string // "apps", "app": the data source names and the list attribute
	res          *client.Resource
	obj          *objectType
	access       access
	key          lookupKey // the lookup other than id
	keyDoc       string
	list         func(*client.Client) func(context.Context, func(*client.Record) error) error
	get          func(*client.Client) func(context.Context, string) (*client.Record, error)
}

var (
	appsKind = &catalogKind{plural: "apps", noun: "app", res: client.Apps, obj: appObject, access: appsAccess,
		key:    lookupKey{arg: "bundle_id", index: appBundleID},
		keyDoc: "Bundle identifier of the app, matched exactly. A bundle id shared by several apps is an error that lists their ids; use `id` then.",
		list:   func(c *client.Client) func(context.Context, func(*client.Record) error) error { return c.ListApps },
		get:    func(c *client.Client) func(context.Context, string) (*client.Record, error) { return c.GetApp }}
	packagesKind = &catalogKind{plural: "packages", noun: "package", res: client.Packages, obj: packageObject, access: packagesAccess,
		key:    lookupKey{arg: "name", index: packageName},
		keyDoc: "Name of the package, matched exactly. A name shared by several packages is an error that lists their ids; use `id` then.",
		list:   func(c *client.Client) func(context.Context, func(*client.Record) error) error { return c.ListPackages },
		get:    func(c *client.Client) func(context.Context, string) (*client.Record, error) { return c.GetPackage }}
	blueprintsKind = &catalogKind{plural: "blueprints", noun: "blueprint", res: client.Blueprints, obj: blueprintObject,
		access: blueprintsAccess, key: lookupKey{arg: "name", index: blueprintName},
		keyDoc: "Name of the blueprint, matched exactly. A name shared by several blueprints is an error that lists their ids; use `id` then.",
		list: func(c *client.Client) func(context.Context, func(*client.Record) error) error {
			return c.ListBlueprints
		},
		get: func(c *client.Client) func(context.Context, string) (*client.Record, error) { return c.GetBlueprint }}
	configurationsKind = &catalogKind{plural: "configurations", noun: "configuration", res: client.Configurations,
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
func (k *catalogKind) find(ctx context.Context, f *fleet, what string, attrs configArgs, diags *diag.Diagnostics) *client.Record {
	arg, value, err := configLookup(attrs, "id", k.key.arg)
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil
	}
	if arg == "id" {
		r, err := k.one(ctx, f, value)
		if err != nil {
			addLookupError(diags, what, k.noun, "id", value, err, k.access)
			return nil
		}
		return r
	}
	records, err := k.all(ctx, f)
	if err != nil {
		addAccessError(diags, what, err, k.access)
		return nil
	}
	return lookupOne(diags, k.noun, records, k.key, value, describeNamed(k.res.Index("name")))
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

var (
	_ stateReader = &catalogListDataSource{}
	_ stateReader = &catalogItemDataSource{}
)

// catalogListDataSource is abm_apps or abm_packages: the whole collection.
type catalogListDataSource struct {
	dataSourceBase
	k *catalogKind
}

// NewAppsDataSource returns abm_apps.
func NewAppsDataSource() datasource.DataSource { return &catalogListDataSource{k: appsKind} }

// NewPackagesDataSource returns abm_packages.
func NewPackagesDataSource() datasource.DataSource { return &catalogListDataSource{k: packagesKind} }

// Metadata names the data source.
func (d *catalogListDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.k.plural
}

// Schema describes the data source.
func (d *catalogListDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Every %s of the organization's built-in device management, in Apple's order. "+
			"Apple Business Manager only; built-in device management must be on, and the API account needs the privilege "+
			"%q. One request per 1000 %s, shared with every other data source of the provider.", d.k.noun, d.k.access.permission, d.k.plural),
		Attributes: map[string]schema.Attribute{
			d.k.plural: d.k.obj.nested(fmt.Sprintf("The %s.", d.k.plural)),
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists the collection.
func (d *catalogListDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *catalogListDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	what := "abm_" + d.k.plural
	_, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	records, err := d.k.all(ctx, f)
	if err != nil {
		addAccessError(&diags, what, err, d.k.access)
		return nil, diags
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		d.k.plural: func(w *msgpackWriter) {
			w.arrayLen(len(records))
			for _, r := range records {
				d.k.obj.write(w, r, nil)
			}
		},
	}, len(records)*300)
	diags.Append(d2...)
	return state, diags
}

// catalogItemDataSource is abm_app or abm_package: one item by id or key.
type catalogItemDataSource struct {
	dataSourceBase
	k *catalogKind
}

// NewAppDataSource returns abm_app.
func NewAppDataSource() datasource.DataSource { return &catalogItemDataSource{k: appsKind} }

// NewPackageDataSource returns abm_package.
func NewPackageDataSource() datasource.DataSource { return &catalogItemDataSource{k: packagesKind} }

// Metadata names the data source.
func (d *catalogItemDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.k.noun
}

// Schema describes the data source.
func (d *catalogItemDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("One %s of the organization's built-in device management, by `id` (one request) or "+
			"`%s` (from the shared list: one request per 1000 %s). Apple Business Manager only; built-in device management "+
			"must be on, and the API account needs the privilege %q.", d.k.noun, d.k.key.arg, d.k.plural, d.k.access.permission),
		Attributes: d.k.itemSchema(),
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the item.
func (d *catalogItemDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *catalogItemDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	what := "abm_" + d.k.noun
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	r := d.k.find(ctx, f, what, attrs, &diags)
	if r == nil {
		return nil, diags
	}
	state, d2 := encodeState(what, config, d.k.obj.writers(r, nil), 0)
	diags.Append(d2...)
	return state, diags
}

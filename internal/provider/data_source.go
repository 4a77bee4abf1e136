package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// declaration is one data source: what differs between data sources. Each
// lives in <name>_data_source.go; dataSource is the machinery that reads
// the configuration, bounds the read, checks the edition and writes the
// state for all of them.
type declaration struct {
	typeName string // as configurations spell it, e.g. "abm_user"
	doc      string // the data source's description (Markdown)
	// business: the data source reads an API only Apple Business Manager
	// has; an Apple School Manager configuration is refused before any request.
	business bool
	// attributes is the schema's arguments and computed attributes; the
	// timeouts block is added to every data source.
	attributes func() map[string]schema.Attribute
	// read fetches and filters, and returns the writers of the computed
	// attributes (attributes without one are copied from the configuration);
	// nil after it reported an error through q.
	read func(ctx context.Context, q *query) stateWriters
}

// stateWriters writes a state's attributes, by name (writeState).
type stateWriters = map[string]func(*msgpackWriter)

// query is one read of a data source: its arguments, the provider
// instance's shared view of the organization, and the diagnostics.
type query struct {
	what     string // the data source's type name, for diagnostics
	args     configArgs
	f        *fleet
	diags    diag.Diagnostics
	sizeHint int // bytes the state will take, roughly, for large states
}

// invalid reports a configuration the data source cannot read.
func (q *query) invalid(err error) stateWriters {
	q.diags.AddError("Invalid "+q.what+" configuration", err.Error())
	return nil
}

// failed reports a read that failed (addReadError).
func (q *query) failed(err error) stateWriters {
	addReadError(&q.diags, q.what, err)
	return nil
}

// denied reports a read that failed, naming for a 403 what the API account
// needs (addAccessError).
func (q *query) denied(err error, a access) stateWriters {
	addAccessError(&q.diags, q.what, err, a)
	return nil
}

// dataSource is every data source of the provider: a declaration and the
// provider instance it reads for.
type dataSource struct {
	decl *declaration
	data *providerData
}

var _ stateReader = &dataSource{}

// newDataSource is the framework's constructor of a declared data source.
func (d *declaration) newDataSource() datasource.DataSource { return &dataSource{decl: d} }

// Metadata names the data source.
func (d *dataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.decl.typeName
}

// Schema describes the data source.
func (d *dataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: d.decl.doc,
		Attributes:          d.decl.attributes(),
		Blocks:              map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Configure receives the provider's shared data.
func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // the provider is not configured yet (validate)
	}
	pd, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", req.ProviderData))
		return
	}
	d.data = pd
}

func (d *dataSource) setProviderData(pd *providerData) { d.data = pd }

// instance is the provider instance the data source reads for; nil before
// Configure.
func (d *dataSource) instance() *providerData { return d.data }

// Read is the framework's read (readWith); the protocol server reads
// through readState directly.
func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

// readState reads the configuration and its timeout, checks the edition,
// runs the declaration's read and encodes the state.
func (d *dataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	decl := d.decl
	q := &query{what: decl.typeName}
	args, err := configAttrs(config)
	timeout := defaultReadTimeout
	if err == nil {
		timeout, err = configReadTimeout(args)
	}
	if err != nil {
		q.invalid(err)
		return nil, q.diags
	}
	if d.data == nil {
		q.diags.AddError("Provider not configured", "The abm provider was not configured before this data source was read.")
		return nil, q.diags
	}
	f, fDiags := d.data.organization()
	q.diags.Append(fDiags...)
	if q.diags.HasError() {
		return nil, q.diags
	}
	if decl.business {
		if q.diags.Append(businessOnly(f, decl.typeName)...); q.diags.HasError() {
			return nil, q.diags
		}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	q.args, q.f = args, f
	writers := decl.read(ctx, q)
	if q.diags.HasError() {
		return nil, q.diags
	}
	state, err := writeState(config, writers, q.sizeHint)
	if err != nil {
		q.diags.AddError("Unable to encode the "+decl.typeName+" state", "This is a bug in the provider; please report it: "+err.Error())
		return nil, q.diags
	}
	return state, q.diags
}

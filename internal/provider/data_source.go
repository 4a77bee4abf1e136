package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
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

// defaultReadTimeout bounds one data source read, waits for Apple's
// Retry-After included, unless its timeouts block says otherwise.
const defaultReadTimeout = 20 * time.Minute

// stateReader is what every data source implements: it reads its state,
// encoded as MessagePack. The protocol server sends those bytes to
// Terraform as they are (server.go); the framework's Read (readWith)
// decodes them once.
type stateReader interface {
	datasource.DataSource
	readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics)
	setProviderData(*providerData)
	instance() *providerData
}

// readWith is the framework's Read of every data source: the state the data
// source encodes, decoded into the framework's form.
func readWith(ctx context.Context, r stateReader, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	state, diags := readDataSource(ctx, r, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	v, err := (&tfprotov6.DynamicValue{MsgPack: state}).Unmarshal(req.Config.Raw.Type())
	if err != nil {
		resp.Diagnostics.AddError("Unable to decode the state", "This is a bug in the provider; please report it: "+err.Error())
		return
	}
	resp.State.Raw = v
}

// addReadError turns a client error into one diagnostic whose summary says
// what failed and whose detail carries Apple's answer.
func addReadError(diags *diag.Diagnostics, what string, err error) {
	var throttled *client.ThrottledError
	var tokenErr *client.TokenError
	var apiErr *client.APIError
	switch {
	case errors.As(err, &throttled):
		diags.AddError("Apple is throttling requests", fmt.Sprintf("%s: %v", what, err))
	case errors.As(err, &tokenErr):
		diags.AddError("Cannot authenticate with Apple", fmt.Sprintf("%s: %v", what, err))
	case errors.Is(err, context.Canceled):
		diags.AddError("Read canceled", fmt.Sprintf("%s: the read was stopped (Terraform was interrupted) before Apple answered: %v", what, err))
	case errors.Is(err, context.DeadlineExceeded):
		diags.AddError("Read timed out", fmt.Sprintf("%s: %v. Raise the data source's timeouts.read if Apple is slow or throttling.", what, err))
	case errors.As(err, &apiErr):
		diags.AddError(fmt.Sprintf("Apple answered HTTP %d", apiErr.HTTPStatus), fmt.Sprintf("%s: %v", what, err))
	default:
		diags.AddError("Cannot read from Apple", fmt.Sprintf("%s: %v", what, err))
	}
}

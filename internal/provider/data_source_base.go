package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// defaultReadTimeout bounds one data source read, waits for Apple's
// Retry-After included, unless its timeouts block says otherwise.
const defaultReadTimeout = 20 * time.Minute

// dataSourceBase holds what every data source gets from Configure.
type dataSourceBase struct {
	data *providerData
}

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

// Configure receives the provider's shared data.
func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return // the provider is not configured yet (validate)
	}
	d, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", req.ProviderData))
		return
	}
	b.data = d
}

func (b *dataSourceBase) setProviderData(d *providerData) { b.data = d }

// instance is the provider instance the data source reads for; nil before
// Configure.
func (b *dataSourceBase) instance() *providerData { return b.data }

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

// begin reads a data source's configuration and returns its attributes, the
// shared view of the organization and a context bounded by the read timeout
// of its timeouts block.
func (b *dataSourceBase) begin(ctx context.Context, what string, config tftypes.Value) (configArgs, *fleet, context.Context, context.CancelFunc, diag.Diagnostics) {
	var diags diag.Diagnostics
	noop := func() {}
	attrs, err := configAttrs(config)
	var timeout time.Duration
	if err == nil {
		timeout, err = configReadTimeout(attrs)
	}
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, nil, ctx, noop, diags
	}
	if b.data == nil {
		diags.AddError("Provider not configured", "The abm provider was not configured before this data source was read.")
		return nil, nil, ctx, noop, diags
	}
	f, d := b.data.organization()
	diags.Append(d...)
	if diags.HasError() {
		return nil, nil, ctx, noop, diags
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	return attrs, f, ctx, cancel, diags
}

// encodeState is writeState for a data source named what, with the
// diagnostic a failure to encode gets.
func encodeState(what string, config tftypes.Value, computed map[string]func(*msgpackWriter), sizeHint int) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	state, err := writeState(config, computed, sizeHint)
	if err != nil {
		diags.AddError("Unable to encode the "+what+" state", "This is a bug in the provider; please report it: "+err.Error())
	}
	return state, diags
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

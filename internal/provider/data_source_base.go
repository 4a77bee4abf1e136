package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// defaultReadTimeout bounds one data source read, waits for Apple's
// Retry-After included, unless its timeouts block says otherwise.
const defaultReadTimeout = 20 * time.Minute

// dataSourceBase holds what every data source gets from Configure.
type dataSourceBase struct {
	data *providerData
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

// begin returns the shared view of the organization and a context bounded by
// the read timeout of the data source's timeouts block.
func (b *dataSourceBase) begin(ctx context.Context, t timeouts.Value) (*fleet, context.Context, context.CancelFunc, diag.Diagnostics) {
	timeout, diags := t.Read(ctx, defaultReadTimeout)
	if diags.HasError() {
		return nil, ctx, func() {}, diags
	}
	return b.start(ctx, timeout)
}

// start is begin for a timeout already read.
func (b *dataSourceBase) start(ctx context.Context, timeout time.Duration) (*fleet, context.Context, context.CancelFunc, diag.Diagnostics) {
	var diags diag.Diagnostics
	if b.data == nil {
		diags.AddError("Provider not configured", "The abm provider was not configured before this data source was read.")
		return nil, ctx, func() {}, diags
	}
	f, d := b.data.organization()
	diags.Append(d...)
	if diags.HasError() {
		return nil, ctx, func() {}, diags
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	return f, ctx, cancel, diags
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

package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// parseMaxAge reads a maximum age such as "15m" or "1h30m": Go's duration
// syntax, zero or more.
func parseMaxAge(raw string) (time.Duration, error) {
	d, err := time.ParseDuration(raw)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration; expected a number with a unit, such as \"15m\", \"1h\" or \"0s\" (off)", raw)
	}
	if d < 0 {
		return 0, fmt.Errorf("%q is negative; expected \"0s\" (off) or more", raw)
	}
	return d, nil
}

// durationValidator checks a maximum age at plan time.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "a duration such as \"15m\", zero or more"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseMaxAge(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration", fmt.Sprintf("%s: %v.", where(req.Path.String()), err))
	}
}

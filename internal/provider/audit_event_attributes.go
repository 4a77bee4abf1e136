package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// auditEventObject is an audit event in abm_audit_events: the attributes the
// client declares (client.AuditEvents) and Apple's id.
var auditEventObject = newObjectType(client.AuditEvents, idAttribute("Apple's opaque ID of the event."))

// The event attributes the data source filters and sorts by, by position in
// a record.
var (
	auditEventTime     = client.AuditEvents.Index("eventDateTime")
	auditEventType     = client.AuditEvents.Index("type")
	auditEventCategory = client.AuditEvents.Index("category")
)

// rfc3339Validator accepts an RFC 3339 timestamp, as timestamp() and
// timeadd() write them, when the value is known at plan.
type rfc3339Validator struct{}

var _ validator.String = rfc3339Validator{}

func (rfc3339Validator) Description(context.Context) string {
	return "must be an RFC 3339 timestamp such as 2026-06-01T00:00:00Z"
}

func (v rfc3339Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v rfc3339Validator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := parseRFC3339(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid timestamp", fmt.Sprintf("%s %v", req.Path, err))
	}
}

// parseRFC3339 reads a timestamp the way Terraform's time functions write
// them (fractional seconds optional, any offset).
func parseRFC3339(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 timestamp such as \"2026-06-01T00:00:00Z\" or "+
			"timeadd(plantimestamp(), \"-24h\")", s)
	}
	return t, nil
}

// appleTimestamp is a time as Apple's filters take it: UTC, "Z".
func appleTimestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

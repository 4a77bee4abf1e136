package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// maxTypeWalks is the most types read with one filtered walk each. Apple's
// filter[type] takes one value, so k types cost k walks of at least one
// request each: Σ max(1, ⌈nₜ/1000⌉), at most k−1 requests more than the
// events asked for need. One unfiltered walk, filtered here, costs
// max(1, ⌈N/1000⌉) for all N events of the window, however few of them are
// of the types asked for. Apple gives no counts up front, so the choice is
// by k alone: up to 8 types (a few rare types in a long window is the common
// case: "no API key generated this month") the walks per type; beyond that
// the types asked for are most of the trail, and one walk wastes little.
const maxTypeWalks = 8

// auditAccess is what Apple requires to read audit events.
var auditAccess = access{permission: "Access audit events using the Admin API"}

// abm_audit_events: the organization's audit trail over a time window,
// filtered.
var auditEventsDataSource = &declaration{
	typeName: "abm_audit_events",
	doc: "The organization's audit trail (Apple Business Manager only): who added, released, assigned and " +
		"unassigned devices, created or revoked API accounts and keys, changed roles and configurations, between " +
		"`start_date_time` and `end_date_time`, oldest first (ties by id). `actor_id` and `subject_id` are Apple's " +
		"filters; one entry in `types` is Apple's filter too. Several `types` cost one walk per type when there are " +
		"at most 8 (each at least one request), else one walk of the whole window filtered here; `categories` " +
		"filter here. One request per 1000 events read. The API account needs the privilege \"Access audit " +
		"events using the Admin API\".",
	business: true,
	attributes: func() map[string]schema.Attribute {
		stamp := []validator.String{rfc3339Validator{}}
		return map[string]schema.Attribute{
			"start_date_time": schema.StringAttribute{
				Required:   true,
				Validators: stamp,
				MarkdownDescription: "Start of the window, RFC 3339 (`2026-06-01T00:00:00Z`); for a sliding window " +
					"`timeadd(plantimestamp(), \"-24h\")`, which is known at plan.",
			},
			"end_date_time": schema.StringAttribute{
				Optional:   true,
				Computed:   true,
				Validators: append(stamp, auditWindowValidator{}),
				MarkdownDescription: "End of the window, RFC 3339; it must not be before `start_date_time`. Default: " +
					"the time of the read, which this attribute then holds.",
			},
			"actor_id": schema.StringAttribute{
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Only events by this user or API account (Apple's `filter[actorId]`).",
			},
			"subject_id": schema.StringAttribute{
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				MarkdownDescription: "Only events about this subject, e.g. a device's serial number (Apple's `filter[subjectId]`).",
			},
			"types": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
				MarkdownDescription: "Only events of these types, e.g. `DEVICE_ADDED_TO_ORG`, `DEVICE_REMOVED_FROM_ORG`, " +
					"`DEVICE_ASSIGNED_TO_SERVER`, `DEVICE_UNASSIGNED_FROM_SERVER`, `API_ACCOUNT_KEY_GENERATED`. Not checked " +
					"against a list: Apple adds types. Unset means every type.",
			},
			"categories": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
				MarkdownDescription: "Only events of these categories (`ORGANIZATION`, `ACCOUNT_ACTIVITY`, `DEVICE_INVENTORY`, " +
					"`PURCHASING`, `DEVICE_MANAGEMENT`, and undocumented ones Apple sends such as `DEVICE_ACTIVITY`), " +
					"filtered here. Unset means every category.",
			},
			"events": auditEventObject.nested("The events of the window that pass the filters, oldest first."),
		}
	},
	read: readAuditEvents,
}

// auditWindowValidator refuses, at plan when both are known, a window that
// ends before it starts. It validates end_date_time, where its error points.
type auditWindowValidator struct{}

var _ validator.String = auditWindowValidator{}

func (auditWindowValidator) Description(context.Context) string {
	return "must not be before start_date_time"
}

func (v auditWindowValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (auditWindowValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	var start types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("start_date_time"), &start)...)
	end := req.ConfigValue
	if start.IsNull() || start.IsUnknown() || end.IsNull() || end.IsUnknown() {
		return
	}
	s, err1 := parseRFC3339(start.ValueString())
	e, err2 := parseRFC3339(end.ValueString())
	if err1 == nil && err2 == nil && e.Before(s) {
		resp.Diagnostics.AddAttributeError(path.Root("end_date_time"), "Audit window ends before it starts",
			windowError(start.ValueString(), end.ValueString()))
	}
}

func windowError(start, end string) string {
	return fmt.Sprintf("end_date_time (%s) is before start_date_time (%s); the window must not end before it starts.", end, start)
}

// readAuditEvents reads the events.
func readAuditEvents(ctx context.Context, q *query) stateWriters {
	aq, typeList, categories, endRead, err := auditArguments(q.args)
	if err != nil {
		return q.invalid(err)
	}
	events, err := walkAuditEvents(ctx, q.f.c, aq, typeList)
	if err != nil {
		return q.denied(err, auditAccess)
	}
	kept := events[:0]
	for _, r := range events {
		if categories.match(r.Field(auditEventCategory)) {
			kept = append(kept, r)
		}
	}
	computed := stateWriters{
		"events": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for _, r := range kept {
				auditEventObject.write(w, r, nil)
			}
		},
	}
	if endRead != "" {
		computed["end_date_time"] = func(w *msgpackWriter) { w.str(endRead) }
	}
	q.sizeHint = len(kept) * 600
	return computed
}

// auditArguments reads the configuration: the query, the types, the
// category filter and, when end_date_time is not configured, the read time
// used as the end. A window ending before it starts is refused here, before
// any request, whether its end was configured or is now.
func auditArguments(attrs configArgs) (q client.AuditQuery, typeList []string, categories filter, endRead string, err error) {
	startText, _, err := attrs.str("start_date_time")
	if err != nil {
		return q, nil, nil, "", err
	}
	start, err := parseRFC3339(startText)
	if err != nil {
		return q, nil, nil, "", fmt.Errorf("start_date_time %w", err)
	}
	endText, hasEnd, err := attrs.str("end_date_time")
	if err != nil {
		return q, nil, nil, "", err
	}
	end := time.Now().UTC().Truncate(time.Millisecond)
	if hasEnd {
		if end, err = parseRFC3339(endText); err != nil {
			return q, nil, nil, "", fmt.Errorf("end_date_time %w", err)
		}
	} else {
		endText = appleTimestamp(end)
		endRead = endText
	}
	if end.Before(start) {
		return q, nil, nil, "", errors.New(windowError(startText, endText) + " No request was made.")
	}
	actor, _, aErr := attrs.str("actor_id")
	subject, _, sErr := attrs.str("subject_id")
	typeList, _, tErr := attrs.strings("types")
	categories, cErr := attrs.filter("categories")
	if err := firstError(aErr, sErr, tErr, cErr); err != nil {
		return q, nil, nil, "", err
	}
	slices.Sort(typeList)
	q = client.AuditQuery{Start: appleTimestamp(start), End: appleTimestamp(end), ActorID: actor, SubjectID: subject}
	return q, typeList, categories, endRead, nil
}

// walkAuditEvents reads the events of q of the given types (all when none),
// by the rule of maxTypeWalks, oldest first and ties by id, whatever order
// Apple answers in and however many walks it took.
func walkAuditEvents(ctx context.Context, c *client.Client, q client.AuditQuery, typeList []string) ([]*client.Record, error) {
	var events []*client.Record
	switch {
	case len(typeList) == 1 || (len(typeList) > 1 && len(typeList) <= maxTypeWalks):
		perType := make([][]*client.Record, len(typeList)) // each walk fills its own slot
		err := eachParallel(ctx, len(typeList), func(ctx context.Context, i int) error {
			tq := q
			tq.Type = typeList[i]
			return c.ListAuditEvents(ctx, tq, func(r *client.Record) error {
				perType[i] = append(perType[i], r)
				return nil
			})
		})
		if err != nil {
			return nil, err
		}
		for _, list := range perType {
			events = append(events, list...)
		}
	default:
		var wanted filter // nil: every type
		if len(typeList) > 0 {
			wanted = newFilter(typeList)
		}
		err := c.ListAuditEvents(ctx, q, func(r *client.Record) error {
			if wanted.match(r.Field(auditEventType)) {
				events = append(events, r)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sortAuditEvents(events)
	return events, nil
}

// sortAuditEvents orders events by time, then id. Apple's timestamps carry
// 0–3 fractional digits, so they are compared as times, not as text; an
// event without a time comes last.
func sortAuditEvents(events []*client.Record) {
	type keyed struct {
		at  time.Time
		has bool
		r   *client.Record
	}
	ks := make([]keyed, len(events))
	for i, r := range events {
		ks[i].r = r
		if v, ok := r.Str(auditEventTime); ok {
			if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
				ks[i].at, ks[i].has = t, true
			}
		}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.has != b.has:
			if a.has {
				return -1
			}
			return 1
		case !a.at.Equal(b.at):
			return a.at.Compare(b.at)
		}
		return strings.Compare(a.r.ID, b.r.ID)
	})
	for i := range ks {
		events[i] = ks[i].r
	}
}

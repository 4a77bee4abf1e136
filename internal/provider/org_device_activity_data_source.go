package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// activityLogRow is one row of the activity's CSV log.
var activityLogRow = map[string]schema.Attribute{
	"serial_number":       schema.StringAttribute{Computed: true, MarkdownDescription: "Serial number of the device."},
	"operation_status":    schema.StringAttribute{Computed: true, MarkdownDescription: "What happened to the device, e.g. `SUCCESS` or `FAILED`."},
	"operation_substatus": schema.StringAttribute{Computed: true, MarkdownDescription: "Why, e.g. `DEVICE_NOT_FOUND` or `ALREADY_ASSIGNED`; null when the row has none."},
}

// activityObject is the activity without its id (the argument), with
// download_url sensitive and the log added.
var activityObject = newObjectType(client.OrgDeviceActivities,
	added{name: "download_url", schema: schema.StringAttribute{Computed: true, Sensitive: true,
		MarkdownDescription: client.OrgDeviceActivities.Attrs[client.OrgDeviceActivities.Index("downloadUrl")].Doc}},
	added{name: "log", schema: schema.ListNestedAttribute{Computed: true,
		MarkdownDescription: "Rows of the activity's CSV log, in its order, with `include_log`; null otherwise, and null while " +
			"the activity has no log (before it completes). Empty when the log has no rows.",
		NestedObject: schema.NestedAttributeObject{Attributes: activityLogRow}}},
)

// abm_org_device_activity: one device activity (an assignment or release)
// by id, with its log when asked.
var orgDeviceActivityDataSource = &declaration{
	typeName: "abm_org_device_activity",
	doc: "One device activity (an assignment, unassignment, release or MDM migration Apple ran), by id: its " +
		"status and times and, with `include_log`, the per-device rows of its log. Apple Business Manager and Apple School " +
		"Manager. One request, and one download with `include_log`. Apple keeps an activity for 30 days.",
	attributes: func() map[string]schema.Attribute {
		attrs := activityObject.attributes()
		attrs["id"] = requiredKey("Id of the activity, as returned when it was created. Apple keeps activities for 30 days.")
		attrs["include_log"] = schema.BoolAttribute{
			Optional: true,
			MarkdownDescription: "Also download the activity's CSV log into `log` (one request to Apple's storage, made without " +
				"the API's credentials). Default `false`.",
		}
		return attrs
	},
	read: readOrgDeviceActivity,
}

var activityDownloadURL = client.OrgDeviceActivities.Index("downloadUrl")

// readOrgDeviceActivity fetches the activity and, when asked, its log.
func readOrgDeviceActivity(ctx context.Context, q *query) stateWriters {
	id, _, iErr := q.args.str("id")
	withLog, bErr := q.args.boolean("include_log")
	if err := firstError(iErr, bErr); err != nil {
		return q.invalid(err)
	}
	r, err := q.f.c.GetOrgDeviceActivity(ctx, id)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.NotFound() {
		q.diags.AddAttributeError(path.Root("id"), "Device activity not found",
			fmt.Sprintf("Apple has no device activity with id %q (%v). Apple keeps activities for 30 days only: an older "+
				"activity is gone, as is one that never existed.", id, err))
		return nil
	}
	if err != nil {
		return q.denied(err, access{permission: "View device management services, manage default platform assignment, and add devices with Apple Configurator."})
	}
	extra := [][]byte{nil, nil}
	link, hasLink := r.Str(activityDownloadURL)
	if hasLink {
		var w msgpackWriter
		w.str(link)
		extra[0] = w.buf
	}
	if withLog && hasLink {
		rows, err := q.f.c.DownloadActivityLog(ctx, link)
		if err != nil {
			q.diags.AddError("Cannot read the device activity's log", fmt.Sprintf("%s: activity %q: %v", q.what, id, err))
			return nil
		}
		extra[1] = encodeActivityLog(rows)
	}
	return activityObject.writers(r, extra)
}

// encodeActivityLog writes the log rows as a list of objects, attributes
// in name order; an empty substatus is null, as Apple sent nothing.
func encodeActivityLog(rows []client.ActivityLogRow) []byte {
	var w msgpackWriter
	w.arrayLen(len(rows))
	for _, row := range rows {
		w.mapLen(3)
		w.str("operation_status")
		w.str(row.OperationStatus)
		w.str("operation_substatus")
		if row.OperationSubstatus == "" {
			w.null()
		} else {
			w.str(row.OperationSubstatus)
		}
		w.str("serial_number")
		w.str(row.SerialNumber)
	}
	return w.buf
}

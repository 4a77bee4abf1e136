package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &OrgDeviceActivityDataSource{}

// OrgDeviceActivityDataSource is abm_org_device_activity: one device
// activity (an assignment or release) by id, with its log when asked.
type OrgDeviceActivityDataSource struct {
	dataSourceBase
}

// NewOrgDeviceActivityDataSource returns the data source.
func NewOrgDeviceActivityDataSource() datasource.DataSource { return &OrgDeviceActivityDataSource{} }

// Metadata names the data source.
func (d *OrgDeviceActivityDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_device_activity"
}

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

// Schema describes the data source.
func (d *OrgDeviceActivityDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := activityObject.attributes()
	attrs["id"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Id of the activity, as returned when it was created. Apple keeps activities for 30 days.",
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["include_log"] = schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: "Also download the activity's CSV log into `log` (one request to Apple's storage, made without " +
			"the API's credentials). Default `false`.",
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "One device activity (an assignment, unassignment, release or MDM migration Apple ran), by id: its " +
			"status and times and, with `include_log`, the per-device rows of its log. Apple Business Manager and Apple School " +
			"Manager. One request, and one download with `include_log`. Apple keeps an activity for 30 days.",
		Attributes: attrs,
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read fetches the activity and, when asked, its log.
func (d *OrgDeviceActivityDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

var activityDownloadURL = client.OrgDeviceActivities.Index("downloadUrl")

func (d *OrgDeviceActivityDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_org_device_activity"
	attrs, f, ctx, cancel, diags := d.begin(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	id, _, iErr := attrs.str("id")
	withLog, bErr := attrs.boolean("include_log")
	if err := firstError(iErr, bErr); err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	r, err := f.c.GetOrgDeviceActivity(ctx, id)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.NotFound() {
		diags.AddAttributeError(path.Root("id"), "Device activity not found",
			fmt.Sprintf("Apple has no device activity with id %q (%v). Apple keeps activities for 30 days only: an older "+
				"activity is gone, as is one that never existed.", id, err))
		return nil, diags
	}
	if err != nil {
		addAccessError(&diags, what, err, access{permission: "View device management services, manage default platform assignment, and add devices with Apple Configurator."})
		return nil, diags
	}
	extra := [][]byte{nil, nil}
	link, hasLink := r.Str(activityDownloadURL)
	if hasLink {
		var w msgpackWriter
		w.str(link)
		extra[0] = w.buf
	}
	if withLog && hasLink {
		rows, err := f.c.DownloadActivityLog(ctx, link)
		if err != nil {
			diags.AddError("Cannot read the device activity's log", fmt.Sprintf("%s: activity %q: %v", what, id, err))
			return nil, diags
		}
		extra[1] = encodeActivityLog(rows)
	}
	state, d2 := encodeState(what, config, activityObject.writers(r, extra), 0)
	diags.Append(d2...)
	return state, diags
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

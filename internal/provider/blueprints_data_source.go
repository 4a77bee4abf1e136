package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ stateReader = &BlueprintsDataSource{}

// BlueprintsDataSource is abm_blueprints: every blueprint, with the ids of
// their relationships when asked.
type BlueprintsDataSource struct {
	dataSourceBase
}

// NewBlueprintsDataSource returns the data source.
func NewBlueprintsDataSource() datasource.DataSource { return &BlueprintsDataSource{} }

// Metadata names the data source.
func (d *BlueprintsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_blueprints"
}

// Schema describes the data source.
func (d *BlueprintsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every blueprint of the organization's built-in device management, in Apple's order. Apple " +
			"Business Manager only; built-in device management must be on, and the API account needs the privilege " +
			"\"View Blueprints\". One request per 1000 blueprints, shared with every other data source of the provider; " +
			"with `include_relationships`, six more requests per blueprint (one per relationship and 1000 ids), at most " +
			"four at a time.",
		Attributes: map[string]schema.Attribute{
			"include_relationships": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each blueprint's six relationships into `app_ids`, `configuration_ids`, " +
					"`package_ids`, `device_serial_numbers`, `user_ids` and `user_group_ids`. Default `false`, which leaves " +
					"them null.",
			},
			"blueprints": blueprintObject.nested("The blueprints."),
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists the blueprints.
func (d *BlueprintsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *BlueprintsDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_blueprints"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	withRelated, err := attrs.boolean("include_relationships")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	blueprints, err := blueprintsKind.all(ctx, f)
	if err != nil {
		addAccessError(&diags, what, err, blueprintsAccess)
		return nil, diags
	}
	var related [][][]string
	if withRelated {
		ids := make([]string, len(blueprints))
		for i, b := range blueprints {
			ids[i] = b.ID
		}
		if related, err = blueprintRelated(ctx, f, ids); err != nil {
			addBlueprintError(&diags, what, err)
			return nil, diags
		}
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		"blueprints": func(w *msgpackWriter) {
			w.arrayLen(len(blueprints))
			for i, b := range blueprints {
				var extra [][]byte
				if related != nil {
					extra = blueprintExtra(related[i])
				}
				blueprintObject.write(w, b, extra)
			}
		},
	}, len(blueprints)*300)
	diags.Append(d2...)
	return state, diags
}

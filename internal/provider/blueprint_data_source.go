package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ stateReader = &BlueprintDataSource{}

// BlueprintDataSource is abm_blueprint: one blueprint by id or name, with
// the ids of its six relationships.
type BlueprintDataSource struct {
	dataSourceBase
}

// NewBlueprintDataSource returns the data source.
func NewBlueprintDataSource() datasource.DataSource { return &BlueprintDataSource{} }

// Metadata names the data source.
func (d *BlueprintDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_blueprint"
}

// Schema describes the data source.
func (d *BlueprintDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One blueprint of the organization's built-in device management, by `id` (one request) or " +
			"`name` (from the shared list: one request per 1000 blueprints), with the ids of its apps, configurations, " +
			"packages, devices, users and user groups (six more requests, one per relationship and 1000 ids). Apple " +
			"Business Manager only; built-in device management must be on, and the API account needs the privilege " +
			"\"View Blueprints\". A relationship Apple refuses (403) is an error naming it, never an empty list.",
		Attributes: blueprintsKind.itemSchema(),
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the blueprint and its relationships.
func (d *BlueprintDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *BlueprintDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_blueprint"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	b := blueprintsKind.find(ctx, f, what, attrs, &diags)
	if b == nil {
		return nil, diags
	}
	related, err := blueprintRelated(ctx, f, []string{b.ID})
	if err != nil {
		addBlueprintError(&diags, what, err)
		return nil, diags
	}
	state, d2 := encodeState(what, config, blueprintObject.writers(b, blueprintExtra(related[0])), 0)
	diags.Append(d2...)
	return state, diags
}

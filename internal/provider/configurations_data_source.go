package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &ConfigurationsDataSource{}

// ConfigurationsDataSource is abm_configurations: every configuration,
// optionally of some types only, with custom profiles when asked.
type ConfigurationsDataSource struct {
	dataSourceBase
}

// NewConfigurationsDataSource returns the data source.
func NewConfigurationsDataSource() datasource.DataSource { return &ConfigurationsDataSource{} }

// customSettingType is the one configuration type with a profile.
const customSettingType = "CUSTOM_SETTING"

// Metadata names the data source.
func (d *ConfigurationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_configurations"
}

// Schema describes the data source.
func (d *ConfigurationsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Every configuration of the organization's built-in device management, of every type, in " +
			"Apple's order. Apple Business Manager only; built-in device management must be on, and the API account needs " +
			"the privilege \"View device configurations\". One request per 1000 configurations, shared with every other " +
			"data source of the provider; with `include_custom_settings`, one more request per `CUSTOM_SETTING` " +
			"configuration kept by the filter, at most four at a time.",
		Attributes: map[string]schema.Attribute{
			"types": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only configurations of these types, e.g. `CUSTOM_SETTING`, `FILE_VAULT`, `WIFI`. " +
					"Not checked against a list: Apple documents 23 types and adds more. Unset means no filter.",
			},
			"include_custom_settings": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each `CUSTOM_SETTING` configuration by id for its `custom_settings_values` " +
					"(Apple's list always sends them as null). Default `false`, which leaves them null.",
			},
			"configurations": configurationObject.nested("The configurations that pass the filter."),
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists the configurations.
func (d *ConfigurationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *ConfigurationsDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_configurations"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	types, tErr := attrs.filter("types")
	withCustom, bErr := attrs.boolean("include_custom_settings")
	if err := firstError(tErr, bErr); err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	all, err := configurationsKind.all(ctx, f)
	if err != nil {
		addAccessError(&diags, what, err, configurationsAccess)
		return nil, diags
	}
	var kept []*client.Record
	for _, c := range all {
		if types.match(c.Field(configurationType)) {
			kept = append(kept, c)
		}
	}
	if withCustom {
		if err := withCustomSettings(ctx, f, kept); err != nil {
			addAccessError(&diags, what, err, configurationsAccess)
			return nil, diags
		}
	}
	state, d2 := encodeState(what, config, map[string]func(*msgpackWriter){
		"configurations": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for _, c := range kept {
				configurationObject.write(w, c, configurationExtra(c))
			}
		},
	}, len(kept)*300)
	diags.Append(d2...)
	return state, diags
}

// withCustomSettings replaces, in records, each CUSTOM_SETTING
// configuration by the one read by id, which carries its profile; at most
// maxParallelWalks reads at a time, each once per provider instance.
func withCustomSettings(ctx context.Context, f *fleet, records []*client.Record) error {
	var custom []int
	for i, r := range records {
		if t, _ := r.Str(configurationType); t == customSettingType {
			custom = append(custom, i)
		}
	}
	return eachParallel(ctx, len(custom), func(ctx context.Context, n int) error {
		i := custom[n]
		r, err := configurationsKind.one(ctx, f, records[i].ID)
		if err != nil {
			return err
		}
		records[i] = r
		return nil
	})
}

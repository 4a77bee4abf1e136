package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ stateReader = &ConfigurationDataSource{}

// ConfigurationDataSource is abm_configuration: one configuration by id or
// name, with its profile when it is a CUSTOM_SETTING.
type ConfigurationDataSource struct {
	dataSourceBase
}

// NewConfigurationDataSource returns the data source.
func NewConfigurationDataSource() datasource.DataSource { return &ConfigurationDataSource{} }

// Metadata names the data source.
func (d *ConfigurationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_configuration"
}

// Schema describes the data source.
func (d *ConfigurationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One configuration of the organization's built-in device management, by `id` (one request) " +
			"or `name` (from the shared list: one request per 1000 configurations, and one more for a `CUSTOM_SETTING` " +
			"configuration, whose profile the list does not carry). `custom_settings_values.configuration_profile` is the " +
			"profile's text whether Apple sends Base64 or raw XML. Apple Business Manager only; built-in device management " +
			"must be on, and the API account needs the privilege \"View device configurations\".",
		Attributes: configurationsKind.itemSchema(),
		Blocks:     map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read finds the configuration.
func (d *ConfigurationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *ConfigurationDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_configuration"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	c := configurationsKind.find(ctx, f, what, attrs, &diags)
	if c == nil {
		return nil, diags
	}
	// A configuration found in the list has no profile yet.
	records := []*client.Record{c}
	if err := withCustomSettings(ctx, f, records); err != nil {
		addAccessError(&diags, what, err, configurationsAccess)
		return nil, diags
	}
	c = records[0]
	state, d2 := encodeState(what, config, configurationObject.writers(c, configurationExtra(c)), 0)
	diags.Append(d2...)
	return state, diags
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_configuration: one configuration by id or name, with its profile
// when it is a CUSTOM_SETTING.
var configurationDataSource = &declaration{
	typeName: "abm_configuration",
	doc: "One configuration of the organization's built-in device management, by `id` (one request) " +
		"or `name` (from the shared list: one request per 1000 configurations, and one more for a `CUSTOM_SETTING` " +
		"configuration, whose profile the list does not carry). `custom_settings_values.configuration_profile` is the " +
		"profile's text whether Apple sends Base64 or raw XML. Apple Business Manager only; built-in device management " +
		"must be on, and the API account needs the privilege \"View device configurations\".",
	business:   true,
	attributes: func() map[string]schema.Attribute { return configurationsKind.itemSchema() },
	read:       readConfiguration,
}

func readConfiguration(ctx context.Context, q *query) stateWriters {
	c := configurationsKind.find(ctx, q)
	if c == nil {
		return nil
	}
	// A configuration found in the list has no profile yet.
	records := []*client.Record{c}
	if err := withCustomSettings(ctx, q.f, records); err != nil {
		return q.denied(err, configurationsAccess)
	}
	c = records[0]
	return configurationObject.writers(c, configurationExtra(c))
}

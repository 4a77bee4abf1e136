package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// customSettingType is the one configuration type with a profile.
const customSettingType = "CUSTOM_SETTING"

// abm_configurations: every configuration, optionally of some types only,
// with custom profiles when asked.
var configurationsDataSource = &declaration{
	typeName: "abm_configurations",
	doc: "Every configuration of the organization's built-in device management, of every type, in " +
		"Apple's order. Apple Business Manager only; built-in device management must be on, and the API account needs " +
		"the privilege \"View device configurations\". One request per 1000 configurations, shared with every other " +
		"data source of the provider; with `include_custom_settings`, one more request per `CUSTOM_SETTING` " +
		"configuration kept by the filter, at most four at a time.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
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
		}
	},
	read: readConfigurations,
}

func readConfigurations(ctx context.Context, q *query) stateWriters {
	types, tErr := q.args.filter("types")
	withCustom, bErr := q.args.boolean("include_custom_settings")
	if err := firstError(tErr, bErr); err != nil {
		return q.invalid(err)
	}
	all, err := configurationsKind.all(ctx, q.f)
	if err != nil {
		return q.denied(err, configurationsAccess)
	}
	var kept []*client.Record
	for _, c := range all {
		if types.match(c.Field(configurationType)) {
			kept = append(kept, c)
		}
	}
	if withCustom {
		if err := withCustomSettings(ctx, q.f, kept); err != nil {
			return q.denied(err, configurationsAccess)
		}
	}
	q.sizeHint = len(kept) * 300
	return stateWriters{
		"configurations": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for _, c := range kept {
				configurationObject.write(w, c, configurationExtra(c))
			}
		},
	}
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

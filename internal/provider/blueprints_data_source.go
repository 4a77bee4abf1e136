package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_blueprints: every blueprint, with the ids of their relationships when
// asked.
var blueprintsDataSource = &declaration{
	typeName: "abm_blueprints",
	doc: "Every blueprint of the organization's built-in device management, in Apple's order. Apple " +
		"Business Manager only; built-in device management must be on, and the API account needs the privilege " +
		"\"View Blueprints\". One request per 1000 blueprints, shared with every other data source of the provider; " +
		"with `include_relationships`, six more requests per blueprint (one per relationship and 1000 ids), at most " +
		"four at a time.",
	business: true,
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"include_relationships": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each blueprint's six relationships into `app_ids`, `configuration_ids`, " +
					"`package_ids`, `device_serial_numbers`, `user_ids` and `user_group_ids`. Default `false`, which leaves " +
					"them null.",
			},
			"blueprints": blueprintObject.nested("The blueprints."),
		}
	},
	read: readBlueprints,
}

func readBlueprints(ctx context.Context, q *query) stateWriters {
	withRelated, err := q.args.boolean("include_relationships")
	if err != nil {
		return q.invalid(err)
	}
	blueprints, err := blueprintsKind.all(ctx, q.f)
	if err != nil {
		return q.denied(err, blueprintsAccess)
	}
	var related [][][]string
	if withRelated {
		ids := make([]string, len(blueprints))
		for i, b := range blueprints {
			ids[i] = b.ID
		}
		if related, err = blueprintRelated(ctx, q.f, ids); err != nil {
			addBlueprintError(&q.diags, q.what, err)
			return nil
		}
	}
	q.sizeHint = len(blueprints) * 300
	return stateWriters{
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
	}
}

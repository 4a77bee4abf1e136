package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// abm_blueprint: one blueprint by id or name, with the ids of its six
// relationships.
var blueprintDataSource = &declaration{
	typeName: "abm_blueprint",
	doc: "One blueprint of the organization's built-in device management, by `id` (one request) or " +
		"`name` (from the shared list: one request per 1000 blueprints), with the ids of its apps, configurations, " +
		"packages, devices, users and user groups (six more requests, one per relationship and 1000 ids). Apple " +
		"Business Manager only; built-in device management must be on, and the API account needs the privilege " +
		"\"View Blueprints\". A relationship Apple refuses (403) is an error naming it, never an empty list.",
	business:   true,
	attributes: func() map[string]schema.Attribute { return blueprintsKind.itemSchema() },
	read:       readBlueprint,
}

func readBlueprint(ctx context.Context, q *query) stateWriters {
	b := blueprintsKind.find(ctx, q)
	if b == nil {
		return nil
	}
	related, err := blueprintRelated(ctx, q.f, []string{b.ID})
	if err != nil {
		addBlueprintError(&q.diags, q.what, err)
		return nil
	}
	return blueprintObject.writers(b, blueprintExtra(related[0]))
}

package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// relationshipError is a failed walk of one relationship of one blueprint.
type relationshipError struct {
	rel, id string
	err     error
}

func (e *relationshipError) Error() string { return e.err.Error() }
func (e *relationshipError) Unwrap() error { return e.err }

// blueprintRelated reads the six relationships of every blueprint in ids,
// each walk once per provider instance, at most maxParallelWalks at a time.
// The result has, per blueprint, the ids of each relationship in the order
// of client.BlueprintRelationships. A relationship Apple refuses is an
// error, never an empty list: an empty list would claim the blueprint
// holds nothing there.
func blueprintRelated(ctx context.Context, f *fleet, ids []string) ([][][]string, error) {
	rels := client.BlueprintRelationships
	out := make([][][]string, len(ids))
	for i := range out {
		out[i] = make([][]string, len(rels))
	}
	err := eachParallel(ctx, len(ids)*len(rels), func(ctx context.Context, n int) error {
		id, rel := ids[n/len(rels)], rels[n%len(rels)]
		list, err := f.Related(ctx, "blueprints/"+id+"/"+rel, func(ctx context.Context, each func(string) error) error {
			return f.c.ListBlueprintRelated(ctx, id, rel, each)
		})
		if err != nil {
			return &relationshipError{rel: rel, id: id, err: err}
		}
		out[n/len(rels)][n%len(rels)] = list
		return nil
	})
	return out, err
}

// addBlueprintError reports a failed blueprint read; a 403 on one
// relationship names it, since Apple may refuse one and answer the others.
func addBlueprintError(diags *diag.Diagnostics, what string, err error) {
	var relErr *relationshipError
	var apiErr *client.APIError
	if !errors.As(err, &relErr) || !errors.As(err, &apiErr) || apiErr.HTTPStatus != 403 {
		addAccessError(diags, what, err, blueprintsAccess)
		return
	}
	diags.AddError(fmt.Sprintf("Apple refused the %s relationship of blueprint %s (HTTP 403)", relErr.rel, relErr.id),
		fmt.Sprintf("%s: %v.\n\nApple answered the blueprint but refused to list its %s (GET /v1/blueprints/%s/relationships/%s). "+
			"Apple has been seen to refuse single relationships depending on the API account's permissions; the role needs "+
			"the privilege %q, and built-in device management (Apple Device Management service) must be on. The read stops "+
			"rather than show the %s as empty.", what, err, relErr.rel, relErr.id, relErr.rel, blueprintsAccess.permission, relErr.rel))
}

package provider

import (
	"context"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// Users is every user of the organization, in Apple's order, fetched once
// per provider instance.
func (f *fleet) Users(ctx context.Context) ([]*client.Record, error) {
	return f.List(ctx, client.Users.Type, f.c.ListUsers)
}

// UserGroups is every user group, in Apple's order.
func (f *fleet) UserGroups(ctx context.Context) ([]*client.Record, error) {
	return f.List(ctx, client.UserGroups.Type, f.c.ListUserGroups)
}

// OrganizationalUnits is every organizational unit, in Apple's order.
func (f *fleet) OrganizationalUnits(ctx context.Context) ([]*client.Record, error) {
	return f.List(ctx, client.OrganizationalUnits.Type, f.c.ListOrganizationalUnits)
}

// GroupUsers is the member ids of one group, walked once per instance.
func (f *fleet) GroupUsers(ctx context.Context, id string) ([]string, error) {
	return f.Related(ctx, "userGroups/"+id+"/users", func(ctx context.Context, each func(string) error) error {
		return f.c.ListUserGroupUserIDs(ctx, id, each)
	})
}

// UnitUsers is the user ids of one organizational unit, walked once per
// instance.
func (f *fleet) UnitUsers(ctx context.Context, id string) ([]string, error) {
	return f.Related(ctx, "organizationalUnits/"+id+"/users", func(ctx context.Context, each func(string) error) error {
		return f.c.ListOrganizationalUnitUserIDs(ctx, id, each)
	})
}

// membersOf walks the relationship of every record with walk, at most
// maxParallelWalks at a time, and returns the ids by record position.
func membersOf(ctx context.Context, records []*client.Record, walk func(context.Context, string) ([]string, error)) ([][]string, error) {
	out := make([][]string, len(records))
	err := eachParallel(ctx, len(records), func(ctx context.Context, i int) error {
		ids, err := walk(ctx, records[i].ID)
		out[i] = ids
		return err
	})
	return out, err
}

package provider

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// maxParallelWalks bounds the relationship walks (server device linkages,
// group and unit members, blueprint relationships) and the per-item reads
// that run at once, through eachParallel. The client caps the requests in
// flight itself; more walks than that would only wait for its slots.
const maxParallelWalks = client.MaxInFlight

// fleet is one provider instance's view of the organization, fetched at most
// once per collection and shared by every data source.
type fleet struct {
	c *client.Client
	// cacheTrouble says why the caches asked for have no directory; the
	// client says why one it has cannot be used.
	cacheTrouble string
	assignments  flight[map[string]string]
	account      flight[*client.AccountDetail]

	mu      sync.Mutex
	lists   map[string]*flight[[]*client.Record]
	related map[string]*flight[[]string]
	records map[string]*flight[*client.Record]
}

// Devices is every device Apple lists, in Apple's order, each kept as the
// compact record its page was decoded into.
func (f *fleet) Devices(ctx context.Context) ([]*client.Record, error) {
	return f.List(ctx, client.OrgDevices.Type, f.c.ListOrgDevices)
}

// Servers is every MDM server, in Apple's order.
func (f *fleet) Servers(ctx context.Context) ([]*client.Record, error) {
	return f.List(ctx, client.MdmServers.Type, f.c.ListMdmServers)
}

// collect keeps every record a client list hands out, in order.
func collect(ctx context.Context, list func(context.Context, func(*client.Record) error) error) ([]*client.Record, error) {
	var out []*client.Record
	err := list(ctx, func(r *client.Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// Assignments maps each assigned device's serial number to its server id,
// from each server's device linkages: one paged walk per server instead of
// one request per device. Walks run in parallel, at most maxParallelWalks
// at a time.
func (f *fleet) Assignments(ctx context.Context) (map[string]string, error) {
	return f.assignments.get(ctx, func(ctx context.Context) (map[string]string, error) {
		servers, err := f.Servers(ctx)
		if err != nil {
			return nil, err
		}
		var mu sync.Mutex
		out := make(map[string]string)
		err = eachParallel(ctx, len(servers), func(ctx context.Context, i int) error {
			id := servers[i].ID
			serials, err := f.ServerDevices(ctx, id)
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			for _, serial := range serials {
				out[serial] = id
			}
			return nil
		})
		return out, err
	})
}

// AccountDetail is the organization's device-enrollment account detail.
func (f *fleet) AccountDetail(ctx context.Context) (*client.AccountDetail, error) {
	return f.account.get(ctx, f.c.AccountDetail)
}

// ServerDevices is the serial numbers of the devices assigned to one server,
// walked once per server however many data sources ask.
func (f *fleet) ServerDevices(ctx context.Context, id string) ([]string, error) {
	return f.Related(ctx, "mdmServers/"+id+"/devices", func(ctx context.Context, each func(string) error) error {
		return f.c.ListMdmServerDeviceSerials(ctx, id, each)
	})
}

// List is a whole collection of records, fetched once per provider
// instance under key (the collection's JSON:API type) however many data
// sources ask, with the client's list method.
func (f *fleet) List(ctx context.Context, key string, list func(context.Context, func(*client.Record) error) error) ([]*client.Record, error) {
	f.mu.Lock()
	if f.lists == nil {
		f.lists = map[string]*flight[[]*client.Record]{}
	}
	fl := f.lists[key]
	if fl == nil {
		fl = &flight[[]*client.Record]{}
		f.lists[key] = fl
	}
	f.mu.Unlock()
	return fl.get(ctx, func(ctx context.Context) ([]*client.Record, error) { return collect(ctx, list) })
}

// Related is the ids of one relationship of one item (a group's users, a
// blueprint's apps), walked once per provider instance under key, e.g.
// "userGroups/UG1/users"; never nil.
func (f *fleet) Related(ctx context.Context, key string, list func(context.Context, func(string) error) error) ([]string, error) {
	f.mu.Lock()
	if f.related == nil {
		f.related = map[string]*flight[[]string]{}
	}
	fl := f.related[key]
	if fl == nil {
		fl = &flight[[]string]{}
		f.related[key] = fl
	}
	f.mu.Unlock()
	return fl.get(ctx, func(ctx context.Context) ([]string, error) {
		ids := []string{}
		err := list(ctx, func(id string) error {
			ids = append(ids, id)
			return nil
		})
		return ids, err
	})
}

// eachParallel runs fn for every index below n, at most maxParallelWalks
// at a time, and returns the first error: relationship walks of many items
// run beside each other within the client's in-flight cap.
func eachParallel(ctx context.Context, n int, fn func(ctx context.Context, i int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(maxParallelWalks)
	for i := range n {
		g.Go(func() error { return fn(ctx, i) })
	}
	return g.Wait()
}

// Record is one item of res read by its id with its own request (a user, a
// configuration with its profile, a managed device's details): the one way
// a singular data source looks an item up by id, once per provider instance
// however many data sources ask.
func (f *fleet) Record(ctx context.Context, res *client.Resource, id string, get func(context.Context, string) (*client.Record, error)) (*client.Record, error) {
	key := res.Type + "/" + id
	f.mu.Lock()
	if f.records == nil {
		f.records = map[string]*flight[*client.Record]{}
	}
	fl := f.records[key]
	if fl == nil {
		fl = &flight[*client.Record]{}
		f.records[key] = fl
	}
	f.mu.Unlock()
	return fl.get(ctx, func(ctx context.Context) (*client.Record, error) { return get(ctx, id) })
}

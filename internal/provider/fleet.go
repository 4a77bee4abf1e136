package provider

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// maxParallelWalks bounds the server linkage walks running at once. The
// client caps the requests in flight itself; more walks than that would only
// wait for its slots.
const maxParallelWalks = client.MaxInFlight

// fleet is one provider instance's view of the organization, fetched at most
// once per collection and shared by every data source.
type fleet struct {
	c           *client.Client
	devices     flight[[]*client.Record]
	servers     flight[[]*client.Record]
	assignments flight[map[string]string]
	account     flight[*client.AccountDetail]

	mu            sync.Mutex
	serverDevices map[string]*flight[[]string]
}

// Devices is every device Apple lists, in Apple's order, each kept as the
// compact record its page was decoded into.
func (f *fleet) Devices(ctx context.Context) ([]*client.Record, error) {
	return f.devices.get(ctx, func(ctx context.Context) ([]*client.Record, error) {
		return collect(ctx, f.c.ListOrgDevices)
	})
}

// Servers is every MDM server, in Apple's order.
func (f *fleet) Servers(ctx context.Context) ([]*client.Record, error) {
	return f.servers.get(ctx, func(ctx context.Context) ([]*client.Record, error) {
		return collect(ctx, f.c.ListMdmServers)
	})
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
		g, ctx := errgroup.WithContext(ctx)
		g.SetLimit(maxParallelWalks)
		for _, s := range servers {
			id := s.ID
			g.Go(func() error {
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
		}
		return out, g.Wait()
	})
}

// AccountDetail is the organization's device-enrollment account detail.
func (f *fleet) AccountDetail(ctx context.Context) (*client.AccountDetail, error) {
	return f.account.get(ctx, f.c.AccountDetail)
}

// ServerDevices is the serial numbers of the devices assigned to one server,
// walked once per server however many data sources ask.
func (f *fleet) ServerDevices(ctx context.Context, id string) ([]string, error) {
	f.mu.Lock()
	if f.serverDevices == nil {
		f.serverDevices = make(map[string]*flight[[]string])
	}
	fl := f.serverDevices[id]
	if fl == nil {
		fl = &flight[[]string]{}
		f.serverDevices[id] = fl
	}
	f.mu.Unlock()
	return fl.get(ctx, func(ctx context.Context) ([]string, error) {
		serials := []string{}
		err := f.c.ListMdmServerDeviceSerials(ctx, id, func(serial string) error {
			serials = append(serials, serial)
			return nil
		})
		return serials, err
	})
}

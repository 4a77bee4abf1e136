package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// instanceNotice is a warning that speaks of a provider instance as a whole
// (how long Apple's rate limit made it wait, that its reads came from the
// read cache) rather than of one data source. check says whether it applies
// now and what it says.
type instanceNotice struct {
	key   string
	check func(f *fleet) (summary, detail string, ok bool)
}

// instanceNotices are every provider-instance warning. Each is given at most
// once per instance, by the first data source read that ends with no other
// read of the instance in flight once its condition holds: Terraform shows
// it once, after the reads it speaks of, instead of once per data source.
var instanceNotices = []instanceNotice{rateLimitNotice, readCacheNotice, cacheTroubleNotice}

// reads tracks the data source reads of one provider instance, for the
// instance notices.
type reads struct {
	mu     sync.Mutex
	active int
	given  map[string]bool
}

// readDataSource is how both read paths, the framework's Read (readWith)
// and the protocol server's, read a data source: its own state, then the
// instance notices that are due.
func readDataSource(ctx context.Context, r stateReader, config tftypes.Value) ([]byte, diag.Diagnostics) {
	d := r.instance()
	if d == nil {
		return r.readState(ctx, config)
	}
	d.reads.mu.Lock()
	d.reads.active++
	d.reads.mu.Unlock()
	state, diags := r.readState(ctx, config)
	diags.Append(d.dueNotices()...)
	return state, diags
}

// dueNotices ends one read and, when it was the last in flight, returns the
// instance notices whose condition holds and that were not given yet.
func (d *providerData) dueNotices() diag.Diagnostics {
	d.reads.mu.Lock()
	defer d.reads.mu.Unlock()
	d.reads.active--
	if d.reads.active > 0 {
		return nil
	}
	f, _ := d.organization() // built already by every read that got as far as Apple
	if f == nil {
		return nil
	}
	var diags diag.Diagnostics
	for _, n := range instanceNotices {
		if d.reads.given[n.key] {
			continue
		}
		if summary, detail, ok := n.check(f); ok {
			if d.reads.given == nil {
				d.reads.given = map[string]bool{}
			}
			d.reads.given[n.key] = true
			diags.AddWarning(summary, detail)
		}
	}
	return diags
}

package client_test

import (
	"context"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// concurrency counts requests between sending and their body being closed.
type concurrency struct {
	next      http.RoundTripper
	now, peak atomic.Int64
}

func (c *concurrency) RoundTrip(r *http.Request) (*http.Response, error) {
	n := c.now.Add(1)
	for {
		p := c.peak.Load()
		if n <= p || c.peak.CompareAndSwap(p, n) {
			break
		}
	}
	resp, err := c.next.RoundTrip(r)
	if err != nil {
		c.now.Add(-1)
		return nil, err
	}
	resp.Body = &countedBody{ReadCloser: resp.Body, done: func() { c.now.Add(-1) }}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *countedBody) Close() error {
	b.once.Do(b.done)
	return b.ReadCloser.Close()
}

// However many reads run at once, no more than client.MaxInFlight requests
// are open at a time, bodies included.
func TestAtMostFourRequestsInFlight(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 3000, Servers: 12, Latency: 30 * time.Millisecond})
	cc := &concurrency{next: http.DefaultTransport}
	c, _ := newClient(t, f, func(cfg *client.Config) { cfg.HTTPClient = &http.Client{Transport: cc} })
	ctx := context.Background()
	if err := c.CheckToken(ctx); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for _, s := range f.MdmServers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- c.ListMdmServerDeviceSerials(ctx, s.ID, func(string) error { return nil })
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		errs <- c.ListOrgDevices(ctx, func(*client.Record) error { return nil })
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if p := cc.peak.Load(); p > client.MaxInFlight || p < 2 {
		t.Errorf("peak requests in flight = %d, want between 2 and %d", p, client.MaxInFlight)
	}
}

package client_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

type pacingLogger struct {
	mu    sync.Mutex
	lines []map[string]any
}

func (l *pacingLogger) Log(_ context.Context, _ client.LogLevel, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := map[string]any{"msg": msg}
	for k, v := range fields {
		f[k] = v
	}
	l.lines = append(l.lines, f)
}

// readFleet reads what abm_org_devices with assignments reads: the device
// list and every server's linkages, with the linkage walks in parallel.
func readFleet(t *testing.T, c *client.Client) {
	t.Helper()
	ctx := context.Background()
	var servers []string
	if err := c.ListMdmServers(ctx, func(s *client.Record) error { servers = append(servers, s.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(servers)+1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		errs <- c.ListOrgDevices(ctx, func(*client.Record) error { return nil })
	}()
	for _, id := range servers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- c.ListMdmServerDeviceSerials(ctx, id, func(string) error { return nil })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// The fake allows 10 requests a second (600 a minute, compressed into a
// one-second window). Unpaced, the read runs into 429s (and waits them out);
// paced at the fake's limit, it gets none.
func TestPacingAtTheLimitAvoidsThrottling(t *testing.T) {
	opts := fakeabm.Options{Devices: 10000, Servers: 3, RequestsPerMinute: 10, RateWindow: time.Second}

	unpaced := newFake(t, opts)
	c, _ := newClient(t, unpaced)
	readFleet(t, c)
	if unpaced.Count("throttled") == 0 {
		t.Fatalf("the unpaced read was never throttled (%v); the test proves nothing", unpaced.Counts())
	}

	paced := newFake(t, opts)
	log := &pacingLogger{}
	c, _ = newClient(t, paced, func(cfg *client.Config) {
		cfg.RequestsPerMinute = 600
		cfg.Logger = log
	})
	readFleet(t, c)
	if n := paced.Count("throttled"); n != 0 {
		t.Errorf("paced read got %d 429s (%v)", n, paced.Counts())
	}
	waits := 0
	for _, l := range log.lines {
		if l["msg"] == "paced request (requests_per_minute)" {
			waits++
			if _, ok := l["wait_ms"]; !ok {
				t.Errorf("pacing log without wait_ms: %v", l)
			}
			if _, ok := l["requests_so_far"]; !ok {
				t.Errorf("pacing log without requests_so_far: %v", l)
			}
		}
	}
	if waits == 0 {
		t.Error("no pacing wait was logged")
	}
}

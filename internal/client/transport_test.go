package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func listServers(c *client.Client) error {
	return c.ListMdmServers(context.Background(), func(*client.Record) error { return nil })
}

func TestServerErrorsAndResetsAreRetried(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	// Two resets in a row: net/http itself retries a GET once when a reused
	// connection dies, so only the second reset reaches the client's retry.
	f.InjectFaults("mdmServers",
		fakeabm.Fault{Status: 503},
		fakeabm.Fault{Reset: true},
		fakeabm.Fault{Reset: true},
		fakeabm.Fault{Status: 502},
	)
	c, _ := newClient(t, f)
	if err := listServers(c); err != nil {
		t.Fatalf("after transient faults: %v", err)
	}
	if n := f.Count("mdmServers"); n != 5 {
		t.Errorf("mdmServers requests = %d, want 5 (4 faults + success)", n)
	}
}

func TestRetriesRunOutWithLastStatusAndPath(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults("mdmServers", fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 503}, fakeabm.Fault{Status: 504})
	c, _ := newClient(t, f, func(cfg *client.Config) { cfg.MaxRetries = 2 })
	err := listServers(c)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want APIError", err)
	}
	if apiErr.HTTPStatus != 504 || apiErr.Path != "/v1/mdmServers" {
		t.Errorf("status %d path %q", apiErr.HTTPStatus, apiErr.Path)
	}
	if !strings.Contains(err.Error(), "HTTP 504") || strings.Contains(err.Error(), "<html") {
		t.Errorf("message = %q", err)
	}
}

func TestThrottlingWaitsRetryAfter(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults("mdmServers", fakeabm.Fault{Status: 429, RetryAfter: "1"})
	c, _ := newClient(t, f)
	start := time.Now()
	if err := listServers(c); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("waited %v, want at least Retry-After: 1", waited)
	}
	if n := f.Count("mdmServers"); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
}

func TestThrottlingPastDeadlineSaysHowLong(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults("mdmServers", fakeabm.Fault{Status: 429, RetryAfter: "90"})
	c, _ := newClient(t, f)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := c.ListMdmServers(ctx, func(*client.Record) error { return nil })
	var th *client.ThrottledError
	if !errors.As(err, &th) || th.RetryAfter != 90*time.Second {
		t.Fatalf("err = %v, want ThrottledError of 90s", err)
	}
	if !strings.Contains(err.Error(), "1m30s") {
		t.Errorf("message does not say how long: %v", err)
	}
}

func TestClientErrorCarriesAppleFields(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	_, err := c.GetMdmServer(context.Background(), "NOSUCHSERVER")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	if apiErr.Status != "404" || apiErr.Code != "NOT_FOUND" || apiErr.Title == "" {
		t.Errorf("apiErr = %+v", apiErr)
	}
}

func TestHTMLErrorBodyFallsBackToStatus(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.InjectFaults("mdmServers", fakeabm.Fault{Status: 500})
	c, _ := newClient(t, f)
	err := listServers(c)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 500 || apiErr.Code != "" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "no Apple error body") {
		t.Errorf("message = %q", err)
	}
}

func TestHostilePagination(t *testing.T) {
	t.Run("next link to another host", func(t *testing.T) {
		f := newFake(t, fakeabm.Options{Devices: 1500})
		f.SetNextLinkHost("attacker.example")
		f.SetNextCursorOmitted(true) // the link is then the only way on
		c, _ := newClient(t, f)
		err := c.ListOrgDevices(context.Background(), func(*client.Record) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("repeated cursor", func(t *testing.T) {
		f := newFake(t, fakeabm.Options{Devices: 3500})
		f.SetRepeatCursor(true)
		c, _ := newClient(t, f)
		err := c.ListOrgDevices(context.Background(), func(*client.Record) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "cursor it had sent before") {
			t.Fatalf("err = %v", err)
		}
		if n := f.Count("orgDevices"); n > 3 {
			t.Errorf("kept reading: %d pages", n)
		}
	})
}

func TestCancellationStopsPromptly(t *testing.T) {
	f := newFake(t, fakeabm.Options{Latency: 5 * time.Second})
	c, _ := newClient(t, f)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	start := time.Now()
	err := c.ListMdmServers(ctx, func(*client.Record) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v to stop", d)
	}
}

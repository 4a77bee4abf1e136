package client_test

import (
	"context"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// An item listed on two pages means the list moved under the walk; every
// list refuses it instead of returning a fleet with a phantom entry.
func TestEveryListRefusesAnItemListedTwice(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 2500, Servers: 1500})
	f.SetRepeatLastItem(true)
	c, _ := newClient(t, f)
	ctx := context.Background()

	err := c.ListMdmServers(ctx, func(*client.Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "names MDM server") || !strings.Contains(err.Error(), "twice") {
		t.Errorf("servers: err = %v", err)
	}
	err = c.ListOrgDevices(ctx, func(*client.Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("devices: err = %v", err)
	}
	// Linkages need a server with more than one page of devices.
	f = newFake(t, fakeabm.Options{Devices: 3000, Servers: 1})
	f.SetRepeatLastItem(true)
	c, _ = newClient(t, f)
	busiest := f.MdmServers()[0]
	for _, s := range f.MdmServers() {
		if len(s.DeviceSerials) > len(busiest.DeviceSerials) {
			busiest = s
		}
	}
	if len(busiest.DeviceSerials) <= 1000 {
		t.Fatalf("no server has more than one page of devices (%d)", len(busiest.DeviceSerials))
	}
	err = c.ListMdmServerDeviceSerials(ctx, busiest.ID, func(string) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "names device") {
		t.Errorf("linkages: err = %v", err)
	}
}

// A 200 whose body has no data list is not an empty fleet.
func TestAPageWithoutDataIsAnError(t *testing.T) {
	for _, body := range []string{`{}`, `{"data":null}`, `{"errors":[{"status":"500","code":"X"}]}`} {
		f := newFake(t, fakeabm.Options{})
		f.InjectFaults("orgDevices", fakeabm.Fault{Status: 200, Body: body, ContentType: "application/json"})
		f.InjectFaults("mdmServers", fakeabm.Fault{Status: 200, Body: body, ContentType: "application/json"})
		c, _ := newClient(t, f)
		ctx := context.Background()
		if err := c.ListOrgDevices(ctx, func(*client.Record) error { return nil }); err == nil || !strings.Contains(err.Error(), "malformed") {
			t.Errorf("devices %s: err = %v", body, err)
		}
		if err := c.ListMdmServers(ctx, func(*client.Record) error { return nil }); err == nil || !strings.Contains(err.Error(), "malformed") {
			t.Errorf("servers %s: err = %v", body, err)
		}
	}
}

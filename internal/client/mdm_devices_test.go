package client_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestListMdmDevicesPagesEveryDevice(t *testing.T) {
	f := newFake(t, fakeabm.Options{MdmDevices: 2500})
	c, _ := newClient(t, f)
	var ids []string
	err := c.ListMdmDevices(context.Background(), func(r *client.Record) error {
		ids = append(ids, r.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := f.MdmDevices()
	if len(ids) != len(want) {
		t.Fatalf("listed %d managed devices, the fake has %d", len(ids), len(want))
	}
	for i := range want {
		if ids[i] != want[i].ID {
			t.Fatalf("device %d: id %s, want %s", i, ids[i], want[i].ID)
		}
	}
	if n := f.Count(fakeabm.RouteMdmDevices); n != 3 {
		t.Errorf("%d list requests for 2504 devices, want 3", n)
	}
}

func TestMdmDeviceAndDetailsDecodeFixtures(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	var mac, sparse *client.Record
	if err := c.ListMdmDevices(context.Background(), func(r *client.Record) error {
		switch r.ID {
		case "a1f4e1c2-0d53-4a8e-9c61-3f0b7e5d2a01":
			mac = r
		case "d9a0b1c2-3e4f-4a5b-8c6d-7e8f9a0b1c04":
			sparse = r
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	checkString(t, "serialNumber", keyOf(mac, client.MdmDevices, "serialNumber"), "XABC123X0ABC123X0")
	checkString(t, "enrolledUserId", keyOf(mac, client.MdmDevices, "enrolledUserId"), "2d5c7a10-6f4e-4b1a-9e3d-8c2b1a0f9e01")
	if v := keyOf(sparse, client.MdmDevices, "deviceName"); v.Present || v.Valid {
		t.Errorf("sparse deviceName = %+v, want absent", v)
	}

	d, err := c.GetMdmDeviceDetails(context.Background(), mac.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "ethernetMacAddress", keyOf(d, client.MdmDeviceDetails, "ethernetMacAddress"), "a4:83:e7:00:00:03")
	checkString(t, "platform", keyOf(d, client.MdmDeviceDetails, "platform"), "macOS")
	if v, ok := d.Bool(client.MdmDeviceDetails.Index("isFileVaultEnabled")); !ok || !v {
		t.Errorf("isFileVaultEnabled = %v %v", v, ok)
	}
	if v, ok := d.Int64(client.MdmDeviceDetails.Index("storageTotalCapacity")); !ok || v != 499963174912 {
		t.Errorf("storageTotalCapacity = %v %v", v, ok)
	}

	// The null-vs-absent knob: both read as no value.
	f.SetUnsetAsNull(true)
	d, err = c.GetMdmDeviceDetails(context.Background(), sparse.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v := keyOf(d, client.MdmDeviceDetails, "osVersion"); !v.Present || v.Valid {
		t.Errorf("osVersion = %+v, want null", v)
	}
	if got := d.List(client.MdmDeviceDetails.Index("imei")); got != nil {
		t.Errorf("imei = %v, want none", got)
	}
}

func TestMdmDeviceDetailsOfGeneratedDevices(t *testing.T) {
	f := newFake(t, fakeabm.Options{MdmDevices: 40})
	c, _ := newClient(t, f)
	for _, want := range f.MdmDevices()[4:] {
		d, err := c.GetMdmDeviceDetails(context.Background(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		checkString(t, "serialNumber", keyOf(d, client.MdmDeviceDetails, "serialNumber"), want.SerialNumber)
		if got := d.List(client.MdmDeviceDetails.Index("imei")); len(got) != len(want.Details.IMEI) ||
			(len(got) > 0 && !reflect.DeepEqual(got, want.Details.IMEI)) {
			t.Errorf("%s imei = %v, want %v", want.ID, got, want.Details.IMEI)
		}
	}
	_, err := c.GetMdmDeviceDetails(context.Background(), "00000000-0000-4000-8000-000000000000")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || !apiErr.NotFound() {
		t.Fatalf("unknown id: %v, want a 404", err)
	}
}

package client_test

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestListMdmServersAsksForEveryAttribute(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 50, Servers: 4})
	c, _ := newClient(t, f)
	got := map[string]*client.Record{}
	err := c.ListMdmServers(context.Background(), func(s *client.Record) error {
		got[s.ID] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(f.MdmServers()) {
		t.Fatalf("listed %d servers, fake has %d", len(got), len(f.MdmServers()))
	}
	prod := got["1F97349736CF4614A94F624E705841AD"]
	if prod == nil {
		t.Fatal("fixture server missing")
	}
	checkString(t, "serverName", keyOf(prod, client.MdmServers, "serverName"), "Production MDM")
	checkString(t, "serverType", keyOf(prod, client.MdmServers, "serverType"), "MDM")
	checkString(t, "status", keyOf(prod, client.MdmServers, "status"), "ACTIVE")
	checkString(t, "lastConnectedDateTime", keyOf(prod, client.MdmServers, "lastConnectedDateTime"), "2026-06-01T08:14:23Z")
	checkString(t, "lastConnectedIp", keyOf(prod, client.MdmServers, "lastConnectedIp"), "203.0.113.5")
	checkString(t, "createdDateTime", keyOf(prod, client.MdmServers, "createdDateTime"), "2025-05-01T03:21:44Z")
	checkString(t, "updatedDateTime", keyOf(prod, client.MdmServers, "updatedDateTime"), "2026-05-12T11:02:18Z")
	if v := keyOf(prod, client.MdmServers, "enableMdmDisownFlag"); !v.Valid || v.Value != "0" {
		t.Errorf("enableMdmDisownFlag = %+v", keyOf(prod, client.MdmServers, "enableMdmDisownFlag"))
	}
	if fams := prod.List(client.MdmServers.Index("defaultProductFamilies")); !reflect.DeepEqual(fams, []string{"IPAD", "IPHONE", "MAC"}) {
		t.Errorf("defaultProductFamilies = %v", fams)
	}
	var wantCount int64
	for _, s := range f.MdmServers() {
		if s.ID == prod.ID {
			wantCount = int64(len(s.DeviceSerials))
		}
	}
	if n, ok := prod.Int64(client.MdmServers.Index("deviceCount")); !ok || n != wantCount {
		t.Errorf("deviceCount = %d (set %v), want %d", n, ok, wantCount)
	}

	ac := got["2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"]
	if ac == nil {
		t.Fatal("Apple Configurator fixture missing")
	}
	if keyOf(ac, client.MdmServers, "lastConnectedDateTime").Present || keyOf(ac, client.MdmServers, "lastConnectedIp").Present {
		t.Errorf("never-connected server has lastConnected* present: %+v %+v", keyOf(ac, client.MdmServers, "lastConnectedDateTime"), keyOf(ac, client.MdmServers, "lastConnectedIp"))
	}
	if fams := keyOf(ac, client.MdmServers, "defaultProductFamilies"); !fams.Valid || ac.ListLen(client.MdmServers.Index("defaultProductFamilies")) != 0 {
		t.Errorf("defaultProductFamilies = %+v, want present and empty", keyOf(ac, client.MdmServers, "defaultProductFamilies"))
	}
}

func TestListMdmServerDeviceSerialsMatchesFake(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 3000, Servers: 2})
	c, _ := newClient(t, f)
	for _, s := range f.MdmServers() {
		var got []string
		err := c.ListMdmServerDeviceSerials(context.Background(), s.ID, func(serial string) error {
			got = append(got, serial)
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		want := append([]string(nil), s.DeviceSerials...)
		sort.Strings(got)
		sort.Strings(want)
		if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("server %s: %d serials, want %d", s.ID, len(got), len(want))
		}
	}
}

func TestGetMdmServer(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	s, err := c.GetMdmServer(context.Background(), "3C6D1F108F2E4D8BA04C7B2E3F506B7C")
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "serverName", keyOf(s, client.MdmServers, "serverName"), "Legacy MDM")
	checkString(t, "status", keyOf(s, client.MdmServers, "status"), "INACTIVE")
	if keyOf(s, client.MdmServers, "enableMdmDisownFlag").Value != "1" {
		t.Error("enableMdmDisownFlag should be true")
	}
}

package client_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func listDevices(t *testing.T, c *client.Client) map[string]*client.Record {
	t.Helper()
	got := map[string]*client.Record{}
	var order []string
	err := c.ListOrgDevices(context.Background(), func(d *client.Record) error {
		if _, dup := got[d.ID]; dup {
			t.Errorf("device %s listed twice", d.ID)
		}
		got[d.ID] = d
		order = append(order, d.ID)
		return nil
	})
	if err != nil {
		t.Fatalf("ListOrgDevices: %v", err)
	}
	return got
}

func TestListOrgDevicesReturnsEveryUnreleasedDeviceOnce(t *testing.T) {
	f := newFake(t, fakeabm.Options{Seed: 7, Devices: 2500, Servers: 5})
	c, _ := newClient(t, f)

	got := listDevices(t, c)

	want := 0
	for _, d := range f.Devices() {
		_, listed := got[d.SerialNumber()]
		if d.Released && listed {
			t.Errorf("released device %s was listed", d.SerialNumber())
		}
		if !d.Released {
			want++
			if !listed {
				t.Errorf("device %s missing from the list", d.SerialNumber())
			}
		}
	}
	if len(got) != want {
		t.Errorf("listed %d devices, want %d", len(got), want)
	}
	pages := (want + 999) / 1000
	if n := f.Count("orgDevices"); n != pages {
		t.Errorf("device pages requested = %d, want %d (limit=1000 kept on every page)", n, pages)
	}
	if n := f.Count("token"); n != 1 {
		t.Errorf("token requests = %d, want 1", n)
	}
}

func TestListOrgDevicesKeepsLimitWhenNextLinkCarriesIt(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 2100})
	f.SetNextLinkIncludesLimit(true)
	f.SetIncludeTotal(true)
	c, _ := newClient(t, f)
	got := listDevices(t, c)
	if len(got) < 2000 {
		t.Fatalf("listed %d devices", len(got))
	}
	if n := f.Count("orgDevices"); n != 3 {
		t.Errorf("pages = %d, want 3", n)
	}
}

func TestOrgDeviceFixturesDecodeExactly(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	got := listDevices(t, c)

	ex := got["XABC123X0ABC123X0"]
	if ex == nil {
		t.Fatal("fixture XABC123X0ABC123X0 missing")
	}
	checkString(t, "serialNumber", keyOf(ex, client.OrgDevices, "serialNumber"), "XABC123X0ABC123X0")
	checkString(t, "addedToOrgDateTime", keyOf(ex, client.OrgDevices, "addedToOrgDateTime"), "2025-04-30T22:05:14.192Z")
	checkString(t, "updatedDateTime", keyOf(ex, client.OrgDevices, "updatedDateTime"), "2025-05-01T15:33:54.164Z")
	checkString(t, "deviceModel", keyOf(ex, client.OrgDevices, "deviceModel"), `iMac 21.5"`)
	checkString(t, "productFamily", keyOf(ex, client.OrgDevices, "productFamily"), "Mac")
	checkString(t, "productType", keyOf(ex, client.OrgDevices, "productType"), "iMac16,2")
	checkString(t, "deviceCapacity", keyOf(ex, client.OrgDevices, "deviceCapacity"), "750GB")
	checkString(t, "partNumber", keyOf(ex, client.OrgDevices, "partNumber"), "FD311LL/A")
	checkString(t, "orderNumber", keyOf(ex, client.OrgDevices, "orderNumber"), "1234567890")
	checkString(t, "color", keyOf(ex, client.OrgDevices, "color"), "SILVER")
	checkString(t, "status", keyOf(ex, client.OrgDevices, "status"), "UNASSIGNED")
	checkString(t, "orderDateTime", keyOf(ex, client.OrgDevices, "orderDateTime"), "2011-08-15T07:00:00Z")
	checkString(t, "eid", keyOf(ex, client.OrgDevices, "eid"), "89049037640158663184237812557346")
	checkString(t, "purchaseSourceId", keyOf(ex, client.OrgDevices, "purchaseSourceId"), "-2085650007946880")
	checkString(t, "purchaseSourceType", keyOf(ex, client.OrgDevices, "purchaseSourceType"), "APPLE")
	if keyOf(ex, client.OrgDevices, "releasedFromOrgDateTime").Valid {
		t.Errorf("releasedFromOrgDateTime = %q, want null in a list", keyOf(ex, client.OrgDevices, "releasedFromOrgDateTime").Value)
	}
	if !reflect.DeepEqual(listOf(ex, client.OrgDevices, "imei"), []string{"123456789012345"}) || !reflect.DeepEqual(listOf(ex, client.OrgDevices, "meid"), []string{"12345678901237"}) {
		t.Errorf("imei/meid = %v/%v", listOf(ex, client.OrgDevices, "imei"), listOf(ex, client.OrgDevices, "meid"))
	}
	if keyOf(ex, client.OrgDevices, "wifiMacAddress").Value != "a4:83:e7:00:00:01" || keyOf(ex, client.OrgDevices, "bluetoothMacAddress").Value != "a4:83:e7:00:00:02" {
		t.Errorf("wifi/bluetooth = %v/%v", keyOf(ex, client.OrgDevices, "wifiMacAddress").Value, keyOf(ex, client.OrgDevices, "bluetoothMacAddress").Value)
	}
	if !reflect.DeepEqual(listOf(ex, client.OrgDevices, "ethernetMacAddress"), []string{"a4:83:e7:00:00:03"}) {
		t.Errorf("ethernet = %v", listOf(ex, client.OrgDevices, "ethernetMacAddress"))
	}

	arr := got["XARRAYMAC0001"]
	if arr == nil {
		t.Fatal("fixture XARRAYMAC0001 missing")
	}
	if j := keyOf(arr, client.OrgDevices, "wifiMacAddress").Value; j != "f0:18:98:00:00:01,f0:18:98:00:00:02" {
		t.Errorf("wifi array joined = %q", j)
	}
	if j := keyOf(arr, client.OrgDevices, "bluetoothMacAddress").Value; j != "f0:18:98:00:00:03" {
		t.Errorf("bluetooth array joined = %q", j)
	}
	if keyOf(arr, client.OrgDevices, "ethernetMacAddress").Present {
		t.Errorf("ethernetMacAddress should be absent, got %+v", keyOf(arr, client.OrgDevices, "ethernetMacAddress"))
	}
	checkString(t, "purchaseSourceUid fallback", keyOf(arr, client.OrgDevices, "purchaseSourceId"), "1234567")
	checkString(t, "color", keyOf(arr, client.OrgDevices, "color"), "")
	if !keyOf(arr, client.OrgDevices, "isMdmMigrationCapable").Valid || keyOf(arr, client.OrgDevices, "isMdmMigrationCapable").Value != "1" {
		t.Errorf("isMdmMigrationCapable = %+v", keyOf(arr, client.OrgDevices, "isMdmMigrationCapable"))
	}
	checkString(t, "mdmMigrationStatus", keyOf(arr, client.OrgDevices, "mdmMigrationStatus"), "STARTED")
	checkString(t, "mdmMigrationDeadlineDateTime", keyOf(arr, client.OrgDevices, "mdmMigrationDeadlineDateTime"), "2026-12-31T23:59:59.5Z")

	sp := got["XSPARSE00001"]
	if sp == nil {
		t.Fatal("fixture XSPARSE00001 missing")
	}
	if !keyOf(sp, client.OrgDevices, "deviceModel").Present || keyOf(sp, client.OrgDevices, "deviceModel").Valid {
		t.Errorf("deviceModel should be present and null, got %+v", keyOf(sp, client.OrgDevices, "deviceModel"))
	}
	if keyOf(sp, client.OrgDevices, "partNumber").Present || keyOf(sp, client.OrgDevices, "imei").Present || keyOf(sp, client.OrgDevices, "color").Present {
		t.Errorf("omitted keys decoded as present: part=%+v imei=%+v color=%+v", keyOf(sp, client.OrgDevices, "partNumber"), keyOf(sp, client.OrgDevices, "imei"), keyOf(sp, client.OrgDevices, "color"))
	}
	if !keyOf(sp, client.OrgDevices, "wifiMacAddress").Valid || len(keyOf(sp, client.OrgDevices, "wifiMacAddress").Value) != 0 {
		t.Errorf(`wifiMacAddress "" should be an empty list, got %+v`, keyOf(sp, client.OrgDevices, "wifiMacAddress"))
	}
	if _, ok := got["XRELEASED0001"]; ok {
		t.Error("released fixture was listed")
	}
}

func TestGetOrgDeviceReturnsReleasedDevice(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	d, err := c.GetOrgDevice(context.Background(), "XRELEASED0001")
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "releasedFromOrgDateTime", keyOf(d, client.OrgDevices, "releasedFromOrgDateTime"), "2026-03-01T10:00:00Z")

	_, err = c.GetOrgDevice(context.Background(), "NOSUCHSERIAL")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || !apiErr.NotFound() || apiErr.Code != "NOT_FOUND" {
		t.Fatalf("unknown serial: err = %v, want NOT_FOUND APIError", err)
	}
}

func TestAssignedServerIDHandlesBothUnassignedAnswers(t *testing.T) {
	for _, mode := range []string{"null", "404"} {
		t.Run(mode, func(t *testing.T) {
			f := newFake(t, fakeabm.Options{})
			f.SetUnassignedLinkage(mode)
			c, _ := newClient(t, f)
			id, err := c.AssignedServerID(context.Background(), "XARRAYMAC0001")
			if err != nil || id != "1F97349736CF4614A94F624E705841AD" {
				t.Fatalf("assigned: id=%q err=%v", id, err)
			}
			id, err = c.AssignedServerID(context.Background(), "XABC123X0ABC123X0")
			if err != nil || id != "" {
				t.Fatalf("unassigned: id=%q err=%v", id, err)
			}
		})
	}
}

func checkString(t *testing.T, name string, f client.Field[string], want string) {
	t.Helper()
	if !f.Valid || f.Value != want {
		t.Errorf("%s = %+v, want %q", name, f, want)
	}
}

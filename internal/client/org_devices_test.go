package client_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func listDevices(t *testing.T, c *client.Client) map[string]*client.OrgDevice {
	t.Helper()
	got := map[string]*client.OrgDevice{}
	var order []string
	err := c.ListOrgDevices(context.Background(), func(d *client.OrgDevice) error {
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
		_, listed := got[d.SerialNumber]
		if d.Released && listed {
			t.Errorf("released device %s was listed", d.SerialNumber)
		}
		if !d.Released {
			want++
			if !listed {
				t.Errorf("device %s missing from the list", d.SerialNumber)
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
	checkString(t, "serialNumber", ex.SerialNumber, "XABC123X0ABC123X0")
	checkString(t, "addedToOrgDateTime", ex.AddedToOrgDateTime, "2025-04-30T22:05:14.192Z")
	checkString(t, "updatedDateTime", ex.UpdatedDateTime, "2025-05-01T15:33:54.164Z")
	checkString(t, "deviceModel", ex.DeviceModel, `iMac 21.5"`)
	checkString(t, "productFamily", ex.ProductFamily, "Mac")
	checkString(t, "productType", ex.ProductType, "iMac16,2")
	checkString(t, "deviceCapacity", ex.DeviceCapacity, "750GB")
	checkString(t, "partNumber", ex.PartNumber, "FD311LL/A")
	checkString(t, "orderNumber", ex.OrderNumber, "1234567890")
	checkString(t, "color", ex.Color, "SILVER")
	checkString(t, "status", ex.Status, "UNASSIGNED")
	checkString(t, "orderDateTime", ex.OrderDateTime, "2011-08-15T07:00:00Z")
	checkString(t, "eid", ex.EID, "89049037640158663184237812557346")
	checkString(t, "purchaseSourceId", ex.PurchaseSourceID, "-2085650007946880")
	checkString(t, "purchaseSourceType", ex.PurchaseSourceType, "APPLE")
	if ex.ReleasedFromOrgDateTime.Valid {
		t.Errorf("releasedFromOrgDateTime = %q, want null in a list", ex.ReleasedFromOrgDateTime.Value)
	}
	if !reflect.DeepEqual(ex.IMEI.Value, []string{"123456789012345"}) || !reflect.DeepEqual(ex.MEID.Value, []string{"12345678901237"}) {
		t.Errorf("imei/meid = %v/%v", ex.IMEI.Value, ex.MEID.Value)
	}
	if ex.WifiMacAddress.Value.Joined() != "a4:83:e7:00:00:01" || ex.BluetoothMacAddress.Value.Joined() != "a4:83:e7:00:00:02" {
		t.Errorf("wifi/bluetooth = %v/%v", ex.WifiMacAddress.Value, ex.BluetoothMacAddress.Value)
	}
	if !reflect.DeepEqual([]string(ex.EthernetMacAddress.Value), []string{"a4:83:e7:00:00:03"}) {
		t.Errorf("ethernet = %v", ex.EthernetMacAddress.Value)
	}

	arr := got["XARRAYMAC0001"]
	if arr == nil {
		t.Fatal("fixture XARRAYMAC0001 missing")
	}
	if j := arr.WifiMacAddress.Value.Joined(); j != "f0:18:98:00:00:01,f0:18:98:00:00:02" {
		t.Errorf("wifi array joined = %q", j)
	}
	if j := arr.BluetoothMacAddress.Value.Joined(); j != "f0:18:98:00:00:03" {
		t.Errorf("bluetooth array joined = %q", j)
	}
	if arr.EthernetMacAddress.Present {
		t.Errorf("ethernetMacAddress should be absent, got %+v", arr.EthernetMacAddress)
	}
	checkString(t, "purchaseSourceUid fallback", arr.PurchaseSourceID, "1234567")
	checkString(t, "color", arr.Color, "")
	if !arr.IsMdmMigrationCapable.Valid || !arr.IsMdmMigrationCapable.Value {
		t.Errorf("isMdmMigrationCapable = %+v", arr.IsMdmMigrationCapable)
	}
	checkString(t, "mdmMigrationStatus", arr.MdmMigrationStatus, "STARTED")
	checkString(t, "mdmMigrationDeadlineDateTime", arr.MdmMigrationDeadlineDateTime, "2026-12-31T23:59:59.5Z")

	sp := got["XSPARSE00001"]
	if sp == nil {
		t.Fatal("fixture XSPARSE00001 missing")
	}
	if !sp.DeviceModel.Present || sp.DeviceModel.Valid {
		t.Errorf("deviceModel should be present and null, got %+v", sp.DeviceModel)
	}
	if sp.PartNumber.Present || sp.IMEI.Present || sp.Color.Present {
		t.Errorf("omitted keys decoded as present: part=%+v imei=%+v color=%+v", sp.PartNumber, sp.IMEI, sp.Color)
	}
	if !sp.WifiMacAddress.Valid || len(sp.WifiMacAddress.Value) != 0 {
		t.Errorf(`wifiMacAddress "" should be an empty list, got %+v`, sp.WifiMacAddress)
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
	checkString(t, "releasedFromOrgDateTime", d.ReleasedFromOrgDateTime, "2026-03-01T10:00:00Z")

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

package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// Every attribute of a managed device's details reaches its own flat
// attribute of mdmDeviceObject, through Apple's JSON, the client and
// mdmDetailExtra; the ones the device has itself stay the device's.
func TestMdmDeviceDetailsAreWiredFlat(t *testing.T) {
	f := fakeabm.New(fakeabm.Options{})
	defer f.Close()
	c, err := client.New(client.Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	dev := &client.Record{ID: "S1"}
	var devices []*client.Record
	if err := c.ListMdmDevices(context.Background(), func(r *client.Record) error { devices = append(devices, r); return nil }); err != nil {
		t.Fatal(err)
	}
	dev = devices[0]
	for _, trueBool := range []int{client.MdmDeviceDetails.Index("isFirewallEnabled"), client.MdmDeviceDetails.Index("isFileVaultEnabled")} {
		item, want := distinctItem(client.MdmDeviceDetails, dev.ID, trueBool)
		body, _ := json.Marshal(map[string]any{"data": item})
		f.InjectFaults(fakeabm.RouteMdmDeviceDetails, fakeabm.Fault{Status: 200, Body: string(body), ContentType: "application/json"})
		det, err := c.GetMdmDeviceDetails(context.Background(), dev.ID)
		if err != nil {
			t.Fatal(err)
		}
		w := &msgpackWriter{}
		mdmDeviceObject.write(w, dev, mdmDetailExtra(det))
		v, err := decodeMsgpack(w.buf, tftypes.Object{AttributeTypes: objectTfTypes(t, mdmDeviceObject)})
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]tftypes.Value
		_ = v.As(&got)
		for name, wantValue := range want {
			if name == "serial_number" || name == "device_name" {
				continue // the device's own
			}
			if g := tfGo(t, got[name]); fmt.Sprint(g) != fmt.Sprint(wantValue) {
				t.Errorf("%s = %v, want %v", name, g, wantValue)
			}
		}
		if g := tfGo(t, got["serial_number"]); g != "XABC123X0ABC123X0" {
			t.Errorf("serial_number = %v, want the device's", g)
		}
	}
}

package provider

import (
	"context"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// fleetRecords reads n devices from the fake once, as records, with the
// servers and assignments a summary needs.
func fleetRecords(b *testing.B, n int) ([]*client.Record, []*client.Record, map[string]string) {
	b.Helper()
	f := fakeabm.New(fakeabm.Options{Seed: 7, Devices: n, Servers: 20})
	defer f.Close()
	c, err := client.New(client.Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		b.Fatal(err)
	}
	fl := &fleet{c: c}
	ctx := context.Background()
	devices, err := fl.Devices(ctx)
	if err != nil {
		b.Fatal(err)
	}
	servers, err := fl.Servers(ctx)
	if err != nil {
		b.Fatal(err)
	}
	assigned, err := fl.Assignments(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return devices, servers, assigned
}

// BenchmarkWriteDevices100k is the value conversion of abm_org_devices:
// 100,000 records encoded as the state Terraform receives.
func BenchmarkWriteDevices100k(b *testing.B) {
	devices, _, assigned := fleetRecords(b, 100000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w := &msgpackWriter{buf: make([]byte, 0, len(devices)*800)}
		w.arrayLen(len(devices))
		var slot assignedSlot
		for _, d := range devices {
			id, ok := assigned[d.ID]
			deviceObject.write(w, d, slot.set(id, ok))
		}
	}
	b.ReportMetric(float64(len(devices)*b.N)/b.Elapsed().Seconds(), "devices/s")
}

// BenchmarkSummarize100k is abm_org_device_summary's aggregation.
func BenchmarkSummarize100k(b *testing.B) {
	devices, servers, assigned := fleetRecords(b, 100000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = summarize(devices, servers, assigned)
	}
	b.ReportMetric(float64(len(devices)*b.N)/b.Elapsed().Seconds(), "devices/s")
}

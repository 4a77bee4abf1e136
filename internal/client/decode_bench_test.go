package client

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// fetchPage returns one full page of 1000 devices exactly as the fake
// serves it.
func fetchPage(b *testing.B) []byte {
	b.Helper()
	f := fakeabm.New(fakeabm.Options{Seed: 1, Devices: 5000})
	defer f.Close()
	c, err := New(Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		b.Fatal(err)
	}
	tok, err := c.tokens.get(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, f.URL()+"/v1/orgDevices?limit=1000", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return body
}

// BenchmarkDecodeOrgDevicesPage measures the client's decoding of one page
// of 1000 devices; devices/s is the figure the performance target is set in.
func BenchmarkDecodeOrgDevicesPage(b *testing.B) {
	body := fetchPage(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		_, err := decodePage(body, OrgDevices, func(*Record) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "devices/s")
}

// BenchmarkDecodeOrgDevicesPageReference decodes the same page with the
// encoding/json reference decoder of the tests, the design the scanner
// replaced, so the two can be compared in one run.
func BenchmarkDecodeOrgDevicesPageReference(b *testing.B) {
	body := fetchPage(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		devices, _, _, err := referenceDecode(OrgDevices, body)
		if err != nil {
			b.Fatal(err)
		}
		n += len(devices)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "devices/s")
}

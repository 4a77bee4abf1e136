package fakeabm

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDataSetIsDeterministic(t *testing.T) {
	a := New(Options{Seed: 7, Devices: 3000, Servers: 5})
	defer a.Close()
	b := New(Options{Seed: 7, Devices: 3000, Servers: 5})
	defer b.Close()
	if a.ClientID() != b.ClientID() || a.KeyID() != b.KeyID() || !bytes.Equal(a.ServerTokenJSON(), b.ServerTokenJSON()) {
		t.Error("credentials differ for the same seed")
	}
	if !reflect.DeepEqual(a.Devices(), b.Devices()) || !reflect.DeepEqual(a.MdmServers(), b.MdmServers()) {
		t.Fatal("data sets differ for the same seed")
	}
	ta, tb := token(t, a), token(t, b)
	for _, p := range []string{"/v1/orgDevices?limit=1000", "/v1/mdmServers?fields[mdmServers]=serverName,status,deviceCount", "/v1/orgDevices/XARRAYMAC0001"} {
		_, ba := get(t, a, ta, p)
		_, bb := get(t, b, tb, p)
		// Links carry each server's own address; everything else must match byte for byte.
		if strings.ReplaceAll(string(ba), a.URL(), "") != strings.ReplaceAll(string(bb), b.URL(), "") {
			t.Errorf("%s differs", p)
		}
	}
	c := New(Options{Seed: 8, Devices: 3000, Servers: 5})
	defer c.Close()
	if c.Devices()[10].SerialNumber() == a.Devices()[10].SerialNumber() {
		t.Error("another seed gave the same serials")
	}
}

func TestDataSetShape(t *testing.T) {
	ds := newDataset(1, 20000, 6)
	seen := map[string]bool{}
	fam, src, released, assigned := map[string]int{}, map[string]int{}, 0, 0
	for i := range ds.numDevices() {
		d := ds.device(i)
		if seen[d.SerialNumber()] {
			t.Fatalf("duplicate serial %s", d.SerialNumber())
		}
		seen[d.SerialNumber()] = true
		if j, ok := ds.deviceIndex(d.SerialNumber()); !ok || j != i {
			t.Fatalf("lookup %s: %d %v", d.SerialNumber(), j, ok)
		}
		if i >= len(ds.fixtures) && (len(d.SerialNumber()) != 12 || d.SerialNumber()[0] == 'X') {
			t.Fatalf("serial %q", d.SerialNumber())
		}
		fam[d.Value("productFamily")]++
		src[d.Value("purchaseSourceType")]++
		if d.Released {
			released++
		}
		if (d.AssignedServerID != "") != (d.Value("status") == "ASSIGNED") {
			t.Fatalf("%s: status %s, server %q", d.SerialNumber(), d.Value("status"), d.AssignedServerID)
		}
		if d.AssignedServerID != "" {
			assigned++
			if sv, _ := ds.server(d.AssignedServerID); sv.Status != "ACTIVE" {
				t.Fatalf("%s assigned to a %s server", d.SerialNumber(), sv.Status)
			}
		}
	}
	if len(fam) != 6 || len(src) != 3 || released < 200 || released > 700 || assigned < 12000 || assigned > 16000 {
		t.Errorf("families %v sources %v released %d assigned %d", fam, src, released, assigned)
	}
	if _, ok := ds.deviceIndex("C00000000000"); ok {
		t.Error("made-up serial found")
	}
}

func TestLargeDataSetIsCheap(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	start := time.Now()
	s := New(Options{Devices: 200000, Servers: 20})
	defer s.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("200k devices took %v to build", d)
	}
	tok := token(t, s)
	start = time.Now()
	resp, b := get(t, s, tok, "/v1/orgDevices?limit=1000")
	if resp.StatusCode != 200 || time.Since(start) > time.Second {
		t.Errorf("1000-device page: %d in %v", resp.StatusCode, time.Since(start))
	}
	if len(b) < 500000 {
		t.Errorf("page only %d bytes", len(b))
	}
}

func BenchmarkDevicePage(b *testing.B) {
	s := NewServer(Options{Devices: 200000, Servers: 20})
	s.SetBaseURL("http://127.0.0.1:1")
	p := page{coll: "/orgDevices", offset: 50000, limit: 1000, n: len(s.ds.listed)}
	mask := s.ds.table.mask(fieldSel{})
	b.ReportAllocs()
	for b.Loop() {
		j := jw{b: make([]byte, 0, 1<<20)}
		j.arr()
		for _, idx := range s.ds.listed[p.offset:p.end()] {
			s.writeDevice(&j, s.ds.device(int(idx)), fieldSel{}, mask, true)
		}
		j.endArr()
	}
}

func BenchmarkBuild200k(b *testing.B) {
	for b.Loop() {
		newDataset(1, 200000, 20)
	}
}

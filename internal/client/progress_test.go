package client_test

import (
	"context"
	"slices"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// A list read of 25 pages logs its progress at INFO level after pages 10 and
// 20 and at its end, with the items read so far; the lines hold the route
// and counts only. Each request stays at DEBUG.
func TestListReadLogsProgressAtInfo(t *testing.T) {
	f := newFake(t, fakeabm.Options{Devices: 25_000})
	log := &recordingLogger{}
	c, _ := newClient(t, f, withLogger(log))
	listed := 0
	if err := c.ListOrgDevices(context.Background(), func(*client.Record) error { listed++; return nil }); err != nil {
		t.Fatal(err)
	}
	pages := f.Count(fakeabm.RouteOrgDevices)
	if pages < 21 || pages > 25 {
		t.Fatalf("device pages = %d, want 21 to 25 for %d listed devices", pages, listed)
	}
	var progress [][2]int64
	for _, l := range log.all() {
		switch l.msg {
		case "reading list", "list read":
			if l.level != client.LevelInfo {
				t.Errorf("%q logged at level %v, want INFO", l.msg, l.level)
			}
			var keys []string
			for k := range l.fields {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if want := []string{"elapsed_ms", "items", "pages", "requests_so_far", "route"}; !slices.Equal(keys, want) {
				t.Errorf("%q has fields %v, want %v", l.msg, keys, want)
			}
			if l.fields["route"] != "orgDevices" {
				t.Errorf("%q route = %v", l.msg, l.fields["route"])
			}
			progress = append(progress, [2]int64{int64(l.fields["pages"].(int)), int64(l.fields["items"].(int))})
		case "request done":
			if l.level != client.LevelDebug {
				t.Errorf("request line at level %v, want DEBUG", l.level)
			}
		}
	}
	want := [][2]int64{{10, 10_000}, {20, 20_000}, {int64(pages), int64(listed)}}
	if !slices.Equal(progress, want) {
		t.Errorf("progress lines (pages, items) = %v, want %v", progress, want)
	}
}

package client

import (
	"context"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// A log over the cap is refused, not read whole into memory.
func TestActivityLogIsSizeCapped(t *testing.T) {
	f := fakeabm.New(fakeabm.Options{})
	defer f.Close()
	c, err := New(Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	defer func(v int64) { maxActivityLogBytes = v }(maxActivityLogBytes)
	maxActivityLogBytes = 1 << 20
	f.SetActivityLogExtraRows(60000) // about 1.3 MiB
	_, err = c.DownloadActivityLog(context.Background(), f.ActivityLogURL(fakeabm.ActivityCompleted))
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Fatalf("%v, want the size cap", err)
	}
	f.SetActivityLogExtraRows(30000) // about 0.7 MiB
	rows, err := c.DownloadActivityLog(context.Background(), f.ActivityLogURL(fakeabm.ActivityCompleted))
	if err != nil || len(rows) != 30003 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
}

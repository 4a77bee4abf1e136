package client_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestOrgDeviceActivityAndItsLog(t *testing.T) {
	f := newFake(t, fakeabm.Options{Scope: "school.api"})
	c, _ := newClient(t, f)
	r, err := c.GetOrgDeviceActivity(context.Background(), fakeabm.ActivityCompleted)
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "subStatus", keyOf(r, client.OrgDeviceActivities, "subStatus"), "COMPLETED_WITH_ERROR")
	link, ok := r.Str(client.OrgDeviceActivities.Index("downloadUrl"))
	if !ok || link != f.ActivityLogURL(fakeabm.ActivityCompleted) {
		t.Fatalf("downloadUrl = %q %v", link, ok)
	}
	rows, err := c.DownloadActivityLog(context.Background(), link)
	if err != nil {
		t.Fatal(err)
	}
	want := []client.ActivityLogRow{
		{SerialNumber: "XABC123X0ABC123X0", OperationStatus: "SUCCESS"},
		{SerialNumber: "XARRAYMAC0001", OperationStatus: "FAILED", OperationSubstatus: "ALREADY_ASSIGNED"},
		{SerialNumber: "XNOTINORG0001", OperationStatus: "FAILED", OperationSubstatus: "DEVICE_NOT_FOUND"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %+v", rows)
	}
	if n := f.Count(fakeabm.RouteActivityLog); n != 1 {
		t.Errorf("%d downloads, want 1", n)
	}
	if n := f.Count(fakeabm.RouteActivityLogTokenLeak); n != 0 {
		t.Errorf("the download carried the API's bearer token %d time(s)", n)
	}
}

func TestOrgDeviceActivityLogRefusals(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	link := f.ActivityLogURL(fakeabm.ActivityCompleted)

	f.SetActivityLogExpired(404)
	_, err := c.DownloadActivityLog(context.Background(), link)
	var exp *client.ActivityLogExpiredError
	if !errors.As(err, &exp) || !strings.Contains(err.Error(), "expired") {
		t.Errorf("expired link: %v", err)
	}
	f.SetActivityLogExpired(0)

	_, err = c.DownloadActivityLog(context.Background(), strings.Replace(link, f.URL(), "http://logs.example.com", 1))
	if err == nil || !strings.Contains(err.Error(), "only https://") {
		t.Errorf("plain http to another host: %v", err)
	}
	f.SetActivityLogRedirect("http://logs.example.com/a.csv")
	_, err = c.DownloadActivityLog(context.Background(), link)
	if err == nil || !strings.Contains(err.Error(), "only https://") {
		t.Errorf("redirect to plain http: %v", err)
	}
	if strings.Contains(err.Error(), "Signature=") {
		t.Errorf("the error shows the link's signature: %v", err)
	}
}

func TestOrgDeviceActivityOlderThan30DaysIsNotFound(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	_, err := c.GetOrgDeviceActivity(context.Background(), fakeabm.ActivityExpired)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || !apiErr.NotFound() {
		t.Fatalf("%v, want a 404", err)
	}
	r, err := c.GetOrgDeviceActivity(context.Background(), fakeabm.ActivityInProgress)
	if err != nil {
		t.Fatal(err)
	}
	if v := keyOf(r, client.OrgDeviceActivities, "downloadUrl"); v.Present {
		t.Errorf("downloadUrl of an activity in progress = %+v", v)
	}
}

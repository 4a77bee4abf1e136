package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func TestActivationLockStatus(t *testing.T) {
	for _, scope := range []string{"business.api", "school.api"} {
		f := newFake(t, fakeabm.Options{Scope: scope})
		c, _ := newClient(t, f)
		r, err := c.GetActivationLockStatus(context.Background(), "XARRAYMAC0001")
		if err != nil {
			t.Fatal(err)
		}
		if v, ok := r.Bool(client.ActivationLockStatus.Index("isLocked")); !ok || !v {
			t.Errorf("%s isLocked = %v %v", scope, v, ok)
		}
		checkString(t, "lockType", keyOf(r, client.ActivationLockStatus, "lockType"), "USER")
	}
}

func TestActivationLockStatusUnlockedLockType(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	for mode, want := range map[string]struct{ present, valid bool }{"NONE": {true, true}, "null": {true, false}, "absent": {false, false}} {
		f.SetLockTypeWhenUnlocked(mode)
		r, err := c.GetActivationLockStatus(context.Background(), "XAPPLETV0001")
		if err != nil {
			t.Fatal(err)
		}
		if v := keyOf(r, client.ActivationLockStatus, "lockType"); v.Present != want.present || v.Valid != want.valid {
			t.Errorf("%s: lockType = %+v", mode, v)
		}
	}
}

func TestActivationLockStatusErrorsNameTheSerial(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	_, err := c.GetActivationLockStatus(context.Background(), "XNOTHELD0001")
	var le *client.ActivationLockError
	if !errors.As(err, &le) || !le.NotHeld || !strings.Contains(err.Error(), `"XNOTHELD0001"`) {
		t.Errorf("unknown serial: %v", err)
	}
	for _, status := range []int{500, 503} {
		f.SetActivationLockInternalState("XABC123X0ABC123X0", status)
		f.ResetCounts()
		_, err = c.GetActivationLockStatus(context.Background(), "XABC123X0ABC123X0")
		if !errors.As(err, &le) || !le.Internal || !strings.Contains(err.Error(), `"XABC123X0ABC123X0"`) ||
			!strings.Contains(err.Error(), "internal-only lock state") {
			t.Errorf("HTTP %d: %v", status, err)
		}
		// 503 is retried (3 retries in these tests) before the error; 500 is not.
		want := 1
		if status == 503 {
			want = 4
		}
		if n := f.Count(fakeabm.RouteActivationLockStatus); n != want {
			t.Errorf("HTTP %d: %d requests, want %d", status, n, want)
		}
	}
}

package fakeabm

import (
	"strings"
	"testing"
)

// SetServerStatus changes only the status a server reports, in the list and
// on its own, and its devices stay assigned; "" restores it.
func TestSetServerStatusKeepsTheDevices(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	srv := s.MdmServers()[0]
	s.SetServerStatus(srv.ID, "INACTIVE")
	for _, path := range []string{"/v1/mdmServers?fields[mdmServers]=status", "/v1/mdmServers/" + srv.ID + "?fields[mdmServers]=status"} {
		_, body := get(t, s, tok, path)
		if !strings.Contains(string(body), `"status":"INACTIVE"`) {
			t.Errorf("%s: %s", path, body)
		}
	}
	_, body := get(t, s, tok, "/v1/mdmServers/"+srv.ID+"/relationships/devices")
	if len(srv.DeviceSerials) == 0 || !strings.Contains(string(body), srv.DeviceSerials[0]) {
		t.Errorf("the server's devices should stay assigned: %s", body)
	}
	s.SetServerStatus(srv.ID, "")
	if _, body := get(t, s, tok, "/v1/mdmServers/"+srv.ID+"?fields[mdmServers]=status"); !strings.Contains(string(body), `"status":"`+srv.Status+`"`) {
		t.Errorf("status not restored: %s", body)
	}
}

// SetExternalUser reports a user as external, or not, whatever the data set says.
func TestSetExternalUser(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	s.SetExternalUser("1000000005", true)
	s.SetExternalUser("1000000003", false) // Erin, external in the fixtures
	_, body := get(t, s, tok, "/v1/users/1000000005")
	if !strings.Contains(string(body), `"isExternalUser":true`) {
		t.Errorf("1000000005: %s", body)
	}
	_, body = get(t, s, tok, "/v1/users/1000000003")
	if !strings.Contains(string(body), `"isExternalUser":false`) {
		t.Errorf("1000000003: %s", body)
	}
}

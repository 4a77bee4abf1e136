package fakeabm

import (
	"net/http"
	"net/url"
)

// Activation Lock status: GET /v1/orgDevices/{id}/activationLockStatus
// (README: Managed devices, Activation Lock and device activities; ABM 2.5 and ASM 1.7).

const RouteActivationLockStatus = "activationLockStatus"

var activationLockFields = []string{"isLocked", "lockType"}

// fixtureLocks are the Activation Lock states of fixture devices; other
// devices get one from the seed.
var fixtureLocks = map[string]string{
	"XABC123X0ABC123X0": "MDM",  // locked by its device management service
	"XARRAYMAC0001":     "USER", // locked to a personal Apple Account
	"XAPPLETV0001":      "",     // not locked
	"XSPARSE00001":      "",
}

// ActivationLock is the lock type of a device of the organization: "MDM",
// "USER", or "" when it is not locked.
func (s *Server) ActivationLock(serial string) string {
	if t, ok := fixtureLocks[serial]; ok {
		return t
	}
	i, _ := s.ds.deviceIndex(serial)
	r := newRNG(s.opts.Seed, streamActivationLock, uint64(i))
	switch n := r.intn(100); {
	case n < 20:
		return "MDM"
	case n < 25:
		return "USER"
	}
	return ""
}

func init() {
	apiRoutes = append(apiRoutes, func(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool) {
		if len(seg) == 3 && seg[0] == "orgDevices" && seg[2] == "activationLockStatus" {
			return RouteActivationLockStatus, s.serveActivationLockStatus, true
		}
		return "", nil, false
	})
}

func (s *Server) serveActivationLockStatus(w http.ResponseWriter, r *http.Request, serial string) {
	sel, e := parseFields(r, "activationLockStatus", activationLockFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	i, ok := s.ds.deviceIndex(serial)
	if !ok || s.ds.device(i).Released {
		s.writeError(w, apiError{status: 404, code: "NOT_FOUND", title: "The specified resource doesn't exist",
			detail: "The org doesn't manage a device with the requested serial number."})
		return
	}
	k := s.statusKnobsNow()
	if st := k.lockInternal[serial]; st >= 500 {
		s.writeError(w, apiError{status: st, code: "UNEXPECTED_ERROR", title: "An unexpected error occurred.",
			detail: "An unexpected error occurred on the server side."})
		return
	}
	lock := s.ActivationLock(serial)
	var j jw
	j.obj()
	j.key("data")
	j.obj()
	j.kstr("type", "activationLockStatus")
	j.kstr("id", serial)
	j.key("attributes")
	j.obj()
	if sel.has("isLocked") {
		j.key("isLocked")
		j.boolean(lock != "")
	}
	if sel.has("lockType") {
		switch {
		case lock != "":
			j.kstr("lockType", lock)
		case k.lockTypeUnlocked == "null":
			j.key("lockType")
			j.null()
		case k.lockTypeUnlocked != "absent":
			j.kstr("lockType", "NONE")
		}
	}
	j.endObj()
	j.endObj()
	s.writeSelfLinks(&j, s.apiURL("/orgDevices/"+url.PathEscape(serial)+"/activationLockStatus"))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

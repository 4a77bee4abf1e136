package fakeabm

// Knobs of the managed-device, Activation Lock and device-activity
// endpoints (README: Managed devices, Activation Lock and device
// activities): the answers Apple leaves open (README: What Apple leaves
// open). Guarded by Server.mu.
type statusKnobs struct {
	missing          string             // "absent" (default) or "null": how a value Apple has not is sent
	managementOff    string             // "" (on), "403", "404" or "empty": mdmDevices with built-in device management off
	security         map[string][2]bool // serial → FileVault, firewall of a managed Mac's details
	lockTypeUnlocked string             // "NONE" (default), "absent" or "null": lockType of an unlocked device
	lockInternal     map[string]int     // serial → the 5xx status answered for an internal-only lock state
	logExpired       int                // status the log download answers (an expired link); 0 = serve it
	logBase          string             // scheme://host written into downloadUrl instead of the fake's own
	logRedirect      string             // when set, the log download redirects here
	logExtraRows     int                // generated rows appended to every log
}

func (s *Server) statusKnobsNow() statusKnobs {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := s.status
	k.missing = "absent"
	if s.knobs.unsetAsNull {
		k.missing = "null"
	}
	return k
}

func (s *Server) setStatusKnob(f func(k *statusKnobs)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.status)
}

// SetManagedDevicesOff answers GET /v1/mdmDevices and its details as Apple
// might when built-in device management is off (undocumented; README:
// What Apple leaves open, 11): "403" (FORBIDDEN_ERROR), "404" (NOT_FOUND),
// "empty" (an empty list, and 404 for details) or "" (on, the default).
func (s *Server) SetManagedDevicesOff(mode string) {
	s.setStatusKnob(func(k *statusKnobs) { k.managementOff = mode })
}

// SetManagedDeviceSecurity sets what the details of the managed device with
// this serial number report for FileVault and the firewall.
func (s *Server) SetManagedDeviceSecurity(serial string, fileVault, firewall bool) {
	s.setStatusKnob(func(k *statusKnobs) {
		if k.security == nil {
			k.security = map[string][2]bool{}
		}
		k.security[serial] = [2]bool{fileVault, firewall}
	})
}

// SetLockTypeWhenUnlocked chooses lockType for a device that is not
// Activation Locked (undocumented; README: What Apple leaves open, 16):
// "NONE" (default), "absent" or "null".
func (s *Server) SetLockTypeWhenUnlocked(mode string) {
	s.setStatusKnob(func(k *statusKnobs) { k.lockTypeUnlocked = mode })
}

// SetActivationLockInternalState makes the Activation Lock status of the
// device with this serial number answer status (a 5xx), as Apple documents
// for a device reporting an internal-only lock state; 0 restores.
func (s *Server) SetActivationLockInternalState(serial string, status int) {
	s.setStatusKnob(func(k *statusKnobs) {
		if k.lockInternal == nil {
			k.lockInternal = map[string]int{}
		}
		k.lockInternal[serial] = status
	})
}

// SetActivityLogExpired makes every activity log download answer status
// (e.g. 403 or 404), as storage does for an expired presigned link; 0
// restores.
func (s *Server) SetActivityLogExpired(status int) {
	s.setStatusKnob(func(k *statusKnobs) { k.logExpired = status })
}

// SetActivityLogBase writes downloadUrl on another scheme://host (e.g.
// "http://logs.example.com"); "" restores the fake's own.
func (s *Server) SetActivityLogBase(base string) {
	s.setStatusKnob(func(k *statusKnobs) { k.logBase = base })
}

// SetActivityLogRedirect makes the log download answer 302 to location;
// "" restores.
func (s *Server) SetActivityLogRedirect(location string) {
	s.setStatusKnob(func(k *statusKnobs) { k.logRedirect = location })
}

// SetActivityLogExtraRows appends n generated rows to every activity log,
// for size limits.
func (s *Server) SetActivityLogExtraRows(n int) {
	s.setStatusKnob(func(k *statusKnobs) { k.logExtraRows = n })
}

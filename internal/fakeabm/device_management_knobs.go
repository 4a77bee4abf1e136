package fakeabm

import "sync"

// dmState is the built-in device management side of one fake: the catalog,
// built on first use, and the knobs for what Apple leaves open
// (README: What Apple leaves open).
type dmState struct {
	once sync.Once
	data *dmData

	mu sync.Mutex
	// The knobs of What Apple leaves open, 11, 15 and 13 (README).
	off                bool            // built-in device management turned off
	profileBase64      bool            // configurationProfile as Base64 (the schema) rather than raw XML (live)
	forbiddenRelations map[string]bool // blueprint relationships answering 403
	deficient          map[string]bool // blueprint ids reported short of app licenses
}

func (s *Server) catalog() *dmData {
	s.dm.once.Do(func() { s.dm.data = newDMData(s.opts.Seed, s.opts.Catalog) })
	return s.dm.data
}

// dmKnobs is a consistent copy of the knobs for one request.
type dmKnobs struct {
	off, absentAsNull, profileBase64 bool
	forbidden, deficient             map[string]bool
}

func (s *Server) dmKnobsNow() dmKnobs {
	null := s.unsetAsNull()
	s.dm.mu.Lock()
	defer s.dm.mu.Unlock()
	return dmKnobs{off: s.dm.off, absentAsNull: null, profileBase64: s.dm.profileBase64,
		forbidden: s.dm.forbiddenRelations, deficient: s.dm.deficient}
}

// SetDeviceManagementOff turns the organization's built-in device management
// off: apps, packages, blueprints and configurations then answer 403
// FORBIDDEN_ERROR. Apple does not document the answer (README: What Apple
// leaves open, 11); 403 is the reading that fails loudly, so a client
// cannot mistake it for an empty catalog.
func (s *Server) SetDeviceManagementOff(v bool) {
	s.dm.mu.Lock()
	defer s.dm.mu.Unlock()
	s.dm.off = v
}

// SetProfileBase64 sends customSettingsValues.configurationProfile as Base64
// of the profile, as Apple's schema types it ("byte"), instead of the raw
// XML the live API sends (the default). README: What Apple leaves open, 15.
func (s *Server) SetProfileBase64(v bool) {
	s.dm.mu.Lock()
	defer s.dm.mu.Unlock()
	s.dm.profileBase64 = v
}

// SetBlueprintRelationshipForbidden makes GET
// /v1/blueprints/{id}/relationships/<rel> answer 403 for every blueprint,
// as clients in the wild report "depending on permissions or state"
// (README: What Apple leaves open, 13).
func (s *Server) SetBlueprintRelationshipForbidden(rel string, v bool) {
	s.dm.mu.Lock()
	defer s.dm.mu.Unlock()
	m := map[string]bool{}
	for k, x := range s.dm.forbiddenRelations {
		m[k] = x
	}
	m[rel] = v
	s.dm.forbiddenRelations = m
}

// SetAppLicenseDeficient reports the blueprint with this id as short of app
// licenses (appLicenseDeficient true), or not.
func (s *Server) SetAppLicenseDeficient(id string, v bool) {
	s.dm.mu.Lock()
	defer s.dm.mu.Unlock()
	m := map[string]bool{}
	for k, x := range s.dm.deficient {
		m[k] = x
	}
	m[id] = v
	s.dm.deficient = m
}

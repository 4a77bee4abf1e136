package fakeabm

// Knobs for the questions abm-api-2x.md §16 leaves open about people.

// SetPeopleUnsetAs chooses how users, groups and units write an attribute
// they do not have (§16.1): "absent" (default: the key is left out, as live
// responses do) or "null" (the key with null, as Apple's examples do). Lists
// (roleOuList, phoneNumbers) follow it too when empty.
func (s *Server) SetPeopleUnsetAs(mode string) {
	s.people.mu.Lock()
	defer s.people.mu.Unlock()
	s.people.unsetAs = mode
}

func (s *Server) peopleUnsetAsNull() bool {
	s.people.mu.Lock()
	defer s.people.mu.Unlock()
	return s.people.unsetAs == "null"
}

// SetLastPageMarker chooses how every list's last page says it is the last
// (§16.2): "absent" (default: no links.next and no meta.paging.nextCursor,
// as Apple's examples) or "empty" (both present as "", as one SDK's mock).
func (s *Server) SetLastPageMarker(mode string) {
	s.setKnob(func(k *knobs) { k.lastPageEmpty = mode == "empty" })
}

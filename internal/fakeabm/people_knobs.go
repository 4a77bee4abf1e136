package fakeabm

// Knobs for the questions abm-api-2x.md §16 leaves open about people.

func (s *Server) peopleUnsetAsNull() bool { return s.unsetAsNull() }

// SetLastPageMarker chooses how every list's last page says it is the last
// (§16.2): "absent" (default: no links.next and no meta.paging.nextCursor,
// as Apple's examples) or "empty" (both present as "", as one SDK's mock).
func (s *Server) SetLastPageMarker(mode string) {
	s.setKnob(func(k *knobs) { k.lastPageEmpty = mode == "empty" })
}

package fakeabm

// Knobs for the questions Apple leaves open about people and lists
// (README: What Apple leaves open).

func (s *Server) peopleUnsetAsNull() bool { return s.unsetAsNull() }

// SetLastPageMarker chooses how the last page of every list but audit
// events says it is the last (README: What Apple leaves open, 2): "absent"
// (default: no links.next and no meta.paging.nextCursor, as Apple's
// examples) or "empty" (both present as "", as one SDK's mock).
func (s *Server) SetLastPageMarker(mode string) {
	s.setKnob(func(k *knobs) { k.lastPageEmpty = mode == "empty" })
}

package fakeabm

// attrSet is a set of device attributes, by their a… index. It grows with
// nDeviceAttrs, so a new attribute never falls off the end of a fixed-width
// mask: an uint32 once dropped a 33rd attribute without a word.
type attrSet [(nDeviceAttrs + 63) / 64]uint64

// attrSetOf is the set of the given attributes.
func attrSetOf(ks ...int) attrSet { return attrSet{}.with(ks...) }

// with is s plus the given attributes.
func (s attrSet) with(ks ...int) attrSet {
	for _, k := range ks {
		s[k/64] |= 1 << (k % 64)
	}
	return s
}

func (s attrSet) has(k int) bool { return s[k/64]&(1<<(k%64)) != 0 }

func (s attrSet) union(o attrSet) attrSet {
	for i := range s {
		s[i] |= o[i]
	}
	return s
}

func (s attrSet) minus(o attrSet) attrSet {
	for i := range s {
		s[i] &^= o[i]
	}
	return s
}

func (s attrSet) empty() bool { return s == attrSet{} }

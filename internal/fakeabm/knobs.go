package fakeabm

// knobs select among the answers Apple leaves open, and hostile ones, so the
// client can be tested against each of them (README.md, "Knobs"). All are
// guarded by Server.mu.
type knobs struct {
	unassignedLinkage     string // "null" or "404"
	nextLinkIncludesLimit bool
	includeTotal          bool
	nextLinkHost          string
	omitNextCursor        bool
	repeatCursor          bool
	limitOutOfRange       string // "error" or "clamp"
	adeTermsNotSigned     bool
	adeTokenExpired       bool
	expireTokensAt        map[string]int    // route → request number before which every access token expires
	pageOversize          int               // extra items on every list page beyond the limit asked for
	repeatLastItem        bool              // each list page after the first starts with the previous page's last item
	lastPageEmpty         bool              // the last page carries links.next and meta.paging.nextCursor as ""
	unsetAsNull           bool              // 2.x resources send null for what they lack instead of leaving the key out
	serverStatus          map[string]string // server id → status reported instead of its own
	externalUsers         map[string]bool   // user id → reported as an external user
}

func defaultKnobs() knobs {
	return knobs{unassignedLinkage: "null", limitOutOfRange: "error"}
}

func (s *Server) knobsNow() knobs {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.knobs
}

func (s *Server) setKnob(f func(k *knobs)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&s.knobs)
}

// SetUnsetAsNull makes every 2.x resource (users, groups, units, the
// built-in device management catalog, managed devices, Activation Lock
// statuses, activities, audit events) send an attribute it has no value for
// as null, as Apple's examples do, instead of leaving the key out, as live
// answers do (the default). Clients must handle both.
func (s *Server) SetUnsetAsNull(v bool) { s.setKnob(func(k *knobs) { k.unsetAsNull = v }) }

// SetServerStatus reports the MDM server id with this status while its
// devices stay assigned to it: the state Apple shows when a server has gone
// INACTIVE (it stopped connecting) and nobody moved its devices yet. The data
// set assigns devices only to ACTIVE servers, so this is how a policy check
// meets a device on an INACTIVE server. "" restores the server's own status.
func (s *Server) SetServerStatus(id, status string) {
	s.setKnob(func(k *knobs) {
		k.serverStatus = withEntry(k.serverStatus, id, status, status != "")
	})
}

// SetExternalUser reports the user id as an external user (or not): an
// administrator whose account moved to a partner's domain, the case a
// people policy exists for.
func (s *Server) SetExternalUser(id string, v bool) {
	s.setKnob(func(k *knobs) { k.externalUsers = withEntry(k.externalUsers, id, v, true) })
}

// withEntry is m with key set to v (or removed when keep is false), as a new
// map: knob snapshots are read without the lock, so maps are never mutated.
func withEntry[V any](m map[string]V, key string, v V, keep bool) map[string]V {
	out := make(map[string]V, len(m)+1)
	for k, x := range m {
		out[k] = x
	}
	if keep {
		out[key] = v
	} else {
		delete(out, key)
	}
	return out
}

// unsetAsNull reads SetUnsetAsNull.
func (s *Server) unsetAsNull() bool { return s.knobsNow().unsetAsNull }

// SetUnassignedLinkage chooses what E3/E4 answer for an unassigned device:
// "null" (default: 200 with "data":null) or "404".
func (s *Server) SetUnassignedLinkage(mode string) {
	s.setKnob(func(k *knobs) { k.unassignedLinkage = mode })
}

// SetNextLinkIncludesLimit makes links.next carry limit as well as cursor
// (default false, as in Apple's example).
func (s *Server) SetNextLinkIncludesLimit(v bool) {
	s.setKnob(func(k *knobs) { k.nextLinkIncludesLimit = v })
}

// SetIncludeTotal makes list responses carry meta.paging.total (default false).
func (s *Server) SetIncludeTotal(v bool) { s.setKnob(func(k *knobs) { k.includeTotal = v }) }

// SetNextLinkHost writes links.next absolute on another host
// ("api-business.apple.com", "evil.example:443" or a full "https://evil.example");
// meta.paging.nextCursor is still sent. With "api-business.apple.com" it is
// Apple's own answer reaching a client through a proxy, which must still walk
// on through the proxy; with SetNextCursorOmitted as well it is the hostile
// link a client must refuse to follow. "" restores.
func (s *Server) SetNextLinkHost(host string) { s.setKnob(func(k *knobs) { k.nextLinkHost = host }) }

// SetNextCursorOmitted leaves meta.paging.nextCursor out of list pages, so
// links.next is the only way to the next page (nextCursor is optional in
// Apple's paging information).
func (s *Server) SetNextCursorOmitted(v bool) { s.setKnob(func(k *knobs) { k.omitNextCursor = v }) }

// SetRepeatCursor makes every page return the first page's nextCursor again,
// the endless loop a client must detect.
func (s *Server) SetRepeatCursor(v bool) { s.setKnob(func(k *knobs) { k.repeatCursor = v }) }

// SetLimitOutOfRange chooses the answer to limit outside 1..1000: "error"
// (default: 400 PARAMETER_ERROR.INVALID on "limit") or "clamp".
func (s *Server) SetLimitOutOfRange(mode string) {
	s.setKnob(func(k *knobs) { k.limitOutOfRange = mode })
}

// SetADETermsNotSigned makes GET /account answer 403 T_C_NOT_SIGNED.
func (s *Server) SetADETermsNotSigned(v bool) { s.setKnob(func(k *knobs) { k.adeTermsNotSigned = v }) }

// SetADETokenExpired makes GET /session answer 403 as for an expired server token.
func (s *Server) SetADETokenExpired(v bool) { s.setKnob(func(k *knobs) { k.adeTokenExpired = v }) }

// ExpireTokensAt makes every access token issued so far expire just before
// the n-th request (counting from 1, as Count does) to route is answered,
// once: the token Apple revoked in the middle of a long walk.
func (s *Server) ExpireTokensAt(route string, n int) {
	s.setKnob(func(k *knobs) {
		if k.expireTokensAt == nil {
			k.expireTokensAt = map[string]int{}
		}
		k.expireTokensAt[route] = n
	})
}

func (s *Server) maybeExpireTokens(route string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n, ok := s.knobs.expireTokensAt[route]; ok && s.counts[route] == n {
		clear(s.tokens)
		delete(s.knobs.expireTokensAt, route)
	}
}

// SetPageOversize makes every list page carry up to extra items more than
// the limit asked for (meta.paging.limit still says the limit): the
// oversized page a client must refuse rather than trust. 0 restores.
func (s *Server) SetPageOversize(extra int) { s.setKnob(func(k *knobs) { k.pageOversize = extra }) }

// SetRepeatLastItem makes every list page after the first start with the
// last item of the page before, as an offset-paged list does when an item
// is added while a client walks it: the duplicate a client must catch.
func (s *Server) SetRepeatLastItem(v bool) { s.setKnob(func(k *knobs) { k.repeatLastItem = v }) }

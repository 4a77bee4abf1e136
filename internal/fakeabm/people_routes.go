package fakeabm

import (
	"net/http"
	"net/url"
)

// Routes of the people endpoints (README: People), as used by Count,
// Counts and InjectFaults.
const (
	RouteUsers                   = "users"                   // GET /v1/users
	RouteUser                    = "user"                    // GET /v1/users/{id}
	RouteUserGroups              = "userGroups"              // GET /v1/userGroups
	RouteUserGroup               = "userGroup"               // GET /v1/userGroups/{id}
	RouteUserGroupUsers          = "userGroupUsers"          // GET /v1/userGroups/{id}/relationships/users
	RouteOrganizationalUnits     = "organizationalUnits"     // GET /v1/organizationalUnits
	RouteOrganizationalUnit      = "organizationalUnit"      // GET /v1/organizationalUnits/{id}
	RouteOrganizationalUnitUsers = "organizationalUnitUsers" // GET /v1/organizationalUnits/{id}/relationships/users
)

// Sparse fieldsets Apple documents; relationship names are fields too.
var (
	userFields      = []string{"firstName", "lastName", "middleName", "status", "managedAppleAccount", "isExternalUser", "roleOuList", "email", "employeeNumber", "costCenter", "division", "department", "jobTitle", "startDateTime", "createdDateTime", "updatedDateTime", "phoneNumbers"}
	userGroupFields = []string{"ouId", "name", "type", "totalMemberCount", "createdDateTime", "updatedDateTime", "status", "users"}
	unitFields      = []string{"name", "description", "createdDateTime", "updatedDateTime", "users"}
)

func init() {
	apiRoutes = append(apiRoutes, func(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool) {
		rel := len(seg) == 4 && seg[2] == "relationships" && seg[3] == "users"
		switch {
		case len(seg) == 1 && seg[0] == "users":
			return RouteUsers, s.businessOnly(s.serveUsers), true
		case len(seg) == 2 && seg[0] == "users":
			return RouteUser, s.businessOnly(s.serveUser), true
		case len(seg) == 1 && seg[0] == "userGroups":
			return RouteUserGroups, s.businessOnly(s.serveUserGroups), true
		case len(seg) == 2 && seg[0] == "userGroups":
			return RouteUserGroup, s.businessOnly(s.serveUserGroup), true
		case rel && seg[0] == "userGroups":
			return RouteUserGroupUsers, s.businessOnly(s.serveUserGroupUsers), true
		case len(seg) == 1 && seg[0] == "organizationalUnits":
			return RouteOrganizationalUnits, s.businessOnly(s.serveUnits), true
		case len(seg) == 2 && seg[0] == "organizationalUnits":
			return RouteOrganizationalUnit, s.businessOnly(s.serveUnit), true
		case rel && seg[0] == "organizationalUnits":
			return RouteOrganizationalUnitUsers, s.businessOnly(s.serveUnitUsers), true
		}
		return "", nil, false
	})
}

// serveList writes one page of a collection of n items, each by item.
func (s *Server) serveList(w http.ResponseWriter, r *http.Request, typ string, allowed []string, n int, item func(j *jw, i int, sel fieldSel)) {
	sel, e := parseFields(r, typ, allowed)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	p, e := s.parsePage(r, "/"+typ, n)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	j := jw{b: make([]byte, 0, 700*(p.end()-p.offset)+512)}
	j.obj()
	j.key("data")
	j.arr()
	for i := p.offset; i < p.end(); i++ {
		item(&j, i, sel)
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// serveOne writes one item of a collection, or 404.
func (s *Server) serveOne(w http.ResponseWriter, r *http.Request, typ, id string, allowed []string, i int, ok bool, item func(j *jw, i int, sel fieldSel)) {
	sel, e := parseFields(r, typ, allowed)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	if !ok {
		s.writeError(w, notFound(typ, id))
		return
	}
	var j jw
	j.obj()
	j.key("data")
	item(&j, i, sel)
	s.writeSelfLinks(&j, s.apiURL("/"+typ+"/"+url.PathEscape(id)))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// serveLinkages writes one page of an item's user linkages, or 404.
func (s *Server) serveLinkages(w http.ResponseWriter, r *http.Request, typ, id string, ids []string, ok bool) {
	if !ok {
		s.writeError(w, notFound(typ, id))
		return
	}
	p, e := s.parsePage(r, "/"+typ+"/"+id+"/relationships/users", len(ids))
	if e != nil {
		s.writeError(w, *e)
		return
	}
	j := jw{b: make([]byte, 0, 40*(p.end()-p.offset)+512)}
	j.obj()
	j.key("data")
	j.arr()
	for _, uid := range ids[p.offset:p.end()] {
		j.obj()
		j.kstr("type", "users")
		j.kstr("id", uid)
		j.endObj()
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

func (s *Server) serveUsers(w http.ResponseWriter, r *http.Request, _ string) {
	p := s.peopleData()
	s.serveList(w, r, "users", userFields, len(p.users), s.userWriter(p))
}

func (s *Server) serveUser(w http.ResponseWriter, r *http.Request, id string) {
	p := s.peopleData()
	i, ok := p.byUser[id]
	s.serveOne(w, r, "users", id, userFields, i, ok, s.userWriter(p))
}

func (s *Server) serveUserGroups(w http.ResponseWriter, r *http.Request, _ string) {
	p := s.peopleData()
	s.serveList(w, r, "userGroups", userGroupFields, len(p.groups), s.groupWriter(p))
}

func (s *Server) serveUserGroup(w http.ResponseWriter, r *http.Request, id string) {
	p := s.peopleData()
	i, ok := p.byGrp[id]
	s.serveOne(w, r, "userGroups", id, userGroupFields, i, ok, s.groupWriter(p))
}

func (s *Server) serveUserGroupUsers(w http.ResponseWriter, r *http.Request, id string) {
	p := s.peopleData()
	i, ok := p.byGrp[id]
	var ids []string
	if ok {
		ids = p.groups[i].MemberIDs
	}
	s.serveLinkages(w, r, "userGroups", id, ids, ok)
}

func (s *Server) serveUnits(w http.ResponseWriter, r *http.Request, _ string) {
	p := s.peopleData()
	s.serveList(w, r, "organizationalUnits", unitFields, len(p.units), s.unitWriter(p))
}

func (s *Server) serveUnit(w http.ResponseWriter, r *http.Request, id string) {
	p := s.peopleData()
	i, ok := p.byUnit[id]
	s.serveOne(w, r, "organizationalUnits", id, unitFields, i, ok, s.unitWriter(p))
}

func (s *Server) serveUnitUsers(w http.ResponseWriter, r *http.Request, id string) {
	p := s.peopleData()
	i, ok := p.byUnit[id]
	var ids []string
	if ok {
		ids = p.units[i].UserIDs
	}
	s.serveLinkages(w, r, "organizationalUnits", id, ids, ok)
}

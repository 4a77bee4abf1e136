package fakeabm

import (
	"net/http"
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

// serveUserLinkages writes one page of an item's user linkages, or 404.
func (s *Server) serveUserLinkages(w http.ResponseWriter, r *http.Request, typ, id string, ids []string, ok bool) {
	if !ok {
		s.writeError(w, notFound(typ, id))
		return
	}
	s.serveLinkages(w, r, "/"+typ+"/"+id+"/relationships/users", "users", len(ids), func(i int) string { return ids[i] })
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
	s.serveUserLinkages(w, r, "userGroups", id, ids, ok)
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
	s.serveUserLinkages(w, r, "organizationalUnits", id, ids, ok)
}

package fakeabm

import (
	"net/url"
)

// optional writes the attributes an item may lack: absent or null for a
// value it does not have, as SetUnsetAsNull says.
type optional struct {
	j    *jw
	sel  fieldSel
	null bool
}

func (o optional) str(k, v string) {
	if !o.sel.has(k) {
		return
	}
	if v != "" {
		o.j.kstr(k, v)
	} else if o.null {
		o.j.key(k)
		o.j.null()
	}
}

// list writes an array attribute with n items; an empty one follows the knob
// as a missing value does.
func (o optional) list(k string, n int, item func()) {
	if !o.sel.has(k) {
		return
	}
	if n == 0 && !o.null {
		return
	}
	o.j.key(k)
	if n == 0 {
		o.j.null()
		return
	}
	o.j.arr()
	for range n {
		item()
	}
	o.j.endArr()
}

// resourceStart opens a resource object: type, id and its attributes.
func resourceStart(j *jw, typ, id string) {
	j.obj()
	j.kstr("type", typ)
	j.kstr("id", id)
	j.key("attributes")
	j.obj()
}

// resourceEnd closes the attributes, writes the users relationship when the
// type has one and it was asked for, and the item's self link.
func (s *Server) resourceEnd(j *jw, typ, id string, usersRel bool) {
	j.endObj()
	self := s.apiURL("/" + typ + "/" + url.PathEscape(id))
	if usersRel {
		j.key("relationships")
		j.obj()
		j.key("users")
		j.obj()
		j.key("links")
		j.obj()
		j.kstr("self", self+"/relationships/users")
		j.endObj()
		j.endObj()
		j.endObj()
	}
	j.key("links")
	j.obj()
	j.kstr("self", self)
	j.endObj()
	j.endObj()
}

// userWriter writes users as Apple's User resource (README: People); no relationships.
func (s *Server) userWriter(p *people) func(j *jw, i int, sel fieldSel) {
	null := s.peopleUnsetAsNull()
	external := s.knobsNow().externalUsers
	return func(j *jw, i int, sel fieldSel) {
		u := &p.users[i]
		resourceStart(j, "users", u.ID)
		o := optional{j: j, sel: sel, null: null}
		o.str("firstName", u.FirstName)
		o.str("middleName", u.MiddleName)
		o.str("lastName", u.LastName)
		o.str("status", u.Status)
		o.str("managedAppleAccount", u.ManagedAppleAccount)
		if sel.has("isExternalUser") {
			j.key("isExternalUser")
			ext, set := external[u.ID]
			j.boolean(ext || (!set && u.IsExternalUser))
		}
		k := 0
		o.list("roleOuList", len(u.Roles), func() {
			j.obj()
			j.kstr("roleName", u.Roles[k].RoleName)
			j.kstr("ouId", u.Roles[k].OuID)
			j.endObj()
			k++
		})
		o.str("email", u.Email)
		o.str("employeeNumber", u.EmployeeNumber)
		o.str("costCenter", u.CostCenter)
		o.str("division", u.Division)
		o.str("department", u.Department)
		o.str("jobTitle", u.JobTitle)
		k = 0
		o.list("phoneNumbers", len(u.Phones), func() {
			j.obj()
			j.kstr("phoneNumber", u.Phones[k].Number)
			j.kstr("type", u.Phones[k].Type)
			j.endObj()
			k++
		})
		o.str("startDateTime", u.StartDateTime)
		o.str("createdDateTime", u.CreatedDateTime)
		o.str("updatedDateTime", u.UpdatedDateTime)
		s.resourceEnd(j, "users", u.ID, false)
	}
}

// groupWriter writes user groups as Apple's UserGroup resource (README: People).
func (s *Server) groupWriter(p *people) func(j *jw, i int, sel fieldSel) {
	null := s.peopleUnsetAsNull()
	return func(j *jw, i int, sel fieldSel) {
		g := &p.groups[i]
		resourceStart(j, "userGroups", g.ID)
		o := optional{j: j, sel: sel, null: null}
		o.str("ouId", g.OuID)
		o.str("name", g.Name)
		o.str("type", g.Type)
		if sel.has("totalMemberCount") {
			j.key("totalMemberCount")
			j.int(int64(len(g.MemberIDs)))
		}
		o.str("status", g.Status)
		o.str("createdDateTime", g.CreatedDateTime)
		o.str("updatedDateTime", g.UpdatedDateTime)
		s.resourceEnd(j, "userGroups", g.ID, sel.has("users"))
	}
}

// unitWriter writes organizational units (README: People).
func (s *Server) unitWriter(p *people) func(j *jw, i int, sel fieldSel) {
	null := s.peopleUnsetAsNull()
	return func(j *jw, i int, sel fieldSel) {
		u := &p.units[i]
		resourceStart(j, "organizationalUnits", u.ID)
		o := optional{j: j, sel: sel, null: null}
		o.str("name", u.Name)
		o.str("description", u.Description)
		o.str("createdDateTime", u.CreatedDateTime)
		o.str("updatedDateTime", u.UpdatedDateTime)
		s.resourceEnd(j, "organizationalUnits", u.ID, sel.has("users"))
	}
}

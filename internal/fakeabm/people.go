package fakeabm

import (
	"strconv"
	"sync"
)

// People of the organization (API 2.0 users and user groups, 2.2
// organizational units), README: People. Fixtures come first with
// fixed ids for literal assertions; Options.Users more users follow,
// generated from the seed. The data is cross-referenced as Apple's is: every
// role's OU id and every group's OU id is a unit that exists, and every
// member of a group is a user. A unit's users are the users holding a role
// in it (Apple does not say; the relationship has to mean something).

// User is one person as the fake serves it. An empty string is an attribute
// the user does not have (written absent or null, see SetUnsetAsNull).
type User struct {
	ID                  string
	FirstName           string
	MiddleName          string
	LastName            string
	Status              string
	ManagedAppleAccount string
	IsExternalUser      bool
	Roles               []UserRole
	Email               string
	EmployeeNumber      string
	CostCenter          string
	Division            string
	Department          string
	JobTitle            string
	Phones              []UserPhone
	StartDateTime       string
	CreatedDateTime     string
	UpdatedDateTime     string
}

// UserRole is one role a user holds in one organizational unit.
type UserRole struct{ RoleName, OuID string }

// UserPhone is one phone number of a user.
type UserPhone struct{ Number, Type string }

// UserGroup is one group and the ids of its members, in Apple's order.
type UserGroup struct {
	ID, OuID, Name, Type, Status     string
	CreatedDateTime, UpdatedDateTime string
	MemberIDs                        []string
}

// OrganizationalUnit is one unit and the ids of its users.
type OrganizationalUnit struct {
	ID, Name, Description            string
	CreatedDateTime, UpdatedDateTime string
	UserIDs                          []string
}

// people is the organization's people, built on first use so that servers
// that are never asked about people do not pay for 100,000 users.
type people struct {
	once   sync.Once
	users  []User
	groups []UserGroup
	units  []OrganizationalUnit
	byUser map[string]int
	byGrp  map[string]int
	byUnit map[string]int
}

func (s *Server) peopleData() *people {
	p := &s.people
	p.once.Do(func() { p.build(s.opts.Seed, s.opts.Users) })
	return p
}

// Users is every user the fake serves, in list order (fixtures first).
func (s *Server) Users() []User { return s.peopleData().users }

// UserGroups is every user group, in list order.
func (s *Server) UserGroups() []UserGroup { return s.peopleData().groups }

// OrganizationalUnits is every organizational unit, in list order.
func (s *Server) OrganizationalUnits() []OrganizationalUnit { return s.peopleData().units }

// Fixture ids.
const (
	OURoot        = "OU000001" // "Example Corp": every generated user's unit unless another is drawn
	OUSales       = "OU000002"
	OUEngineering = "OU000003"
)

func fixtureUnits() []OrganizationalUnit {
	return []OrganizationalUnit{
		{ID: OURoot, Name: "Example Corp", Description: "The whole organization",
			CreatedDateTime: "2024-02-01T09:00:00Z", UpdatedDateTime: "2026-04-14T10:00:00Z"},
		{ID: OUSales, Name: "Sales", // no description
			CreatedDateTime: "2024-03-05T12:30:00.5Z", UpdatedDateTime: "2026-05-01T08:00:00Z"},
		{ID: OUEngineering, Name: "Engineering", Description: "Product engineering",
			CreatedDateTime: "2024-03-05T12:31:00Z", UpdatedDateTime: "2026-05-02T08:00:00.123Z"},
	}
}

// fixtureUsers are the people tests assert on: every attribute set (Alice),
// most unset (Frank), an external user, an API-account role, status values
// known and not, and two users whose e-mail differs only in case.
func fixtureUsers() []User {
	return []User{
		{ID: "1000000001", FirstName: "Alice", MiddleName: "Marie", LastName: "Admin", Status: "ACTIVE",
			ManagedAppleAccount: "alice@appleid.example.com", Roles: []UserRole{{"Administrator", OURoot}},
			Email: "alice.admin@example.com", EmployeeNumber: "E-0001", CostCenter: "CC-100", Division: "Corporate",
			Department: "IT", JobTitle: "IT Director",
			Phones:        []UserPhone{{"+1 408 555 0101", "WORK"}, {"+1 408 555 0199", "MOBILE"}},
			StartDateTime: "2019-03-01T00:00:00Z", CreatedDateTime: "2024-02-01T09:05:00Z", UpdatedDateTime: "2026-05-20T14:02:11.481Z"},
		{ID: "1000000002", FirstName: "Bob", LastName: "Seller", Status: "ACTIVE",
			ManagedAppleAccount: "bob@appleid.example.com",
			Roles:               []UserRole{{"People Manager", OUSales}, {"Staff", OUEngineering}},
			Email:               "bob.seller@example.com", Department: "Sales", JobTitle: "Account Executive",
			Phones:        []UserPhone{{"+1 408 555 0102", "HOME"}},
			StartDateTime: "2021-07-12T00:00:00Z", CreatedDateTime: "2024-03-06T10:00:00Z", UpdatedDateTime: "2026-01-10T10:00:00Z"},
		{ID: "1000000003", FirstName: "Erin", LastName: "External", Status: "ACTIVE", IsExternalUser: true,
			ManagedAppleAccount: "erin@partner.example.net", Roles: []UserRole{{"Content Manager", OUSales}},
			Email: "erin@partner.example.net", CreatedDateTime: "2025-09-01T00:00:00Z", UpdatedDateTime: "2025-09-01T00:00:00Z"},
		{ID: "1000000004", FirstName: "Device", LastName: "API", Status: "ACTIVE",
			ManagedAppleAccount: "device-api@appleid.example.com", Roles: []UserRole{{"Device API Manager", OURoot}},
			CreatedDateTime: "2024-02-01T09:10:00Z", UpdatedDateTime: "2024-02-01T09:10:00Z"},
		{ID: "1000000005", FirstName: "Carol", LastName: "Chief", Status: "LOCKED",
			ManagedAppleAccount: "carol@appleid.example.com", Roles: []UserRole{{"Administrator", OUEngineering}},
			Email: "carol.chief@example.com", JobTitle: "VP Engineering",
			CreatedDateTime: "2024-03-06T11:00:00Z", UpdatedDateTime: "2026-06-30T23:59:59Z"},
		{ID: "1000000006", FirstName: "Frank", LastName: "Newman", Status: "NEW",
			ManagedAppleAccount: "frank@appleid.example.com"},
		{ID: "1000000007", FirstName: "Gina", LastName: "Future", Status: "ON_HOLD", // a status Apple may add later
			ManagedAppleAccount: "gina@appleid.example.com", Roles: []UserRole{{"Staff", OUEngineering}},
			Email: "gina.future@example.com", CreatedDateTime: "2026-06-01T00:00:00Z", UpdatedDateTime: "2026-06-01T00:00:00Z"},
		{ID: "1000000008", FirstName: "Pat", LastName: "Shared", Status: "ACTIVE",
			ManagedAppleAccount: "pat@appleid.example.com", Roles: []UserRole{{"Staff", OUSales}},
			Email: "frontdesk@Example.com", CreatedDateTime: "2025-01-01T00:00:00Z", UpdatedDateTime: "2025-01-01T00:00:00Z"},
		{ID: "1000000009", FirstName: "Sam", LastName: "Shared", Status: "DEACTIVATED",
			ManagedAppleAccount: "sam@appleid.example.com", Roles: []UserRole{{"Staff", OUSales}},
			Email: "FRONTDESK@example.com", CreatedDateTime: "2025-01-02T00:00:00Z", UpdatedDateTime: "2026-02-02T00:00:00Z"},
	}
}

func fixtureGroups() []UserGroup {
	return []UserGroup{
		{ID: "UG000001", OuID: OURoot, Name: "Administrators", Type: "STANDARD", Status: "ACTIVE",
			CreatedDateTime: "2024-02-02T00:00:00Z", UpdatedDateTime: "2026-05-20T14:03:00Z",
			MemberIDs: []string{"1000000001", "1000000005"}},
		{ID: "UG000002", OuID: OUSales, Name: "Sales Team", Type: "SMART", Status: "ACTIVE",
			CreatedDateTime: "2024-03-07T00:00:00Z", UpdatedDateTime: "2026-01-10T10:00:00Z",
			MemberIDs: []string{"1000000002", "1000000003", "1000000008"}},
		{ID: "UG000003", OuID: OUEngineering, Name: "Empty Group", Type: "STANDARD", Status: "ACTIVE",
			CreatedDateTime: "2025-05-05T05:05:05Z", UpdatedDateTime: "2025-05-05T05:05:05Z", MemberIDs: []string{}},
		// Group names need not be unique: two projects happen to share one.
		{ID: "UG000004", OuID: OUSales, Name: "Project X", Type: "STANDARD", Status: "ACTIVE",
			CreatedDateTime: "2026-01-01T00:00:00Z", UpdatedDateTime: "2026-01-01T00:00:00Z", MemberIDs: []string{"1000000002"}},
		{ID: "UG000005", OuID: OUEngineering, Name: "Project X", Type: "STANDARD", Status: "INACTIVE", // a status outside Apple's enum
			CreatedDateTime: "2026-01-02T00:00:00Z", UpdatedDateTime: "2026-01-02T00:00:00Z", MemberIDs: []string{"1000000007"}},
	}
}

// Generated people: one extra unit per 2000 users, one group per 500, each
// generated user in one unit (the root with probability one half) and in
// the group its index falls into.
const (
	streamUsers = 101 + iota
	streamUnits
)

var (
	firstNames  = []string{"Ana", "Ben", "Chloé", "Dmitri", "Eve", "Farid", "Grace", "Hiro", "Ines", "Jon", "Kai", "Lena", "Mo", "Nia", "Olaf", "Priya"}
	lastNames   = []string{"Smith", "García", "Nguyen", "Müller", "Okafor", "Rossi", "Kim", "Dubois", "Silva", "Novak", "Cohen", "Haddad"}
	userRoles   = []string{"Staff", "Staff", "Staff", "Staff", "Staff", "Staff", "People Manager", "Content Manager", "Device Enrollment Manager"}
	userStatus  = []string{"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "NEW", "DEACTIVATED", "LOCKED", "RELEASED", "LOCKED_FOR_SHARED_IPAD"}
	phoneTypes  = []string{"WORK", "HOME", "MOBILE"}
	departments = []string{"Sales", "Engineering", "Finance", "Support", "Marketing", "Operations"}
)

func (p *people) build(seed int64, nUsers int) {
	nUsers = max(nUsers, 0)
	p.units = fixtureUnits()
	for k := range nUsers / 2000 {
		r := newRNG(seed, streamUnits, uint64(k))
		created, sec := r.stamp(t2019, t2026)
		updated, _ := r.stamp(sec, tNow)
		p.units = append(p.units, OrganizationalUnit{ID: "OU" + strconv.Itoa(100000+k), Name: "Region " + strconv.Itoa(k+1),
			Description: "Generated unit", CreatedDateTime: created, UpdatedDateTime: updated})
	}
	p.users = make([]User, 0, len(fixtureUsers())+nUsers)
	p.users = append(p.users, fixtureUsers()...)
	p.groups = fixtureGroups()
	nGroups := nUsers / 500
	for k := range nGroups {
		p.groups = append(p.groups, UserGroup{ID: "UG" + strconv.Itoa(100000+k), OuID: p.units[k%len(p.units)].ID,
			Name: "Team " + strconv.Itoa(k+1), Type: []string{"STANDARD", "SMART"}[k%2], Status: "ACTIVE",
			CreatedDateTime: "2025-01-01T00:00:00Z", UpdatedDateTime: "2026-01-01T00:00:00Z"})
	}
	for g := range nUsers {
		u := genUser(seed, g, p.units)
		p.users = append(p.users, u)
		if nGroups > 0 {
			gr := &p.groups[len(fixtureGroups())+g%nGroups]
			gr.MemberIDs = append(gr.MemberIDs, u.ID)
		}
	}
	p.byUser = make(map[string]int, len(p.users))
	unitIdx := make(map[string]int, len(p.units))
	for i := range p.units {
		unitIdx[p.units[i].ID] = i
		p.units[i].UserIDs = []string{}
	}
	for i := range p.users {
		u := &p.users[i]
		p.byUser[u.ID] = i
		seen := ""
		for _, role := range u.Roles {
			if role.OuID == seen {
				continue // a second role in the same unit lists the user once
			}
			seen = role.OuID
			ou := &p.units[unitIdx[role.OuID]]
			ou.UserIDs = append(ou.UserIDs, u.ID)
		}
	}
	p.byGrp = make(map[string]int, len(p.groups))
	for i := range p.groups {
		p.byGrp[p.groups[i].ID] = i
	}
	p.byUnit = unitIdx
}

func genUser(seed int64, g int, units []OrganizationalUnit) User {
	r := newRNG(seed, streamUsers, uint64(g))
	first, last := r.pick(firstNames), r.pick(lastNames)
	id := strconv.Itoa(2000000000 + g)
	handle := "u" + id
	ou := OURoot
	if !r.chance(50) {
		ou = units[1+r.intn(len(units)-1)].ID
	}
	u := User{ID: id, FirstName: first, LastName: last, Status: r.pick(userStatus),
		ManagedAppleAccount: handle + "@appleid.example.com", IsExternalUser: r.chance(2),
		Roles: []UserRole{{r.pick(userRoles), ou}}, Email: handle + "@example.com"}
	if r.chance(30) {
		u.MiddleName = r.pick(firstNames)
	}
	if r.chance(80) {
		u.EmployeeNumber = "E" + r.digits(6)
		u.Department = r.pick(departments)
		u.JobTitle = "Specialist"
		u.CostCenter = "CC-" + r.digits(3)
		u.Division = "Division " + strconv.Itoa(1+r.intn(4))
	}
	for range r.intn(3) {
		u.Phones = append(u.Phones, UserPhone{"+1 555 " + r.digits(7), r.pick(phoneTypes)})
	}
	start, sec := r.stamp(t2019, t2026)
	u.StartDateTime = start
	u.CreatedDateTime, sec = r.stamp(sec, tNow)
	u.UpdatedDateTime, _ = r.stamp(sec, tNow+1)
	return u
}

package fakeabm

import (
	"strings"
	"testing"
	"time"
)

// The people data is cross-referenced as Apple's is, and a large
// organization has a unit with more than one page of users.
func TestPeopleAreCrossReferenced(t *testing.T) {
	s := NewServer(Options{Seed: 4, Users: 2500})
	units := map[string]bool{}
	for _, u := range s.OrganizationalUnits() {
		units[u.ID] = true
	}
	users := map[string]bool{}
	for _, u := range s.Users() {
		users[u.ID] = true
		for _, r := range u.Roles {
			if !units[r.OuID] {
				t.Errorf("user %s has a role in unit %s, which does not exist", u.ID, r.OuID)
			}
		}
	}
	if len(users) != 2500+len(fixtureUsers()) {
		t.Fatalf("%d distinct users", len(users))
	}
	for _, g := range s.UserGroups() {
		if !units[g.OuID] {
			t.Errorf("group %s belongs to unit %s, which does not exist", g.ID, g.OuID)
		}
		for _, m := range g.MemberIDs {
			if !users[m] {
				t.Errorf("group %s has member %s, who is not a user", g.ID, m)
			}
		}
	}
	largest := 0
	for _, u := range s.OrganizationalUnits() {
		for _, m := range u.UserIDs {
			if !users[m] {
				t.Errorf("unit %s lists %s, who is not a user", u.ID, m)
			}
		}
		largest = max(largest, len(u.UserIDs))
	}
	if largest <= 1000 {
		t.Errorf("the largest unit has %d users; one must need more than one linkage page", largest)
	}
}

func TestPeopleGenerationIsFastAndDeterministic(t *testing.T) {
	start := time.Now()
	a := NewServer(Options{Seed: 8, Users: 100000}).Users()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("100,000 users took %v", d)
	}
	b := NewServer(Options{Seed: 8, Users: 100000}).Users()
	for _, i := range []int{0, 9, 500, 99999} {
		if a[i].Email != b[i].Email || a[i].UpdatedDateTime != b[i].UpdatedDateTime || a[i].Roles[0] != b[i].Roles[0] {
			t.Errorf("user %d differs between two builds from one seed", i)
		}
	}
}

func TestPeopleEndpoints(t *testing.T) {
	s := New(Options{Users: 1200})
	defer s.Close()
	tok := token(t, s)

	// Default page size, cursor paging, last page without a marker.
	v := getJSON(t, s, tok, "/v1/users")
	if n := len(v["data"].([]any)); n != 100 {
		t.Errorf("default page has %d users", n)
	}
	next := v["links"].(map[string]any)["next"].(string)
	v = getJSON(t, s, tok, next+"&limit=1000")
	if n := len(v["data"].([]any)); n != 1000 {
		t.Errorf("second page has %d users", n)
	}
	next = v["links"].(map[string]any)["next"].(string)
	v = getJSON(t, s, tok, next+"&limit=1000")
	if n := len(v["data"].([]any)); n != 1209-1100 {
		t.Errorf("last page has %d users", n)
	}
	if _, ok := v["links"].(map[string]any)["next"]; ok {
		t.Error("the last page has links.next")
	}
	if _, ok := v["meta"].(map[string]any)["paging"].(map[string]any)["nextCursor"]; ok {
		t.Error("the last page has nextCursor")
	}

	// fields[] prunes attributes, and relationships when not named.
	v = getJSON(t, s, tok, "/v1/userGroups/UG000001?fields[userGroups]=name")
	d := v["data"].(map[string]any)
	if attrs := d["attributes"].(map[string]any); len(attrs) != 1 || attrs["name"] != "Administrators" {
		t.Errorf("fields[userGroups]=name gave %v", attrs)
	}
	if _, ok := d["relationships"]; ok {
		t.Error("relationships written although users was not asked for")
	}
	v = getJSON(t, s, tok, "/v1/organizationalUnits/"+OURoot)
	rel := v["data"].(map[string]any)["relationships"].(map[string]any)["users"].(map[string]any)["links"].(map[string]any)["self"]
	if !strings.HasSuffix(rel.(string), "/v1/organizationalUnits/"+OURoot+"/relationships/users") {
		t.Errorf("users relationship link %v", rel)
	}
	resp, b := get(t, s, tok, "/v1/users?fields[users]=nickname")
	if code, param := errorCode(t, b); resp.StatusCode != 400 || code != "PARAMETER_ERROR.INVALID" || param != "fields[users]" {
		t.Errorf("unknown field: %d %s %s", resp.StatusCode, code, param)
	}

	// Unknown ids are 404 ErrorResponses, on items and on their linkages.
	for _, p := range []string{"/v1/users/42", "/v1/userGroups/UG9", "/v1/userGroups/UG9/relationships/users",
		"/v1/organizationalUnits/OU9", "/v1/organizationalUnits/OU9/relationships/users"} {
		resp, b := get(t, s, tok, p)
		if code, _ := errorCode(t, b); resp.StatusCode != 404 || code != "NOT_FOUND" {
			t.Errorf("GET %s: %d %s", p, resp.StatusCode, code)
		}
	}

	// Linkages: users only, paged.
	v = getJSON(t, s, tok, "/v1/userGroups/UG000002/relationships/users")
	data := v["data"].([]any)
	if len(data) != 3 || data[0].(map[string]any)["type"] != "users" || data[0].(map[string]any)["id"] != "1000000002" {
		t.Errorf("group linkages %v", data)
	}

	// Unset attributes: absent by default, null with the knob.
	attrs := getJSON(t, s, tok, "/v1/users/1000000006")["data"].(map[string]any)["attributes"].(map[string]any)
	if _, ok := attrs["email"]; ok {
		t.Errorf("Frank's unset email is present: %v", attrs)
	}
	if _, ok := attrs["roleOuList"]; ok {
		t.Errorf("Frank's empty roleOuList is present: %v", attrs)
	}
	s.SetUnsetAsNull(true)
	attrs = getJSON(t, s, tok, "/v1/users/1000000006")["data"].(map[string]any)["attributes"].(map[string]any)
	if v, ok := attrs["email"]; !ok || v != nil {
		t.Errorf("Frank's unset email with the null knob: %v", attrs)
	}
	if v, ok := attrs["phoneNumbers"]; !ok || v != nil {
		t.Errorf("Frank's phone numbers with the null knob: %v", attrs)
	}

	// The last page marker as "".
	s.SetLastPageMarker("empty")
	v = getJSON(t, s, tok, "/v1/organizationalUnits")
	if v["links"].(map[string]any)["next"] != "" || v["meta"].(map[string]any)["paging"].(map[string]any)["nextCursor"] != "" {
		t.Errorf("last page with the empty marker: %v %v", v["links"], v["meta"])
	}
}

// Apple School Manager has no people endpoints.
func TestPeopleEndpointsAreBusinessOnly(t *testing.T) {
	s := New(Options{Scope: "school.api"})
	defer s.Close()
	tok := token(t, s)
	resp, b := get(t, s, tok, "/v1/users")
	if code, _ := errorCode(t, b); resp.StatusCode != 404 || code != "NOT_FOUND" {
		t.Errorf("school /v1/users: %d %s", resp.StatusCode, code)
	}
}

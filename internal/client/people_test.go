package client_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// objects flattens an Objects attribute to its items' string values, in
// declaration order of the nested attributes.
func objects(r *client.Record, res *client.Resource, key string) [][]string {
	i := res.Index(key)
	of := res.Attrs[i].Of
	var out [][]string
	for _, o := range r.Objects(i, of) {
		var row []string
		for k := range of.Attrs {
			v, _ := o.Str(k)
			row = append(row, v)
		}
		out = append(out, row)
	}
	return out
}

func TestListUsersDecodesEveryAttribute(t *testing.T) {
	f := newFake(t, fakeabm.Options{Users: 1500})
	c, rec := newClient(t, f)
	got := map[string]*client.Record{}
	var order []string
	err := c.ListUsers(context.Background(), func(r *client.Record) error {
		got[r.ID] = r
		order = append(order, r.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(f.Users()) || order[0] != "1000000001" {
		t.Fatalf("listed %d users starting with %s, fake has %d", len(got), order[0], len(f.Users()))
	}
	if n := f.Count(fakeabm.RouteUsers); n != 2 {
		t.Errorf("%d user pages for %d users", n, len(f.Users()))
	}
	if q := rec.requests()[1].URL.Query(); q.Get("fields[users]") != client.Users.Keys() || q.Get("limit") != "1000" {
		t.Errorf("query %v", q)
	}
	alice := got["1000000001"]
	for key, want := range map[string]string{
		"firstName": "Alice", "middleName": "Marie", "lastName": "Admin", "status": "ACTIVE",
		"managedAppleAccount": "alice@appleid.example.com", "email": "alice.admin@example.com", "employeeNumber": "E-0001",
		"costCenter": "CC-100", "division": "Corporate", "department": "IT", "jobTitle": "IT Director",
		"startDateTime": "2019-03-01T00:00:00Z", "createdDateTime": "2024-02-01T09:05:00Z", "updatedDateTime": "2026-05-20T14:02:11.481Z",
	} {
		checkString(t, key, keyOf(alice, client.Users, key), want)
	}
	if v, ok := alice.Bool(client.Users.Index("isExternalUser")); !ok || v {
		t.Errorf("isExternalUser = %v %v", v, ok)
	}
	if got := objects(alice, client.Users, "roleOuList"); !reflect.DeepEqual(got, [][]string{{"Administrator", fakeabm.OURoot}}) {
		t.Errorf("roleOuList = %v", got)
	}
	if got := objects(alice, client.Users, "phoneNumbers"); !reflect.DeepEqual(got, [][]string{{"+1 408 555 0101", "WORK"}, {"+1 408 555 0199", "MOBILE"}}) {
		t.Errorf("phoneNumbers = %v", got)
	}
	frank := got["1000000006"]
	if keyOf(frank, client.Users, "email").Present || objects(frank, client.Users, "roleOuList") != nil {
		t.Errorf("Frank has an email or roles")
	}
}

func TestGetUserAndTheNullKnob(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.SetUnsetAsNull(true)
	c, _ := newClient(t, f)
	r, err := c.GetUser(context.Background(), "1000000006")
	if err != nil {
		t.Fatal(err)
	}
	if e := keyOf(r, client.Users, "email"); !e.Present || e.Valid {
		t.Errorf("email %+v, want present and null", e)
	}
	if objects(r, client.Users, "phoneNumbers") != nil {
		t.Error("null phoneNumbers decoded as items")
	}
	if _, err := c.GetUser(context.Background(), "42"); err == nil {
		t.Error("unknown user read without error")
	}
}

func TestUserGroupsAndUnitsWithTheirMembers(t *testing.T) {
	f := newFake(t, fakeabm.Options{Users: 2500})
	f.SetLastPageMarker("empty")
	c, _ := newClient(t, f)
	ctx := context.Background()
	var groups []*client.Record
	if err := c.ListUserGroups(ctx, func(r *client.Record) error { groups = append(groups, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(groups) != len(f.UserGroups()) {
		t.Fatalf("%d groups, fake has %d", len(groups), len(f.UserGroups()))
	}
	g := groups[1]
	checkString(t, "name", keyOf(g, client.UserGroups, "name"), "Sales Team")
	checkString(t, "type", keyOf(g, client.UserGroups, "type"), "SMART")
	checkString(t, "ouId", keyOf(g, client.UserGroups, "ouId"), fakeabm.OUSales)
	if n, ok := g.Int64(client.UserGroups.Index("totalMemberCount")); !ok || n != 3 {
		t.Errorf("totalMemberCount %d %v", n, ok)
	}
	one, err := c.GetUserGroup(ctx, "UG000005")
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "status", keyOf(one, client.UserGroups, "status"), "INACTIVE")

	var units []*client.Record
	if err := c.ListOrganizationalUnits(ctx, func(r *client.Record) error { units = append(units, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(units) != len(f.OrganizationalUnits()) {
		t.Fatalf("%d units", len(units))
	}
	if keyOf(units[1], client.OrganizationalUnits, "description").Present {
		t.Error("Sales has a description")
	}
	u, err := c.GetOrganizationalUnit(ctx, fakeabm.OURoot)
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "description", keyOf(u, client.OrganizationalUnits, "description"), "The whole organization")

	// The root unit has more than 1000 users: its linkages take two pages.
	var ids []string
	if err := c.ListOrganizationalUnitUserIDs(ctx, fakeabm.OURoot, func(id string) error { ids = append(ids, id); return nil }); err != nil {
		t.Fatal(err)
	}
	want := f.OrganizationalUnits()[0].UserIDs
	if len(want) <= 1000 || !reflect.DeepEqual(ids, want) {
		t.Errorf("%d unit users, want the fake's %d", len(ids), len(want))
	}
	if n := f.Count(fakeabm.RouteOrganizationalUnitUsers); n != 2 {
		t.Errorf("%d linkage pages for %d users", n, len(want))
	}
	ids = nil
	if err := c.ListUserGroupUserIDs(ctx, "UG000001", func(id string) error { ids = append(ids, id); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, []string{"1000000001", "1000000005"}) {
		t.Errorf("Administrators members %v", ids)
	}
	if err := c.ListUserGroupUserIDs(ctx, "UG9", func(string) error { return nil }); err == nil {
		t.Error("members of an unknown group read without error")
	}
}

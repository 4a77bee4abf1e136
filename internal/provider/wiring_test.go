package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// distinctItem is one JSON:API item of res in which every declared
// attribute has a value no other attribute has, and the Terraform value
// each must become. Booleans have two values only, so exactly one of them,
// the one at trueBool, is true.
func distinctItem(res *client.Resource, id string, trueBool int) (map[string]any, map[string]any) {
	attrs := map[string]any{}
	want := map[string]any{}
	for i, a := range res.Attrs {
		v := fmt.Sprintf("v%02d-%s", i, a.Key)
		switch a.Kind {
		case client.String:
			attrs[a.Key], want[a.TerraformName()] = v, v
		case client.Bool:
			attrs[a.Key], want[a.TerraformName()] = i == trueBool, i == trueBool
		case client.Int64:
			attrs[a.Key], want[a.TerraformName()] = 1000+i, int64(1000+i)
		case client.Strings, client.MACList:
			attrs[a.Key], want[a.TerraformName()] = []string{v + "a", v + "b"}, []string{v + "a", v + "b"}
		case client.MACs:
			attrs[a.Key], want[a.TerraformName()] = []string{v + "a", v + "b"}, v+"a,"+v+"b"
		case client.JSON:
			key := a.Key
			if a.NamedBy != "" { // the payload sits under the key its namer names
				key = fmt.Sprintf("%sV%02d", a.Key, i)
				namer := &res.Attrs[res.Index(a.NamedBy)]
				attrs[namer.Key], want[namer.TerraformName()] = key, key
			}
			attrs[key], want[a.TerraformName()] = map[string]any{"v": v}, `{"v":"`+v+`"}`
		}
	}
	return map[string]any{"type": res.Type, "id": id, "attributes": attrs}, want
}

// tfGo turns a decoded Terraform value into the Go form distinctItem uses.
func tfGo(t *testing.T, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	switch {
	case v.Type().Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case v.Type().Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case v.Type().Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)
		i, _ := n.Int64()
		return i
	case v.Type().Is(tftypes.Object{}):
		var attrs map[string]tftypes.Value
		_ = v.As(&attrs)
		out := map[string]any{}
		for k, a := range attrs {
			out[k] = tfGo(t, a)
		}
		return out
	case v.Type().Is(tftypes.List{}) && !v.Type().Equal(tftypes.List{ElementType: tftypes.String}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := []any{}
		for _, e := range elems {
			out = append(out, tfGo(t, e))
		}
		return out
	case v.Type().Equal(tftypes.List{ElementType: tftypes.String}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := []string{}
		for _, e := range elems {
			var s string
			_ = e.As(&s)
			out = append(out, s)
		}
		return out
	}
	t.Fatalf("unexpected type %s", v.Type())
	return nil
}

// Every attribute the client declares reaches its own Terraform attribute
// through the real path — Apple's JSON, the client's decoder, the record,
// the state encoder — with its own value: an attribute wired to another
// one's value fails here, which counting attributes would not catch.
func TestEveryDeclaredAttributeIsWiredToItsOwnValue(t *testing.T) {
	cases := []struct {
		res   *client.Resource
		obj   *objectType
		route string
		read  func(c *client.Client) (*client.Record, error)
	}{
		{client.OrgDevices, deviceObject, fakeabm.RouteOrgDevice, func(c *client.Client) (*client.Record, error) {
			return c.GetOrgDevice(context.Background(), "S1")
		}},
		{client.MdmServers, serverObject, fakeabm.RouteMdmServer, func(c *client.Client) (*client.Record, error) {
			return c.GetMdmServer(context.Background(), "S1")
		}},
		{client.Users, userObject, fakeabm.RouteUser, func(c *client.Client) (*client.Record, error) {
			return c.GetUser(context.Background(), "S1")
		}},
		{client.UserGroups, userGroupObject, fakeabm.RouteUserGroup, func(c *client.Client) (*client.Record, error) {
			return c.GetUserGroup(context.Background(), "S1")
		}},
		{client.OrganizationalUnits, unitObject, fakeabm.RouteOrganizationalUnit, func(c *client.Client) (*client.Record, error) {
			return c.GetOrganizationalUnit(context.Background(), "S1")
		}},
		{client.AppleCareCoverage, coverageObject, fakeabm.RouteAppleCareCoverage, func(c *client.Client) (*client.Record, error) {
			list, err := c.ListAppleCareCoverage(context.Background(), "S1")
			if err != nil || len(list) != 1 {
				return nil, fmt.Errorf("%d records: %w", len(list), err)
			}
			return list[0], nil
		}},
		{client.MdmDevices, mdmDeviceObject, fakeabm.RouteMdmDevices, func(c *client.Client) (*client.Record, error) {
			var out []*client.Record
			err := c.ListMdmDevices(context.Background(), func(r *client.Record) error { out = append(out, r); return nil })
			if err != nil || len(out) != 1 {
				return nil, fmt.Errorf("%d records: %w", len(out), err)
			}
			return out[0], nil
		}},
		{client.ActivationLockStatus, activationLockObject, fakeabm.RouteActivationLockStatus, func(c *client.Client) (*client.Record, error) {
			return c.GetActivationLockStatus(context.Background(), "S1")
		}},
		{client.AuditEvents, auditEventObject, fakeabm.RouteAuditEvents, func(c *client.Client) (*client.Record, error) {
			var list []*client.Record
			err := c.ListAuditEvents(context.Background(), client.AuditQuery{Start: "2026-01-01T00:00:00Z", End: "2026-02-01T00:00:00Z"},
				func(r *client.Record) error { list = append(list, r); return nil })
			if err != nil || len(list) != 1 {
				return nil, fmt.Errorf("%d records: %w", len(list), err)
			}
			return list[0], nil
		}},
		{client.Apps, appObject, fakeabm.RouteApp, func(c *client.Client) (*client.Record, error) {
			return c.GetApp(context.Background(), "S1")
		}},
		{client.Packages, packageObject, fakeabm.RoutePackage, func(c *client.Client) (*client.Record, error) {
			return c.GetPackage(context.Background(), "S1")
		}},
		{client.Blueprints, blueprintObject, fakeabm.RouteBlueprint, func(c *client.Client) (*client.Record, error) {
			return c.GetBlueprint(context.Background(), "S1")
		}},
		{client.Configurations, configurationObject, fakeabm.RouteConfiguration, func(c *client.Client) (*client.Record, error) {
			return c.GetConfiguration(context.Background(), "S1")
		}},
	}
	f := fakeabm.New(fakeabm.Options{})
	defer f.Close()
	c, err := client.New(client.Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		bools := []int{-1}
		for i, a := range tc.res.Attrs {
			if a.Kind == client.Bool {
				bools = append(bools, i)
			}
		}
		for _, trueBool := range bools {
			item, want := distinctItem(tc.res, "S1", trueBool)
			var doc any = map[string]any{"data": item}
			if tc.route == fakeabm.RouteAppleCareCoverage || tc.route == fakeabm.RouteMdmDevices || tc.route == fakeabm.RouteAuditEvents {
				doc = map[string]any{"data": []any{item}, "meta": map[string]any{"paging": map[string]any{"limit": 1000}}}
			}
			body, _ := json.Marshal(doc)
			f.InjectFaults(tc.route, fakeabm.Fault{Status: 200, Body: string(body), ContentType: "application/json"})
			r, err := tc.read(c)
			if err != nil {
				t.Fatalf("%s: %v", tc.res.Type, err)
			}
			w := &msgpackWriter{}
			tc.obj.write(w, r, nil)
			v, err := decodeMsgpack(w.buf, tftypes.Object{AttributeTypes: objectTfTypes(t, tc.obj)})
			if err != nil {
				t.Fatalf("%s: %v", tc.res.Type, err)
			}
			var got map[string]tftypes.Value
			_ = v.As(&got)
			for name, wantValue := range want {
				if g := tfGo(t, got[name]); fmt.Sprint(g) != fmt.Sprint(wantValue) {
					t.Errorf("%s.%s = %v, want %v", tc.res.Type, name, g, wantValue)
				}
			}
			if _, ok := tc.obj.types["id"]; ok && tfGo(t, got["id"]) != "S1" {
				t.Errorf("%s.id = %v, want S1", tc.res.Type, got["id"])
			}
		}
	}
}

func objectTfTypes(t *testing.T, o *objectType) map[string]tftypes.Type {
	out := map[string]tftypes.Type{}
	for name, typ := range o.types {
		out[name] = typ.TerraformType(t.Context())
	}
	return out
}

// Every attribute and argument of every data source, nested ones included,
// and the provider's own, has a description users can read in the docs.
func TestEveryAttributeHasADescription(t *testing.T) {
	srv, err := NewProtocol6Server("test")()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	missing := undocumented("provider", resp.Provider.Block)
	for name, s := range resp.DataSourceSchemas {
		if s.Block.Description == "" {
			missing = append(missing, name)
		}
		missing = append(missing, undocumented(name, s.Block)...)
	}
	if len(resp.DataSourceSchemas) != 26 {
		t.Fatalf("%d data sources in the schema, want the 26 the provider has", len(resp.DataSourceSchemas))
	}
	if len(missing) > 0 {
		t.Errorf("without a description: %s", strings.Join(missing, ", "))
	}
}

// undocumented lists the attributes of a block, nested ones and those of
// nested blocks included, that have no description.
func undocumented(where string, b *tfprotov6.SchemaBlock) []string {
	var out []string
	var attrs func(prefix string, list []*tfprotov6.SchemaAttribute)
	attrs = func(prefix string, list []*tfprotov6.SchemaAttribute) {
		for _, a := range list {
			if a.Description == "" {
				out = append(out, prefix+"."+a.Name)
			}
			if a.NestedType != nil {
				attrs(prefix+"."+a.Name, a.NestedType.Attributes)
			}
		}
	}
	attrs(where, b.Attributes)
	for _, nb := range b.BlockTypes {
		out = append(out, undocumented(where+"."+nb.TypeName, nb.Block)...)
	}
	return out
}

// Every data source writes its state the one way (readState), so the
// protocol server answers all of them directly.
func TestEveryDataSourceIsAStateReader(t *testing.T) {
	for _, newDS := range New("test")().DataSources(context.Background()) {
		ds := newDS()
		if _, ok := ds.(stateReader); !ok {
			t.Errorf("%T does not implement stateReader", ds)
		}
	}
}

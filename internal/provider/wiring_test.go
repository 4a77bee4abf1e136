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
// attribute, nested ones included, has a value no other attribute has, and
// the Terraform value each must become. Booleans have two values only, so
// exactly one of them, the top-level one at trueBool, is true (nested ones
// are false). An Objects attribute holds two objects and an Object
// attribute one, each with distinct values of its own.
func distinctItem(res *client.Resource, id string, trueBool int) (map[string]any, map[string]any) {
	n := 0
	attrs, want := distinctAttrs(res, "", trueBool, &n)
	return map[string]any{"type": res.Type, "id": id, "attributes": attrs}, want
}

// distinctAttrs is the attributes of one object of res and their Terraform
// values; prefix makes a nested object's strings its own, n counts the
// attributes given a value so far, for integers.
func distinctAttrs(res *client.Resource, prefix string, trueBool int, n *int) (map[string]any, map[string]any) {
	attrs := map[string]any{}
	want := map[string]any{}
	for i, a := range res.Attrs {
		v := fmt.Sprintf("%sv%02d-%s", prefix, i, a.Key)
		*n++
		switch a.Kind {
		case client.String:
			attrs[a.Key], want[a.TerraformName()] = v, v
		case client.Bool:
			attrs[a.Key], want[a.TerraformName()] = i == trueBool, i == trueBool
		case client.Int64:
			attrs[a.Key], want[a.TerraformName()] = 1000+*n, int64(1000+*n)
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
		case client.Objects:
			var list, wantList []any
			for j := 0; j < 2; j++ {
				o, w := distinctAttrs(a.Of, fmt.Sprintf("%s.%d.", v, j), -1, n)
				list, wantList = append(list, o), append(wantList, w)
			}
			attrs[a.Key], want[a.TerraformName()] = list, wantList
		case client.Object:
			attrs[a.Key], want[a.TerraformName()] = distinctAttrs(a.Of, v+".", -1, n)
		default:
			panic(fmt.Sprintf("distinctItem: no distinct value for %s.%s of kind %d", res.Type, a.Key, a.Kind))
		}
	}
	return attrs, want
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

// objectReader is how the test reads one client resource through the
// fake: the route answering it (list when the answer is a page of items)
// and the client call. A nested resource is read within its parent: the
// records of the parent's attribute within.
type objectReader struct {
	route  string
	list   bool
	read   func(c *client.Client) (*client.Record, error)
	parent *client.Resource // set for a resource read within another
	within string           // the parent's attribute (JSON key) holding it
}

// wiringReaders reads every resource an object is declared on. A
// declared object on a resource missing here fails the wiring test.
var wiringReaders = map[*client.Resource]objectReader{
	client.OrgDevices: {route: fakeabm.RouteOrgDevice, read: func(c *client.Client) (*client.Record, error) {
		return c.GetOrgDevice(context.Background(), "S1")
	}},
	client.MdmServers: {route: fakeabm.RouteMdmServer, read: func(c *client.Client) (*client.Record, error) {
		return c.GetMdmServer(context.Background(), "S1")
	}},
	client.Users: {route: fakeabm.RouteUser, read: func(c *client.Client) (*client.Record, error) {
		return c.GetUser(context.Background(), "S1")
	}},
	client.UserGroups: {route: fakeabm.RouteUserGroup, read: func(c *client.Client) (*client.Record, error) {
		return c.GetUserGroup(context.Background(), "S1")
	}},
	client.OrganizationalUnits: {route: fakeabm.RouteOrganizationalUnit, read: func(c *client.Client) (*client.Record, error) {
		return c.GetOrganizationalUnit(context.Background(), "S1")
	}},
	client.AppleCareCoverage: {route: fakeabm.RouteAppleCareCoverage, list: true, read: func(c *client.Client) (*client.Record, error) {
		list, err := c.ListAppleCareCoverage(context.Background(), "S1")
		if err != nil || len(list) != 1 {
			return nil, fmt.Errorf("%d records: %w", len(list), err)
		}
		return list[0], nil
	}},
	client.MdmDevices: {route: fakeabm.RouteMdmDevices, list: true, read: func(c *client.Client) (*client.Record, error) {
		var out []*client.Record
		err := c.ListMdmDevices(context.Background(), func(r *client.Record) error { out = append(out, r); return nil })
		if err != nil || len(out) != 1 {
			return nil, fmt.Errorf("%d records: %w", len(out), err)
		}
		return out[0], nil
	}},
	client.ActivationLockStatus: {route: fakeabm.RouteActivationLockStatus, read: func(c *client.Client) (*client.Record, error) {
		return c.GetActivationLockStatus(context.Background(), "S1")
	}},
	client.AuditEvents: {route: fakeabm.RouteAuditEvents, list: true, read: func(c *client.Client) (*client.Record, error) {
		var list []*client.Record
		err := c.ListAuditEvents(context.Background(), client.AuditQuery{Start: "2026-01-01T00:00:00Z", End: "2026-02-01T00:00:00Z"},
			func(r *client.Record) error { list = append(list, r); return nil })
		if err != nil || len(list) != 1 {
			return nil, fmt.Errorf("%d records: %w", len(list), err)
		}
		return list[0], nil
	}},
	client.Apps: {route: fakeabm.RouteApp, read: func(c *client.Client) (*client.Record, error) {
		return c.GetApp(context.Background(), "S1")
	}},
	client.Packages: {route: fakeabm.RoutePackage, read: func(c *client.Client) (*client.Record, error) {
		return c.GetPackage(context.Background(), "S1")
	}},
	client.Blueprints: {route: fakeabm.RouteBlueprint, read: func(c *client.Client) (*client.Record, error) {
		return c.GetBlueprint(context.Background(), "S1")
	}},
	client.Configurations: {route: fakeabm.RouteConfiguration, read: func(c *client.Client) (*client.Record, error) {
		return c.GetConfiguration(context.Background(), "S1")
	}},
	client.OrgDeviceActivities: {route: fakeabm.RouteOrgDeviceActivity, read: func(c *client.Client) (*client.Record, error) {
		return c.GetOrgDeviceActivity(context.Background(), "S1")
	}},
	client.CustomSettingsValues: {parent: client.Configurations, within: "customSettingsValues"},
}

// wiringExtras are the added values the data sources write for the objects
// with an added attribute that replaces an Apple one, so the replacement is
// checked to carry that attribute's own value.
var wiringExtras = map[*objectType]func(*client.Record) [][]byte{
	configurationObject: configurationExtra,
	// as OrgDeviceActivityDataSource.readState: the link in slot 0, no log
	activityObject: func(r *client.Record) [][]byte {
		link, ok := r.Str(activityDownloadURL)
		if !ok {
			return nil
		}
		var w msgpackWriter
		w.str(link)
		return [][]byte{w.buf, nil}
	},
}

// Every attribute the client declares, nested ones included, reaches its
// own Terraform attribute in every object the provider declares, through
// the real path — Apple's JSON, the client's decoder, the record, the
// state encoder — with its own value: an attribute wired to another one's
// value fails here, which counting attributes would not catch. The objects
// are the provider's own (declaredObjects), so a new one is covered, or
// fails here until the test knows how to read its resource.
func TestEveryDeclaredAttributeIsWiredToItsOwnValue(t *testing.T) {
	if len(declaredObjects) == 0 {
		t.Fatal("no object declared with newObjectType")
	}
	registered := map[*objectType]bool{}
	for _, o := range declaredObjects {
		registered[o] = true
	}
	// the 13 objects this test once listed by hand, and the 3 that list missed
	for _, o := range []*objectType{deviceObject, serverObject, userObject, userGroupObject, unitObject, coverageObject,
		mdmDeviceObject, activationLockObject, auditEventObject, appObject, packageObject, blueprintObject,
		configurationObject, oneDeviceObject, activityObject, customSettingsObject} {
		if !registered[o] {
			t.Errorf("the object of %s is not in declaredObjects", o.res.Type)
		}
	}
	f := fakeabm.New(fakeabm.Options{})
	defer f.Close()
	c, err := client.New(client.Config{ClientID: f.ClientID(), KeyID: f.KeyID(), PrivateKey: f.PrivateKey(), APIURL: f.URL(), TokenURL: f.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	nested := map[string]bool{} // nested attributes checked, by resource path
	for _, o := range declaredObjects {
		name := describeObject(o)
		rd, ok := wiringReaders[o.res]
		if !ok {
			t.Errorf("%s: declared with newObjectType, but the wiring test cannot read client resource %s: add it to wiringReaders", name, o.res.Type)
			continue
		}
		extra := wiringExtras[o]
		for _, col := range o.columns {
			if col.index == addedColumn && appleKey(o.res, col.name) != "" && extra == nil {
				t.Errorf("%s: added %s replaces Apple's attribute: give wiringExtras the values its data sources add", name, col.name)
			}
		}
		top := o.res
		if rd.parent != nil { // the parent is read, and the object written from its attribute
			top, rd = rd.parent, wiringReaders[rd.parent]
		}
		bools := []int{-1}
		for i, a := range top.Attrs {
			if a.Kind == client.Bool {
				bools = append(bools, i)
			}
		}
		for _, trueBool := range bools {
			item, want := distinctItem(top, "S1", trueBool)
			var doc any = map[string]any{"data": item}
			if rd.list {
				doc = map[string]any{"data": []any{item}, "meta": map[string]any{"paging": map[string]any{"limit": 1000}}}
			}
			body, _ := json.Marshal(doc)
			f.InjectFaults(rd.route, fakeabm.Fault{Status: 200, Body: string(body), ContentType: "application/json"})
			r, err := rd.read(c)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if spec := wiringReaders[o.res]; spec.parent != nil {
				checkWithin(t, name, o, r, spec, want, nested)
				continue
			}
			check := func(extra [][]byte, withExtra bool) {
				w := &msgpackWriter{}
				o.write(w, r, extra)
				v, err := decodeMsgpack(w.buf, tftypes.Object{AttributeTypes: objectTfTypes(t, o)})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkObject(t, name, o.res.Type, o, v, want, "S1", withExtra, nested)
			}
			check(nil, false)
			if extra != nil {
				check(extra(r), true)
			}
		}
	}
	t.Logf("%d declared objects, %d nested attributes checked", len(declaredObjects), len(nested))
}

// checkWithin checks a nested resource's object on the records of its
// parent's attribute, against the values distinctItem gave them.
func checkWithin(t *testing.T, name string, o *objectType, r *client.Record, spec objectReader, want map[string]any, nested map[string]bool) {
	t.Helper()
	i := spec.parent.Index(spec.within)
	a := &spec.parent.Attrs[i]
	var recs []*client.Record
	var wants []any
	switch a.Kind {
	case client.Object:
		if rec := r.Object(i, o.res); rec != nil {
			recs = append(recs, rec)
		}
		wants = []any{want[a.TerraformName()]}
	case client.Objects:
		recs = r.Objects(i, o.res)
		wants, _ = want[a.TerraformName()].([]any)
	}
	if len(recs) != len(wants) || len(recs) == 0 {
		t.Fatalf("%s: %d records within %s.%s, want %d", name, len(recs), spec.parent.Type, a.Key, len(wants))
	}
	for j, rec := range recs {
		w := &msgpackWriter{}
		o.write(w, rec, nil)
		v, err := decodeMsgpack(w.buf, tftypes.Object{AttributeTypes: objectTfTypes(t, o)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wantObj, _ := wants[j].(map[string]any)
		checkObject(t, fmt.Sprintf("%s[%d]", name, j), spec.parent.Type+"."+a.TerraformName(), o, v, wantObj, "", false, nested)
	}
}

// checkObject checks one written object against the values distinctItem
// gave its record: every Apple attribute its own value, nested objects
// attribute by attribute; id the record's id; every added attribute null
// when written with no added values (withExtra false), and one replacing
// an Apple attribute that attribute's value when written with them. shape
// is the object's place without list positions; the nested attributes
// checked are recorded in nested by it.
func checkObject(t *testing.T, where, shape string, o *objectType, v tftypes.Value, want map[string]any, id string, withExtra bool, nested map[string]bool) {
	t.Helper()
	if v.IsNull() || want == nil {
		t.Errorf("%s = %v, want an object with %v", where, v, want)
		return
	}
	var got map[string]tftypes.Value
	if err := v.As(&got); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	for name := range want {
		if o.column(name) == nil {
			t.Errorf("%s: declared attribute %s is not in the object", where, name)
		}
	}
	isNested := strings.Contains(shape, ".")
	for i := range o.columns {
		c := &o.columns[i]
		g, path := got[c.name], where+"."+c.name
		w, apple := want[c.name]
		switch {
		case c.index == idColumn:
			if tfGo(t, g) != id {
				t.Errorf("%s = %v, want %s", path, tfGo(t, g), id)
			}
		case c.index == addedColumn && !withExtra:
			if !g.IsNull() {
				t.Errorf("%s = %v, want null: an added attribute written with no added values", path, tfGo(t, g))
			}
		case c.index == addedColumn:
			if apple && fmt.Sprint(tfGo(t, g)) != fmt.Sprint(w) {
				t.Errorf("%s = %v, want %v (Apple's, which it replaces)", path, tfGo(t, g), w)
			}
		case !apple:
			t.Errorf("%s: distinctItem gave no value", path)
		case c.sub != nil && c.kind == client.Objects:
			var elems []tftypes.Value
			_ = g.As(&elems)
			wl, _ := w.([]any)
			if len(elems) != len(wl) || len(wl) == 0 {
				t.Errorf("%s has %d objects, want %d", path, len(elems), len(wl))
				continue
			}
			for j := range elems {
				wo, _ := wl[j].(map[string]any)
				checkObject(t, fmt.Sprintf("%s[%d]", path, j), shape+"."+c.name, c.sub, elems[j], wo, "", false, nested)
			}
		case c.sub != nil:
			wo, _ := w.(map[string]any)
			checkObject(t, path, shape+"."+c.name, c.sub, g, wo, "", false, nested)
		default:
			if gv := tfGo(t, g); fmt.Sprint(gv) != fmt.Sprint(w) {
				t.Errorf("%s = %v, want %v", path, gv, w)
			}
		}
		if isNested && c.index >= 0 {
			nested[shape+"."+c.name] = true
		}
	}
}

// appleKey is the JSON key of res's attribute with this Terraform name, or
// "" when res declares none.
func appleKey(res *client.Resource, name string) string {
	for i := range res.Attrs {
		if res.Attrs[i].TerraformName() == name {
			return res.Attrs[i].Key
		}
	}
	return ""
}

// describeObject names a declared object in messages: its resource and
// the attributes the provider adds, which tell apart two objects of one
// resource.
func describeObject(o *objectType) string {
	var adds []string
	for i := range o.columns {
		if o.columns[i].index < 0 {
			adds = append(adds, o.columns[i].name)
		}
	}
	if len(adds) == 0 {
		return o.res.Type
	}
	return fmt.Sprintf("%s{+%s}", o.res.Type, strings.Join(adds, ",+"))
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

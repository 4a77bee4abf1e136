package provider

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// nullObject builds a config value for a schema block: every attribute and
// nested block null unless set.
func nullObject(block *tfprotov6.SchemaBlock, set map[string]tftypes.Value) tftypes.Value {
	typ := block.ValueType().(tftypes.Object)
	vals := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(t, nil)
		}
	}
	return tftypes.NewValue(typ, vals)
}

// protocolRead configures a fresh provider server for the fake and reads one
// data source through the plugin protocol, as Terraform drives it (minus
// gRPC), returning the encoded state and its type.
func protocolRead(tb testing.TB, srv tfprotov6.ProviderServer, f *fakeabm.Server, keyFile, typeName string, set map[string]tftypes.Value) (*tfprotov6.DynamicValue, tftypes.Type) {
	tb.Helper()
	ctx := context.Background()
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	pcfg := nullObject(schemas.Provider.Block, map[string]tftypes.Value{
		"client_id": str(f.ClientID()), "key_id": str(f.KeyID()), "private_key_file": str(keyFile),
		"api_url": str(f.URL()), "token_url": str(f.TokenURL()), "cache_dir": str(filepath.Join(tb.TempDir(), "cache")),
	})
	pdv, _ := tfprotov6.NewDynamicValue(pcfg.Type(), pcfg)
	cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: &pdv})
	if err != nil || len(cresp.Diagnostics) > 0 {
		tb.Fatalf("configure: %v %v", err, cresp.Diagnostics)
	}
	schema := schemas.DataSourceSchemas[typeName].Block
	dcfg := nullObject(schema, set)
	ddv, _ := tfprotov6.NewDynamicValue(dcfg.Type(), dcfg)
	rresp, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: &ddv})
	if err != nil || len(rresp.Diagnostics) > 0 {
		tb.Fatalf("read: %v %v", err, rresp.Diagnostics)
	}
	return rresp.State, schema.ValueType()
}

func decodeState(tb testing.TB, dv *tfprotov6.DynamicValue, t tftypes.Type) tftypes.Value {
	tb.Helper()
	v, err := dv.Unmarshal(t)
	if err != nil {
		tb.Fatalf("state does not decode: %v", err)
	}
	return v
}

func writeKey(tb testing.TB, f *fakeabm.Server) string {
	keyFile := filepath.Join(tb.TempDir(), "key.pem")
	if err := os.WriteFile(keyFile, f.PrivateKeyPEM(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return keyFile
}

// The protocol server answers every data source itself; the framework's
// own Read must give the same state, so the two paths cannot drift apart.
func TestProtocolServerMatchesFramework(t *testing.T) {
	f := fakeabm.New(fakeabm.Options{Seed: 3, Devices: 1500, Servers: 4})
	defer f.Close()
	keyFile := writeKey(t, f)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	sources := map[string]map[string]tftypes.Value{
		"abm_org_devices": {
			"include_assigned_server": tftypes.NewValue(tftypes.Bool, true),
			"statuses":                tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("ASSIGNED"), str("UNASSIGNED")}),
		},
		"abm_org_device":         {"serial_number": str("XABC123X0ABC123X0")},
		"abm_org_device_summary": nil,
		"abm_mdm_servers":        {"include_device_serials": tftypes.NewValue(tftypes.Bool, true)},
		"abm_mdm_server":         {"server_name": str("Production MDM")},
		"abm_organization":       nil,
		"abm_users": {
			"role_names":       tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("Administrator"), str("Staff")}),
			"is_external_user": tftypes.NewValue(tftypes.Bool, false),
		},
		"abm_user":                 {"email": str("ALICE.admin@example.com")},
		"abm_user_groups":          {"include_user_ids": tftypes.NewValue(tftypes.Bool, true)},
		"abm_user_group":           {"name": str("Sales Team")},
		"abm_organizational_units": {"include_user_ids": tftypes.NewValue(tftypes.Bool, true)},
		"abm_organizational_unit":  {"id": str("OU000003")},
		"abm_mdm_devices": {
			"include_details":  tftypes.NewValue(tftypes.Bool, true),
			"product_families": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("Mac"), str("iPad")}),
		},
		"abm_mdm_device":                 {"serial_number": str("XABC123X0ABC123X0")},
		"abm_org_device_activation_lock": {"serial_number": str("XARRAYMAC0001")},
		"abm_org_device_activity":        {"id": str(fakeabm.ActivityCompleted), "include_log": tftypes.NewValue(tftypes.Bool, true)},
		"abm_audit_events": {
			"start_date_time": str("2025-01-01T00:00:00Z"), "end_date_time": str("2027-01-01T00:00:00Z"),
			"types": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("DEVICE_ADDED_TO_ORG"), str("DOMAIN_ADDED")}),
		},
		"abm_apps":       nil,
		"abm_app":        {"bundle_id": str("com.apple.iWork.Pages")},
		"abm_packages":   nil,
		"abm_package":    {"id": str("pkg-12345")},
		"abm_blueprints": {"include_relationships": tftypes.NewValue(tftypes.Bool, true)},
		"abm_blueprint":  {"name": str("Sales iPads")},
		"abm_configurations": {
			"include_custom_settings": tftypes.NewValue(tftypes.Bool, true),
			"types":                   tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{str("CUSTOM_SETTING"), str("WIFI")}),
		},
		"abm_configuration": {"name": str("Corporate Wi-Fi")},
	}
	for typeName, set := range sources {
		t.Run(typeName, func(t *testing.T) {
			fast, _ := NewProtocol6Server("test")()
			framework, _ := providerserver.NewProtocol6WithError(New("test")())()
			gotDV, typ := protocolRead(t, fast, f, keyFile, typeName, set)
			wantDV, _ := protocolRead(t, framework, f, keyFile, typeName, set)
			got, want := decodeState(t, gotDV, typ), decodeState(t, wantDV, typ)
			if !got.Equal(want) {
				diffs, _ := got.Diff(want)
				t.Fatalf("states differ in %d places, first: %v", len(diffs), diffs[0])
			}
		})
	}
}

// benchRead measures one read through a fresh provider instance per
// iteration, so the per-provider cache does not hide the fetch. Decoding
// the state is Terraform's work and is left out; the in-process fake's
// serving is in. newServer picks the protocol server or the plain
// framework one.
func benchRead(b *testing.B, devices int, typeName string, newServer func() (tfprotov6.ProviderServer, error)) {
	f := fakeabm.New(fakeabm.Options{Seed: 7, Devices: devices, Servers: 20})
	defer f.Close()
	keyFile := writeKey(b, f)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		srv, err := newServer()
		if err != nil {
			b.Fatal(err)
		}
		protocolRead(b, srv, f, keyFile, typeName, nil)
	}
	b.ReportMetric(float64(devices*b.N)/b.Elapsed().Seconds(), "devices/s")
}

func BenchmarkReadOrgDevices10k(b *testing.B) {
	benchRead(b, 10000, "abm_org_devices", NewProtocol6Server("bench"))
}

// BenchmarkReadOrgDevices10kFramework is the same read answered by the
// framework's own server path, for comparison in one run.
func BenchmarkReadOrgDevices10kFramework(b *testing.B) {
	benchRead(b, 10000, "abm_org_devices", providerserver.NewProtocol6WithError(New("bench")()))
}

func BenchmarkReadOrgDeviceSummary10k(b *testing.B) {
	benchRead(b, 10000, "abm_org_device_summary", NewProtocol6Server("bench"))
}

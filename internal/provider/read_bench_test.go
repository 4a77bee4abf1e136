package provider

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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

// benchRead measures one data source read through the provider's protocol
// server, as Terraform drives it (minus gRPC): configure a fresh provider
// instance, read, and encode the state. A fresh instance per iteration keeps
// the per-provider cache from hiding the fetch.
func benchRead(b *testing.B, devices int, typeName string) {
	f := fakeabm.New(fakeabm.Options{Seed: 7, Devices: devices, Servers: 20})
	defer f.Close()
	keyFile := filepath.Join(b.TempDir(), "key.pem")
	if err := os.WriteFile(keyFile, f.PrivateKeyPEM(), 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		srv, err := NewProtocol6Server("bench")()
		if err != nil {
			b.Fatal(err)
		}
		schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			b.Fatal(err)
		}
		pcfg := nullObject(schemas.Provider.Block, map[string]tftypes.Value{
			"client_id": str(f.ClientID()), "key_id": str(f.KeyID()), "private_key_file": str(keyFile),
			"api_url": str(f.URL()), "token_url": str(f.TokenURL()),
		})
		pdv, _ := tfprotov6.NewDynamicValue(pcfg.Type(), pcfg)
		cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.4", Config: &pdv})
		if err != nil || len(cresp.Diagnostics) > 0 {
			b.Fatalf("configure: %v %v", err, cresp.Diagnostics)
		}
		dcfg := nullObject(schemas.DataSourceSchemas[typeName].Block, nil)
		ddv, _ := tfprotov6.NewDynamicValue(dcfg.Type(), dcfg)
		rresp, err := srv.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: typeName, Config: &ddv})
		if err != nil || len(rresp.Diagnostics) > 0 {
			b.Fatalf("read: %v %v", err, rresp.Diagnostics)
		}
	}
	b.ReportMetric(float64(devices*b.N)/b.Elapsed().Seconds(), "devices/s")
}

func BenchmarkReadOrgDevices10k(b *testing.B)       { benchRead(b, 10000, "abm_org_devices") }
func BenchmarkReadOrgDeviceSummary10k(b *testing.B) { benchRead(b, 10000, "abm_org_device_summary") }

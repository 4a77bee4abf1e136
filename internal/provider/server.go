package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewProtocol6Server returns the provider's plugin-protocol server: the
// framework's server for everything, except that reads of abm_org_devices
// are answered directly. After a data source's Read, the framework copies,
// compares and walks the whole state several times (semantic equality,
// null-block reification), with a schema lookup for every null value: for
// 100,000 devices that is minutes of CPU. readState, which the framework
// path runs too, encodes the state as it filters; here its bytes go to
// Terraform as they are. Schemas, validation and configuration stay the
// framework's.
func NewProtocol6Server(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := &ABMProvider{version: version}
		fw, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return &protocolServer{ProviderServer: fw, provider: p}, nil
	}
}

type protocolServer struct {
	tfprotov6.ProviderServer
	provider *ABMProvider
}

// ReadDataSource serves abm_org_devices itself and hands every other read
// to the framework.
func (s *protocolServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if req.TypeName != "abm_org_devices" || req.Config == nil {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	typ := orgDevicesTfType()
	config, err := req.Config.Unmarshal(typ)
	if err != nil {
		return s.ProviderServer.ReadDataSource(ctx, req) // let the framework report it
	}
	ds := &OrgDevicesDataSource{dataSourceBase{data: s.provider.data}}
	state, diags := ds.readState(ctx, config)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protoDiagnostics(diags)}
	if diags.HasError() {
		return resp, nil
	}
	resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	return resp, nil
}

// protoDiagnostics converts diagnostics without attribute paths, which is
// all readState produces.
func protoDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		sev := tfprotov6.DiagnosticSeverityWarning
		if d.Severity() == diag.SeverityError {
			sev = tfprotov6.DiagnosticSeverityError
		}
		out = append(out, &tfprotov6.Diagnostic{Severity: sev, Summary: d.Summary(), Detail: d.Detail()})
	}
	return out
}

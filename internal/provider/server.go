package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NewProtocol6Server returns the provider's plugin-protocol server: the
// framework's server for everything, except that data source reads are
// answered directly. After a data source's Read, the framework copies,
// compares and walks the whole state several times (semantic equality,
// null-block reification), with a schema lookup for every null value: for
// 100,000 devices that is minutes of CPU. Each data source's readState,
// which the framework path runs too, encodes the state as it reads; here
// its bytes go to Terraform as they are. Schemas, validation and
// configuration stay the framework's.
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

	once    sync.Once
	readers map[string]stateSource
}

// stateSource is a data source type the protocol server reads directly.
type stateSource struct {
	new    func() datasource.DataSource
	config tftypes.Type
}

// sources indexes the provider's data sources by type name, once.
func (s *protocolServer) sources(ctx context.Context) map[string]stateSource {
	s.once.Do(func() {
		s.readers = map[string]stateSource{}
		for _, newDS := range s.provider.DataSources(ctx) {
			ds := newDS()
			if _, ok := ds.(stateReader); !ok {
				continue
			}
			var meta datasource.MetadataResponse
			ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "abm"}, &meta)
			var sch datasource.SchemaResponse
			ds.Schema(ctx, datasource.SchemaRequest{}, &sch)
			s.readers[meta.TypeName] = stateSource{new: newDS, config: sch.Schema.Type().TerraformType(ctx)}
		}
	})
	return s.readers
}

// ReadDataSource serves every data source that encodes its own state and
// hands anything else to the framework.
func (s *protocolServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	src, ok := s.sources(ctx)[req.TypeName]
	if !ok || req.Config == nil {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	config, err := req.Config.Unmarshal(src.config)
	if err != nil {
		return s.ProviderServer.ReadDataSource(ctx, req) // let the framework report it
	}
	r, _ := src.new().(stateReader)
	r.setProviderData(s.provider.data)
	state, diags := readDataSource(ctx, r, config)
	resp := &tfprotov6.ReadDataSourceResponse{Diagnostics: protoDiagnostics(diags)}
	if diags.HasError() {
		return resp, nil
	}
	resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	return resp, nil
}

// protoDiagnostics converts diagnostics, with their attribute paths.
func protoDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		sev := tfprotov6.DiagnosticSeverityWarning
		if d.Severity() == diag.SeverityError {
			sev = tfprotov6.DiagnosticSeverityError
		}
		pd := &tfprotov6.Diagnostic{Severity: sev, Summary: d.Summary(), Detail: d.Detail()}
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			pd.Attribute = attributePath(wp.Path())
		}
		out = append(out, pd)
	}
	return out
}

// attributePath converts a path of attribute names and list indexes, the
// only steps the data sources' diagnostics use.
func attributePath(p path.Path) *tftypes.AttributePath {
	ap := tftypes.NewAttributePath()
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			ap = ap.WithAttributeName(string(s))
		case path.PathStepElementKeyInt:
			ap = ap.WithElementKeyInt(int(s))
		case path.PathStepElementKeyString:
			ap = ap.WithElementKeyString(string(s))
		}
	}
	return ap
}

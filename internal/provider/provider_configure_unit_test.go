package provider

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// Configuration checks as plain Go tests: resolveSettings with a map for an
// environment, and the schema's validators and Configure through the
// provider's own plugin-protocol server, as Terraform calls them. The CLI
// tests in provider_configure_test.go keep what only Terraform shows.

// envOf is a getenv over a fixed environment.
func envOf(vars map[string]string) func(string) string {
	return func(name string) string { return vars[name] }
}

// oneError fails unless diags hold exactly one diagnostic, an error, and
// returns its summary and detail.
func oneError(t *testing.T, diags diag.Diagnostics) (summary, detail string) {
	t.Helper()
	if len(diags) != 1 || diags.ErrorsCount() != 1 {
		t.Fatalf("%d diagnostics (%d errors), want exactly one error: %v", len(diags), diags.ErrorsCount(), diags)
	}
	return diags[0].Summary(), diags[0].Detail()
}

// oneAttributeError is oneError for a diagnostic that must point at attribute.
func oneAttributeError(t *testing.T, diags diag.Diagnostics, attribute string) (summary, detail string) {
	t.Helper()
	summary, detail = oneError(t, diags)
	withPath, ok := diags[0].(diag.DiagnosticWithPath)
	if !ok || !withPath.Path().Equal(path.Root(attribute)) {
		t.Errorf("diagnostic %q is not attached to %s", summary, attribute)
	}
	return summary, detail
}

func mustContain(t *testing.T, what, text string, fragments ...string) {
	t.Helper()
	for _, f := range fragments {
		if !strings.Contains(text, f) {
			t.Errorf("%s %q does not contain %q", what, text, f)
		}
	}
}

func TestResolveSettingsDefaults(t *testing.T) {
	s, diags := resolveSettings(providerModel{ClientID: types.StringValue("BUSINESSAPI.1234")}, envOf(nil))
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := settings{
		ClientID:   "BUSINESSAPI.1234",
		Scope:      client.ScopeBusiness,
		APIURL:     client.DefaultAPIURL(client.ScopeBusiness),
		TokenURL:   client.DefaultTokenURL,
		ADEURL:     client.DefaultADEURL,
		MaxRetries: client.DefaultMaxRetries,
		TokenCache: true,
		CacheDir:   defaultCacheDirForTest(t),
	}
	if s != want {
		t.Errorf("settings = %+v\nwant       %+v", s, want)
	}
	school, _ := resolveSettings(providerModel{ClientID: types.StringValue("SCHOOLAPI.1234")}, envOf(nil))
	if school.Scope != client.ScopeSchool || school.APIURL != client.DefaultAPIURL(client.ScopeSchool) {
		t.Errorf("a SCHOOLAPI. client ID gives scope %q, API URL %q", school.Scope, school.APIURL)
	}
	// Without a client ID there is nothing to derive the scope and API URL from;
	// the first data source reports the missing client ID.
	none, diags := resolveSettings(providerModel{}, envOf(nil))
	if diags.HasError() || none.Scope != "" || none.APIURL != "" {
		t.Errorf("empty configuration: scope %q, API URL %q, %v", none.Scope, none.APIURL, diags)
	}
}

// Each setting comes from the configuration, else its variable, else the
// default; values are trimmed.
func TestResolveSettingsConfigurationThenEnvironmentThenDefault(t *testing.T) {
	env := map[string]string{
		"ABM_CLIENT_ID":           " SCHOOLAPI.env ",
		"ABM_KEY_ID":              "key-env",
		"ABM_SCOPE":               "school.api",
		"ABM_API_URL":             "https://api.env.example",
		"ABM_TOKEN_URL":           "https://token.env.example",
		"ABM_ADE_URL":             "https://ade.env.example",
		"ABM_MAX_RETRIES":         " 7 ",
		"ABM_REQUESTS_PER_MINUTE": "20",
		"ABM_TOKEN_CACHE":         " false ",
		"ABM_CACHE_DIR":           " /env/cache ",
		"ABM_READ_CACHE_MAX_AGE":  "1m30s",
	}
	fromEnv, diags := resolveSettings(providerModel{}, envOf(env))
	if diags.HasError() {
		t.Fatal(diags)
	}
	wantEnv := settings{
		ClientID: "SCHOOLAPI.env", KeyID: "key-env", Scope: "school.api",
		APIURL: "https://api.env.example", TokenURL: "https://token.env.example", ADEURL: "https://ade.env.example",
		MaxRetries: 7, RequestsPerMinute: 20,
		TokenCache: false, CacheDir: "/env/cache", ReadCacheMaxAge: 90 * time.Second,
	}
	if fromEnv != wantEnv {
		t.Errorf("from the environment: %+v\nwant                  %+v", fromEnv, wantEnv)
	}

	cfg := providerModel{
		ClientID: types.StringValue("BUSINESSAPI.cfg"), KeyID: types.StringValue(" key-cfg "),
		Scope: types.StringValue("business.api"), APIURL: types.StringValue("http://127.0.0.1:1"),
		TokenURL: types.StringValue("http://127.0.0.1:2/token"), ADEURL: types.StringValue("http://localhost:3"),
		MaxRetries: types.Int64Value(0), RequestsPerMinute: types.Int64Value(0),
		TokenCache: types.BoolValue(true), CacheDir: types.StringValue("/cfg/cache"), ReadCacheMaxAge: types.StringValue("0s"),
	}
	fromCfg, diags := resolveSettings(cfg, envOf(env))
	if diags.HasError() {
		t.Fatal(diags)
	}
	wantCfg := settings{
		ClientID: "BUSINESSAPI.cfg", KeyID: "key-cfg", Scope: "business.api",
		APIURL: "http://127.0.0.1:1", TokenURL: "http://127.0.0.1:2/token", ADEURL: "http://localhost:3",
		TokenCache: true, CacheDir: "/cfg/cache",
	}
	if fromCfg != wantCfg {
		t.Errorf("configuration over environment: %+v\nwant                          %+v", fromCfg, wantCfg)
	}
}

// The private key and the server token are each given inline or as a file,
// in the configuration or the environment: one rule for both.
func TestResolveSettingsSecretSources(t *testing.T) {
	type source struct{ text, file, wantSource string }
	secrets := []struct {
		name, what, textEnv, fileEnv string
		cfgText, cfgFile             func(string) providerModel
		get                          func(settings) inlineOrFile
		textValue, fileValue         string // the values the cases use
	}{
		{"private key", "private key", "ABM_PRIVATE_KEY", "ABM_PRIVATE_KEY_FILE",
			func(v string) providerModel { return providerModel{PrivateKey: types.StringValue(v)} },
			func(v string) providerModel { return providerModel{PrivateKeyFile: types.StringValue(v)} },
			func(s settings) inlineOrFile { return s.PrivateKey }, "PEM", "key.pem"},
		{"server token", "server token", "ABM_SERVER_TOKEN", "ABM_SERVER_TOKEN_FILE",
			func(v string) providerModel { return providerModel{ServerToken: types.StringValue(v)} },
			func(v string) providerModel { return providerModel{ServerTokenFile: types.StringValue(v)} },
			func(s settings) inlineOrFile { return s.ServerToken }, "TOKEN", "token"},
	}
	for _, sec := range secrets {
		textAttr, fileAttr := strings.ToLower(strings.TrimPrefix(sec.textEnv, "ABM_")), strings.ToLower(strings.TrimPrefix(sec.fileEnv, "ABM_"))
		both := map[string]string{sec.textEnv: sec.textValue + "-env", sec.fileEnv: "/env/" + sec.fileValue}
		cases := map[string]struct {
			cfg  providerModel
			env  map[string]string
			want source
		}{
			textAttr + " wins over both variables": {sec.cfgText(sec.textValue + "-cfg"), both, source{sec.textValue + "-cfg", "", "`" + textAttr + "`"}},
			fileAttr + " wins over both":           {sec.cfgFile("/cfg/" + sec.fileValue), both, source{"", "/cfg/" + sec.fileValue, "`" + fileAttr + "`"}},
			sec.textEnv:                            {providerModel{}, map[string]string{sec.textEnv: sec.textValue + "-env"}, source{sec.textValue + "-env", "", sec.textEnv}},
			sec.fileEnv:                            {providerModel{}, map[string]string{sec.fileEnv: "/env/" + sec.fileValue}, source{"", "/env/" + sec.fileValue, sec.fileEnv}},
			"none":                                 {providerModel{}, nil, source{}},
		}
		for name, tc := range cases {
			t.Run(sec.name+"/"+name, func(t *testing.T) {
				s, diags := resolveSettings(tc.cfg, envOf(tc.env))
				if diags.HasError() {
					t.Fatal(diags)
				}
				if got := sec.get(s); got.Text != tc.want.text || got.File != tc.want.file || got.Source != tc.want.wantSource {
					t.Errorf("text %q, file %q, source %q; want %q, %q, %q", got.Text, got.File, got.Source, tc.want.text, tc.want.file, tc.want.wantSource)
				}
			})
		}
		t.Run(sec.name+"/both variables", func(t *testing.T) {
			_, diags := resolveSettings(providerModel{}, envOf(both))
			summary, detail := oneError(t, diags)
			mustContain(t, "summary", summary, "Conflicting "+sec.what+" settings")
			mustContain(t, "detail", detail, sec.textEnv+" and "+sec.fileEnv, "`"+textAttr+"`", "`"+fileAttr+"`")
			if strings.Contains(detail, sec.textValue+"-env") {
				t.Errorf("the diagnostic quotes the %s", sec.what)
			}
		})
	}
}

// Values from the environment get the checks the schema's validators give
// configured values, and each error names the attribute and its variable.
func TestResolveSettingsChecksTheEnvironment(t *testing.T) {
	cases := map[string]struct {
		variable, value, attribute string
		want                       []string
	}{
		"scope":                 {"ABM_SCOPE", "business", "scope", []string{"Invalid scope", "`scope` (environment variable ABM_SCOPE) is \"business\"", `"business.api" or "school.api"`}},
		"api_url":               {"ABM_API_URL", "http://api-business.apple.com", "api_url", []string{"Invalid URL", "`api_url` (environment variable ABM_API_URL)", "not loopback"}},
		"token_url":             {"ABM_TOKEN_URL", "http://192.0.2.10/auth/oauth2/token", "token_url", []string{"Invalid URL", "ABM_TOKEN_URL", "not loopback"}},
		"ade_url":               {"ABM_ADE_URL", "http://10.0.0.1/", "ade_url", []string{"Invalid URL", "ABM_ADE_URL", "not loopback"}},
		"max_retries not a num": {"ABM_MAX_RETRIES", "many", "max_retries", []string{"Invalid max_retries", "ABM_MAX_RETRIES", `"many"`, "whole number from 0 to 100"}},
		"max_retries too many":  {"ABM_MAX_RETRIES", "101", "max_retries", []string{"Invalid max_retries", "whole number from 0 to 100"}},
		"max_retries negative":  {"ABM_MAX_RETRIES", "-1", "max_retries", []string{"Invalid max_retries"}},
		"requests_per_minute":   {"ABM_REQUESTS_PER_MINUTE", "100001", "requests_per_minute", []string{"Invalid requests_per_minute", "ABM_REQUESTS_PER_MINUTE", "0 to 100000"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := map[string]string{"ABM_CLIENT_ID": "BUSINESSAPI.1", tc.variable: tc.value}
			_, diags := resolveSettings(providerModel{}, envOf(env))
			summary, detail := oneAttributeError(t, diags, tc.attribute)
			mustContain(t, "diagnostic", summary+": "+detail, tc.want...)
		})
	}
}

// providerServer is the provider as Terraform talks to it.
func providerServer(t *testing.T) tfprotov6.ProviderServer {
	t.Helper()
	srv, err := NewProtocol6Server("test")()
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// protoConfig is a provider configuration as Terraform sends it: every
// attribute null except those given.
func protoConfig(t *testing.T, srv tfprotov6.ProviderServer, attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ, ok := resp.Provider.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("provider schema type %T", resp.Provider.ValueType())
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range attrs {
		if _, ok := typ.AttributeTypes[name]; !ok {
			t.Fatalf("no attribute %s", name)
		}
		vals[name] = v
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func tfString(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
func tfNumber(n int64) tftypes.Value {
	return tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(n))
}
func tfUnknown(t tftypes.Type) tftypes.Value { return tftypes.NewValue(t, tftypes.UnknownValue) }

// oneProtoError is oneAttributeError for diagnostics of the plugin protocol.
func oneProtoError(t *testing.T, diags []*tfprotov6.Diagnostic, attribute string) string {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity != tfprotov6.DiagnosticSeverityError {
		for _, d := range diags {
			t.Logf("%s: %s: %s", d.Severity, d.Summary, d.Detail)
		}
		t.Fatalf("%d diagnostics, want exactly one error", len(diags))
	}
	d := diags[0]
	if want := tftypes.NewAttributePath().WithAttributeName(attribute); !d.Attribute.Equal(want) {
		t.Errorf("diagnostic %q is attached to %v, want %s", d.Summary, d.Attribute, attribute)
	}
	return d.Summary + ": " + d.Detail
}

// The schema's validators, as `terraform validate` runs them.
func TestProviderConfigValidation(t *testing.T) {
	srv := providerServer(t)
	validate := func(t *testing.T, attrs map[string]tftypes.Value) []*tfprotov6.Diagnostic {
		t.Helper()
		resp, err := srv.ValidateProviderConfig(context.Background(), &tfprotov6.ValidateProviderConfigRequest{Config: protoConfig(t, srv, attrs)})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Diagnostics
	}
	t.Run("valid", func(t *testing.T) {
		diags := validate(t, map[string]tftypes.Value{
			"client_id": tfString("BUSINESSAPI.1"), "key_id": tfString("k"), "private_key_file": tfString("/k.pem"),
			"scope": tfString("business.api"), "api_url": tfString("https://api.example"), "token_url": tfString("http://127.0.0.1:1/token"),
			"ade_url": tfString("http://[::1]:2"), "server_token": tfString("{}"), "max_retries": tfNumber(100), "requests_per_minute": tfNumber(100000),
			"token_cache": tftypes.NewValue(tftypes.Bool, false), "cache_dir": tfString("/c"), "read_cache_max_age": tfString("1h30m"),
		})
		if len(diags) != 0 {
			t.Errorf("diagnostics for a valid configuration: %v", diags[0])
		}
	})
	// Unknown values are checked by Configure (below), not by the validators.
	t.Run("unknown", func(t *testing.T) {
		if diags := validate(t, map[string]tftypes.Value{"api_url": tfUnknown(tftypes.String), "max_retries": tfUnknown(tftypes.Number)}); len(diags) != 0 {
			t.Errorf("diagnostics for unknown values: %v", diags[0])
		}
	})
	cases := map[string]struct {
		attrs     map[string]tftypes.Value
		attribute string
		want      []string
	}{
		"both key forms":          {map[string]tftypes.Value{"private_key": tfString("x"), "private_key_file": tfString("/k.pem")}, "private_key", []string{"Invalid Attribute Combination", `"private_key_file"`, `"private_key"`}},
		"both server tokens":      {map[string]tftypes.Value{"server_token": tfString("{}"), "server_token_file": tfString("/t")}, "server_token", []string{"Invalid Attribute Combination", `"server_token_file"`, `"server_token"`}},
		"unknown scope":           {map[string]tftypes.Value{"scope": tfString("enterprise.api")}, "scope", []string{"Invalid Attribute Value Match", `"business.api"`, `"school.api"`, `"enterprise.api"`}},
		"negative retries":        {map[string]tftypes.Value{"max_retries": tfNumber(-1)}, "max_retries", []string{"Invalid Attribute Value", "between 0 and 100", "-1"}},
		"too many retries":        {map[string]tftypes.Value{"max_retries": tfNumber(101)}, "max_retries", []string{"between 0 and 100"}},
		"negative rate":           {map[string]tftypes.Value{"requests_per_minute": tfNumber(-5)}, "requests_per_minute", []string{"Invalid Attribute Value", "between 0 and 100000"}},
		"api_url http remote":     {map[string]tftypes.Value{"api_url": tfString("http://api-business.apple.com")}, "api_url", []string{"Invalid URL", "api_url: ", "not loopback"}},
		"token_url look-alike":    {map[string]tftypes.Value{"token_url": tfString("http://localhost.attacker.example/token")}, "token_url", []string{"Invalid URL", "token_url: ", "not loopback"}},
		"ade_url relative":        {map[string]tftypes.Value{"ade_url": tfString("/just/a/path")}, "ade_url", []string{"Invalid URL", "ade_url: ", "not an absolute URL"}},
		"ade_url with user info":  {map[string]tftypes.Value{"ade_url": tfString("https://user:pw@example.com")}, "ade_url", []string{"user information"}},
		"ade_url with a query":    {map[string]tftypes.Value{"ade_url": tfString("https://example.com/?a=b")}, "ade_url", []string{"query or fragment"}},
		"ade_url with ftp scheme": {map[string]tftypes.Value{"ade_url": tfString("ftp://example.com")}, "ade_url", []string{"expected https://"}},
		"max age without unit":    {map[string]tftypes.Value{"read_cache_max_age": tfString("15")}, "read_cache_max_age", []string{"Invalid duration", "`read_cache_max_age` (environment variable ABM_READ_CACHE_MAX_AGE)", `"15" is not a duration`, `"15m"`}},
		"negative max age":        {map[string]tftypes.Value{"read_cache_max_age": tfString("-1m")}, "read_cache_max_age", []string{"Invalid duration", `"-1m" is negative`}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			msg := oneProtoError(t, validate(t, tc.attrs), tc.attribute)
			mustContain(t, "diagnostic", msg, tc.want...)
		})
	}
}

// A value Terraform knows only at apply time cannot configure the provider:
// each gives one error on its attribute that names the variable to use instead.
func TestConfigureRefusesUnknownValues(t *testing.T) {
	for name, variable := range attrEnv {
		t.Run(name, func(t *testing.T) {
			srv := providerServer(t)
			typ := tftypes.Type(tftypes.String)
			switch name {
			case "max_retries", "requests_per_minute":
				typ = tftypes.Number
			case "token_cache":
				typ = tftypes.Bool
			}
			resp, err := srv.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{
				TerraformVersion: "1.11.0",
				Config:           protoConfig(t, srv, map[string]tftypes.Value{name: tfUnknown(typ)}),
			})
			if err != nil {
				t.Fatal(err)
			}
			msg := oneProtoError(t, resp.Diagnostics, name)
			mustContain(t, "diagnostic", msg, "Unknown provider configuration value", name+" is unknown until apply", "environment variable "+variable)
		})
	}
}

// defaultCacheDirForTest is where the cache goes by default in this test
// process (TestMain points the user cache directory at a temporary one).
func defaultCacheDirForTest(t *testing.T) string {
	t.Helper()
	base, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(base, "terraform-provider-abm")
}

// The cache settings: the token cache is on by default, the read cache off;
// without either no cache directory is worked out; values given are checked
// and the diagnostic names the attribute and its variable.
func TestResolveSettingsCaches(t *testing.T) {
	id := providerModel{ClientID: types.StringValue("BUSINESSAPI.1")}
	for name, tc := range map[string]struct {
		cfg       providerModel
		env       map[string]string
		wantToken bool
		wantDir   string
		wantAge   time.Duration
	}{
		"defaults":              {cfg: id, wantToken: true, wantDir: defaultCacheDirForTest(t)},
		"variable 0":            {cfg: id, env: map[string]string{"ABM_TOKEN_CACHE": "0"}},
		"off, read cache on":    {cfg: providerModel{TokenCache: types.BoolValue(false), ReadCacheMaxAge: types.StringValue("15m")}, wantDir: defaultCacheDirForTest(t), wantAge: 15 * time.Minute},
		"configuration wins":    {cfg: providerModel{TokenCache: types.BoolValue(true), CacheDir: types.StringValue("/cfg")}, env: map[string]string{"ABM_TOKEN_CACHE": "false", "ABM_CACHE_DIR": "/env"}, wantToken: true, wantDir: "/cfg"},
		"variable max age 0":    {cfg: id, env: map[string]string{"ABM_READ_CACHE_MAX_AGE": "0"}, wantToken: true, wantDir: defaultCacheDirForTest(t)},
		"configuration max age": {cfg: providerModel{ReadCacheMaxAge: types.StringValue("2h")}, env: map[string]string{"ABM_READ_CACHE_MAX_AGE": "nonsense"}, wantToken: true, wantDir: defaultCacheDirForTest(t), wantAge: 2 * time.Hour},
	} {
		t.Run(name, func(t *testing.T) {
			s, diags := resolveSettings(tc.cfg, envOf(tc.env))
			if diags.HasError() {
				t.Fatal(diags)
			}
			if s.TokenCache != tc.wantToken || s.CacheDir != tc.wantDir || s.ReadCacheMaxAge != tc.wantAge || s.CacheTrouble != "" {
				t.Errorf("token cache %v, dir %q, max age %v, trouble %q; want %v, %q, %v", s.TokenCache, s.CacheDir, s.ReadCacheMaxAge, s.CacheTrouble, tc.wantToken, tc.wantDir, tc.wantAge)
			}
		})
	}
	for name, tc := range map[string]struct {
		env       map[string]string
		attribute string
		want      []string
	}{
		"token cache yes":  {map[string]string{"ABM_TOKEN_CACHE": "yes"}, "token_cache", []string{"Invalid token_cache", "`token_cache` (environment variable ABM_TOKEN_CACHE)", `"yes"`, "true or false"}},
		"max age 15":       {map[string]string{"ABM_READ_CACHE_MAX_AGE": "15"}, "read_cache_max_age", []string{"Invalid read_cache_max_age", "ABM_READ_CACHE_MAX_AGE", `"15" is not a duration`}},
		"max age negative": {map[string]string{"ABM_READ_CACHE_MAX_AGE": "-5s"}, "read_cache_max_age", []string{"negative"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, diags := resolveSettings(id, envOf(tc.env))
			summary, detail := oneAttributeError(t, diags, tc.attribute)
			mustContain(t, "diagnostic", summary+": "+detail, tc.want...)
		})
	}
	t.Run("no user cache directory", func(t *testing.T) {
		t.Setenv("XDG_CACHE_HOME", "")
		t.Setenv("HOME", "")
		s, diags := resolveSettings(id, envOf(nil))
		if diags.HasError() || s.CacheDir != "" || !s.TokenCache {
			t.Fatalf("dir %q, token cache %v, %v", s.CacheDir, s.TokenCache, diags)
		}
		mustContain(t, "cache trouble", s.CacheTrouble, "no user cache directory", "`cache_dir` (environment variable ABM_CACHE_DIR)")
	})
}

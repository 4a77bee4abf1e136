package provider

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// settings is the provider configuration after configuration, environment
// and defaults are merged. Secrets stay in here and go nowhere else.
type settings struct {
	ClientID          string
	KeyID             string
	PrivateKey        inlineOrFile // private_key / private_key_file, or their variables
	Scope             string
	APIURL            string
	TokenURL          string
	ServerToken       inlineOrFile // server_token / server_token_file, or their variables
	ADEURL            string
	MaxRetries        int
	RequestsPerMinute int
	TokenCache        bool
	CacheDir          string        // "" when there is none to use; CacheTrouble says why
	CacheTrouble      string        // why the default cache directory is unknown
	ReadCacheMaxAge   time.Duration // 0: no read cache
	UserAgent         string
}

// attrEnv pairs each attribute with its environment variable.
var attrEnv = map[string]string{
	"client_id":           "ABM_CLIENT_ID",
	"key_id":              "ABM_KEY_ID",
	"private_key":         "ABM_PRIVATE_KEY",
	"private_key_file":    "ABM_PRIVATE_KEY_FILE",
	"scope":               "ABM_SCOPE",
	"api_url":             "ABM_API_URL",
	"token_url":           "ABM_TOKEN_URL",
	"server_token":        "ABM_SERVER_TOKEN",
	"server_token_file":   "ABM_SERVER_TOKEN_FILE",
	"ade_url":             "ABM_ADE_URL",
	"max_retries":         "ABM_MAX_RETRIES",
	"requests_per_minute": "ABM_REQUESTS_PER_MINUTE",
	"token_cache":         "ABM_TOKEN_CACHE",
	"cache_dir":           "ABM_CACHE_DIR",
	"read_cache_max_age":  "ABM_READ_CACHE_MAX_AGE",
}

// where names an attribute and its variable for a diagnostic.
func where(attribute string) string {
	return fmt.Sprintf("`%s` (environment variable %s)", attribute, attrEnv[attribute])
}

// Configure merges configuration, environment and defaults. Problems with
// values given are reported here; missing or unusable credentials are
// reported by the first data source that needs them, so that `terraform
// validate` and configurations that read nothing work without them.
func (p *ABMProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for name, v := range map[string]attr.Value{
		"client_id": cfg.ClientID, "key_id": cfg.KeyID, "private_key": cfg.PrivateKey,
		"private_key_file": cfg.PrivateKeyFile, "scope": cfg.Scope, "api_url": cfg.APIURL,
		"token_url": cfg.TokenURL, "server_token": cfg.ServerToken, "server_token_file": cfg.ServerTokenFile,
		"ade_url": cfg.ADEURL, "max_retries": cfg.MaxRetries, "requests_per_minute": cfg.RequestsPerMinute,
		"token_cache": cfg.TokenCache, "cache_dir": cfg.CacheDir, "read_cache_max_age": cfg.ReadCacheMaxAge,
	} {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown provider configuration value",
				fmt.Sprintf("The provider cannot be configured because %s is unknown until apply. "+
					"Set it to a value known at plan time, or leave it out and set the environment variable %s.", name, attrEnv[name]))
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	s, diags := resolveSettings(cfg, os.Getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	s.UserAgent = userAgent(p.version, req.TerraformVersion)
	data := &providerData{settings: s}
	p.data = data
	resp.DataSourceData = data
}

// inlineOrFile is a secret given as text or as the path of a file holding
// it: the private key, the server token.
type inlineOrFile struct {
	Text   string // the secret itself
	File   string // or the file that holds it
	Source string // which attribute or variable gave it, for messages
}

// resolveInlineOrFile picks where a secret comes from: a value in the
// configuration wins over both variables (the schema refuses both attributes
// at once); both variables at once is ambiguous.
func resolveInlineOrFile(what, textAttr string, text types.String, fileAttr string, file types.String, getenv func(string) string, diags *diag.Diagnostics) inlineOrFile {
	textEnv, fileEnv := attrEnv[textAttr], attrEnv[fileAttr]
	switch {
	case !text.IsNull():
		return inlineOrFile{Text: text.ValueString(), Source: "`" + textAttr + "`"}
	case !file.IsNull():
		return inlineOrFile{File: strings.TrimSpace(file.ValueString()), Source: "`" + fileAttr + "`"}
	case getenv(textEnv) != "" && getenv(fileEnv) != "":
		diags.AddError("Conflicting "+what+" settings",
			fmt.Sprintf("Both %s and %s are set; unset one of them, or set `%s` or `%s` in the provider block.", textEnv, fileEnv, textAttr, fileAttr))
	case getenv(textEnv) != "":
		return inlineOrFile{Text: getenv(textEnv), Source: textEnv}
	case strings.TrimSpace(getenv(fileEnv)) != "":
		return inlineOrFile{File: strings.TrimSpace(getenv(fileEnv)), Source: fileEnv}
	}
	return inlineOrFile{}
}

// resolveSettings applies the precedence configuration → environment →
// default and checks every value that was given.
func resolveSettings(cfg providerModel, getenv func(string) string) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	str := func(name string, v types.String) string {
		if !v.IsNull() {
			return v.ValueString()
		}
		return getenv(attrEnv[name])
	}
	s := settings{
		ClientID: strings.TrimSpace(str("client_id", cfg.ClientID)),
		KeyID:    strings.TrimSpace(str("key_id", cfg.KeyID)),
		Scope:    strings.TrimSpace(str("scope", cfg.Scope)),
		APIURL:   strings.TrimSpace(str("api_url", cfg.APIURL)),
		TokenURL: strings.TrimSpace(str("token_url", cfg.TokenURL)),
		ADEURL:   strings.TrimSpace(str("ade_url", cfg.ADEURL)),
	}
	s.PrivateKey = resolveInlineOrFile("private key", "private_key", cfg.PrivateKey, "private_key_file", cfg.PrivateKeyFile, getenv, &diags)
	s.ServerToken = resolveInlineOrFile("server token", "server_token", cfg.ServerToken, "server_token_file", cfg.ServerTokenFile, getenv, &diags)

	if s.Scope != "" && s.Scope != client.ScopeBusiness && s.Scope != client.ScopeSchool {
		diags.AddAttributeError(path.Root("scope"), "Invalid scope",
			fmt.Sprintf("%s is %q; expected %q or %q.", where("scope"), s.Scope, client.ScopeBusiness, client.ScopeSchool))
	}
	if s.Scope == "" && s.ClientID != "" {
		s.Scope = client.ScopeForClientID(s.ClientID)
	}
	if s.APIURL == "" && s.Scope != "" {
		s.APIURL = client.DefaultAPIURL(s.Scope)
	}
	if s.TokenURL == "" {
		s.TokenURL = client.DefaultTokenURL
	}
	if s.ADEURL == "" {
		s.ADEURL = client.DefaultADEURL
	}
	for name, v := range map[string]string{"api_url": s.APIURL, "token_url": s.TokenURL, "ade_url": s.ADEURL} {
		if v == "" {
			continue
		}
		if err := checkEndpointURL(v); err != nil {
			diags.AddAttributeError(path.Root(name), "Invalid URL", fmt.Sprintf("%s: %s", where(name), err))
		}
	}

	var d diag.Diagnostics
	s.MaxRetries, d = intSetting("max_retries", cfg.MaxRetries, getenv, client.DefaultMaxRetries, 100)
	diags.Append(d...)
	s.RequestsPerMinute, d = intSetting("requests_per_minute", cfg.RequestsPerMinute, getenv, 0, 100000)
	diags.Append(d...)
	s.TokenCache, d = boolSetting("token_cache", cfg.TokenCache, getenv, true)
	diags.Append(d...)
	s.ReadCacheMaxAge, d = durationSetting("read_cache_max_age", cfg.ReadCacheMaxAge, getenv)
	diags.Append(d...)
	if s.TokenCache || s.ReadCacheMaxAge > 0 {
		s.CacheDir = strings.TrimSpace(str("cache_dir", cfg.CacheDir))
		if s.CacheDir == "" {
			s.CacheDir, s.CacheTrouble = defaultCacheDir()
		}
	}
	return s, diags
}

// defaultCacheDir is terraform-provider-abm in the user cache directory, or
// why there is none.
func defaultCacheDir() (dir, trouble string) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Sprintf("there is no user cache directory (%v); set %s", err, where("cache_dir"))
	}
	return filepath.Join(base, "terraform-provider-abm"), ""
}

// boolSetting reads a bool attribute or its variable: true/false, 1/0.
func boolSetting(name string, v types.Bool, getenv func(string) string, def bool) (bool, diag.Diagnostics) {
	if !v.IsNull() {
		return v.ValueBool(), nil
	}
	raw := strings.TrimSpace(getenv(attrEnv[name]))
	if raw == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddAttributeError(path.Root(name), "Invalid "+name,
			fmt.Sprintf("%s is %q; expected true or false.", where(name), raw))
		return def, diags
	}
	return b, nil
}

// durationSetting reads a duration attribute or its variable.
func durationSetting(name string, v types.String, getenv func(string) string) (time.Duration, diag.Diagnostics) {
	raw := strings.TrimSpace(getenv(attrEnv[name]))
	if !v.IsNull() {
		raw = strings.TrimSpace(v.ValueString())
	}
	if raw == "" {
		return 0, nil
	}
	d, err := parseMaxAge(raw)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddAttributeError(path.Root(name), "Invalid "+name, fmt.Sprintf("%s: %v.", where(name), err))
		return 0, diags
	}
	return d, nil
}

func intSetting(name string, v types.Int64, getenv func(string) string, def, maxValue int) (int, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !v.IsNull() {
		return int(v.ValueInt64()), nil
	}
	raw := strings.TrimSpace(getenv(attrEnv[name]))
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 || n > maxValue {
		diags.AddAttributeError(path.Root(name), "Invalid "+name,
			fmt.Sprintf("%s is %q; expected a whole number from 0 to %d.", where(name), raw, maxValue))
		return def, diags
	}
	return n, nil
}

// userAgent follows HashiCorp's convention, plus TF_APPEND_USER_AGENT.
func userAgent(version, terraformVersion string) string {
	ua := fmt.Sprintf("terraform-provider-abm/%s Terraform/%s", version, terraformVersion)
	if extra := strings.TrimSpace(os.Getenv("TF_APPEND_USER_AGENT")); extra != "" {
		ua += " " + extra
	}
	return ua
}

// newHTTPClient is the transport every request uses. Per-request deadlines
// come from the data source's context; these bound the pieces of a request.
func newHTTPClient() *http.Client {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return &http.Client{Transport: http.DefaultTransport}
	}
	t = t.Clone()
	t.ResponseHeaderTimeout = 2 * time.Minute
	t.MaxIdleConnsPerHost = 4
	return &http.Client{Transport: t}
}

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// providerModel is the provider block.
type providerModel struct {
	ClientID          types.String `tfsdk:"client_id"`
	KeyID             types.String `tfsdk:"key_id"`
	PrivateKey        types.String `tfsdk:"private_key"`
	PrivateKeyFile    types.String `tfsdk:"private_key_file"`
	Scope             types.String `tfsdk:"scope"`
	APIURL            types.String `tfsdk:"api_url"`
	TokenURL          types.String `tfsdk:"token_url"`
	ServerToken       types.String `tfsdk:"server_token"`
	ServerTokenFile   types.String `tfsdk:"server_token_file"`
	ADEURL            types.String `tfsdk:"ade_url"`
	MaxRetries        types.Int64  `tfsdk:"max_retries"`
	RequestsPerMinute types.Int64  `tfsdk:"requests_per_minute"`
	TokenCache        types.Bool   `tfsdk:"token_cache"`
	CacheDir          types.String `tfsdk:"cache_dir"`
	ReadCacheMaxAge   types.String `tfsdk:"read_cache_max_age"`
}

const envNote = " Optional in the schema so it can come from the environment; the provider reports an error when a data source needs it and it is set in neither place."

// Schema describes the provider block. Every attribute is optional so the
// whole configuration can come from environment variables.
func (p *ABMProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an organization's Apple Business (formerly Apple Business Manager, ABM) or Apple School Manager (ASM) data: " +
			"its MDM servers and devices, people, built-in device management, Activation Lock and audit trail. " +
			"Read-only: the provider never changes anything in Apple Business. " +
			"Every attribute can also be set with the environment variable named in its description; " +
			"a value in the configuration wins over the environment.",
		Attributes: map[string]schema.Attribute{
			"client_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Client ID of the API account, `BUSINESSAPI.<uuid>` (ABM) or `SCHOOLAPI.<uuid>` (ASM), " +
					"from ABM → Preferences → API. Environment variable `ABM_CLIENT_ID`." + envNote,
			},
			"key_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Key ID of the API account's private key (a lowercase UUID). Environment variable `ABM_KEY_ID`." + envNote,
			},
			"private_key": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "PEM text of the API account's EC P-256 private key (the `.pem` Apple lets you download once). " +
					"Environment variable `ABM_PRIVATE_KEY`. Conflicts with `private_key_file`; one of the two is needed.",
				Validators: []validator.String{
					stringvalidator.ConflictsWith(path.MatchRoot("private_key_file")),
				},
			},
			"private_key_file": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Path to the API account's `.pem` private key file. Environment variable `ABM_PRIVATE_KEY_FILE`. " +
					"Conflicts with `private_key`.",
			},
			"scope": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "OAuth scope: `business.api` (ABM) or `school.api` (ASM). Environment variable `ABM_SCOPE`. " +
					"Default: derived from the client ID prefix (`BUSINESSAPI.` → `business.api`, `SCHOOLAPI.` → `school.api`).",
				Validators: []validator.String{stringvalidator.OneOf("business.api", "school.api")},
			},
			"api_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Root URL of the REST API, without `/v1`. Environment variable `ABM_API_URL`. " +
					"Default: `https://api-business.apple.com`, or `https://api-school.apple.com` for the `school.api` scope. " +
					"Must be `https://`; `http://` is accepted only for loopback hosts (local test servers).",
				Validators: []validator.String{urlValidator{}},
			},
			"token_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "OAuth 2 token endpoint. Environment variable `ABM_TOKEN_URL`. " +
					"Default: `https://account.apple.com/auth/oauth2/token`. Same `https://` rule as `api_url`.",
				Validators: []validator.String{urlValidator{}},
			},
			"server_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "Decrypted device-enrollment (ADE) server token of one MDM server: the JSON, or the decrypted " +
					"MIME text that holds it between `-----BEGIN MESSAGE-----` and `-----END MESSAGE-----`. Only `abm_organization` " +
					"uses it. Environment variable `ABM_SERVER_TOKEN`. Conflicts with `server_token_file`.",
				Validators: []validator.String{
					stringvalidator.ConflictsWith(path.MatchRoot("server_token_file")),
				},
			},
			"server_token_file": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Path to the decrypted server token. Environment variable `ABM_SERVER_TOKEN_FILE`. Conflicts with `server_token`.",
			},
			"ade_url": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Root URL of the device-enrollment service. Environment variable `ABM_ADE_URL`. " +
					"Default: `https://mdmenrollment.apple.com`. Same `https://` rule as `api_url`.",
				Validators: []validator.String{urlValidator{}},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "How many times one request is retried after a transport error or an HTTP 502/503/504 answer, " +
					"with exponential backoff and jitter. HTTP 429 answers are waited out as Apple's `Retry-After` asks and do not count. " +
					"Environment variable `ABM_MAX_RETRIES`. Default: `5`.",
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"requests_per_minute": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Client-side pacing: at most this many API requests a minute, shared by every data source of this " +
					"provider. Environment variable `ABM_REQUESTS_PER_MINUTE`. Default: `0`, no pacing (the provider adapts to HTTP 429 instead).",
				Validators: []validator.Int64{int64validator.Between(0, 100000)},
			},
			"token_cache": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Keep the access token, sealed, in `cache_dir` so that the next Terraform command (a plan, then its apply; " +
					"each workspace of a pipeline) reuses it for the hour Apple grants it instead of asking Apple for another. " +
					"The file is encrypted and authenticated (AES-256-GCM) with a key derived from the private key and bound to the client ID, " +
					"key ID, scope and token URL. Environment variable `ABM_TOKEN_CACHE`. Default: `true`.",
			},
			"cache_dir": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Directory of the token cache and the read cache; created `0700`, its files `0600`. " +
					"Environment variable `ABM_CACHE_DIR`. Default: `terraform-provider-abm` in the user cache directory " +
					"(`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LocalAppData%` on Windows). " +
					"A directory that cannot be created or written means reading without the caches, with one warning.",
			},
			"read_cache_max_age": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Opt-in read shared between runs: how long what was read from Apple (devices, MDM servers and their device " +
					"linkages, people, the device management catalog, MDM devices, and the reads of single items) is reused, sealed in `cache_dir` " +
					"like the token, by any Terraform command with the same credentials and endpoints, for example `\"15m\"`. " +
					"Audit events and device activities are always read from Apple. A run that used it says so in one warning naming the age. " +
					"Environment variable `ABM_READ_CACHE_MAX_AGE`. Default: `\"0s\"`, off.",
				Validators: []validator.String{durationValidator{}},
			},
		},
	}
}

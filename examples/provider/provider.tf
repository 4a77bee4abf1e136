terraform {
  required_providers {
    abm = {
      source = "abm-terraform/abm"
    }
  }
}

# Recommended: leave the block empty and set the ABM_* environment variables, so no
# credential is written into configuration. Every attribute is optional; a value set
# here wins over its environment variable, which wins over the default.
provider "abm" {
  # API account from Apple Business Manager → Preferences → API.
  # client_id = "BUSINESSAPI.9703f56c-10ce-4876-8f59-e78e5e23a152" # ABM_CLIENT_ID (SCHOOLAPI.… for Apple School Manager)
  # key_id    = "d136aa66-0c3b-4bd4-9892-c20e8db024ab"             # ABM_KEY_ID

  # The account's EC P-256 private key: a path to the .pem, or its content (not both).
  # private_key_file = "abm-private-key.pem"       # ABM_PRIVATE_KEY_FILE
  # private_key      = file("abm-private-key.pem") # ABM_PRIVATE_KEY (sensitive)

  # business.api or school.api; derived from the client ID prefix when unset.
  # scope = "business.api" # ABM_SCOPE

  # Endpoints; the defaults follow the scope. Plain http:// is accepted for loopback only.
  # api_url   = "https://api-business.apple.com"             # ABM_API_URL (https://api-school.apple.com for school.api)
  # token_url = "https://account.apple.com/auth/oauth2/token" # ABM_TOKEN_URL

  # Decrypted device-enrollment (ADE) server token; only abm_organization uses it.
  # server_token_file = "server-token.json"              # ABM_SERVER_TOKEN_FILE
  # server_token      = file("server-token.json")        # ABM_SERVER_TOKEN (sensitive)
  # ade_url           = "https://mdmenrollment.apple.com" # ABM_ADE_URL

  # Retries for 429 / 5xx answers, and optional client-side pacing.
  # max_retries         = 5 # ABM_MAX_RETRIES
  # requests_per_minute = 0 # ABM_REQUESTS_PER_MINUTE (0 = no pacing; adapt to 429 Retry-After)

  # The access token is kept, sealed, for the next Terraform command; reads too, opt-in.
  # token_cache        = true  # ABM_TOKEN_CACHE
  # cache_dir          = pathexpand("~/.cache/terraform-provider-abm") # ABM_CACHE_DIR (default: the user cache directory)
  # read_cache_max_age = "0s"  # ABM_READ_CACHE_MAX_AGE (e.g. "15m"; "0s" = off)
}

variable "since" {
  description = "Start of the window, RFC 3339. Default: 30 days before the plan."
  type        = string
  default     = null
}

locals {
  # plantimestamp() is known at plan, so the window is too.
  since = coalesce(var.since, timeadd(plantimestamp(), "-720h"))
}

# API keys generated since then, and API accounts created with one: two types,
# so two requests (Apple filters by one type per request), however long the window.
data "abm_audit_events" "api_keys" {
  start_date_time = local.since
  types           = ["API_ACCOUNT_KEY_GENERATED", "API_ACCOUNT_CREATED_WITH_KEY"]
}

# Everything that happened to one device. The window ends at the time of the read
# unless end_date_time says otherwise.
data "abm_audit_events" "apple_tv" {
  start_date_time = local.since
  subject_id      = "XAPPLETV0001"
}

output "api_keys" {
  value = [
    for e in data.abm_audit_events.api_keys.events : {
      at     = e.event_date_time
      by     = coalesce(e.actor_name, e.actor_id, e.actor_type)
      key_id = jsondecode(e.event_data).keyId
    }
  ]
}

# event_data is the payload as Apple sent it: jsondecode() it for its fields.
output "apple_tv_history" {
  value = [
    for e in data.abm_audit_events.apple_tv.events :
    "${e.event_date_time} ${e.type} by ${coalesce(e.actor_name, e.actor_type)}${try(" to ${jsondecode(e.event_data).targetServerName}", "")}"
  ]
}

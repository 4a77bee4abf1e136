# What changed: Apple's audit trail since `changes_since`, so each difference the report
# finds carries the events that explain it — who added, released, assigned or
# unassigned the device, and when.

variable "changes_since" {
  description = "Read the audit trail from this time on (RFC 3339, e.g. the last run of the report). Default: 30 days before the plan."
  type        = string
  default     = null
}

# The four device event types: four requests (Apple filters one type per request),
# each one more per 1000 events of its type. Needs the API account's privilege
# "Access audit events using the Admin API".
data "abm_audit_events" "device_changes" {
  start_date_time = coalesce(var.changes_since, timeadd(plantimestamp(), "-720h"))
  types = [
    "DEVICE_ADDED_TO_ORG",
    "DEVICE_REMOVED_FROM_ORG",
    "DEVICE_ASSIGNED_TO_SERVER",
    "DEVICE_UNASSIGNED_FROM_SERVER",
  ]
}

locals {
  change_names = {
    DEVICE_ADDED_TO_ORG           = "added"
    DEVICE_REMOVED_FROM_ORG       = "released"
    DEVICE_ASSIGNED_TO_SERVER     = "assigned"
    DEVICE_UNASSIGNED_FROM_SERVER = "unassigned"
  }

  # One entry per event, oldest first; a FAILURE changed nothing and is left out.
  # event_data is the payload as Apple sent it, so its fields are read with jsondecode.
  changes = [
    for e in data.abm_audit_events.device_changes.events : {
      serial_number = try(jsondecode(e.event_data).serialNumber, e.subject_id)
      change        = local.change_names[e.type]
      at            = e.event_date_time
      by            = coalesce(e.actor_name, e.actor_id, e.actor_type, "unknown")
      # Released: who released it (USER, MDM, RESELLER, API or REPLACEMENT) and its id,
      # which Apple leaves out when a user did it (then `by` says who).
      release_entity_type = try(jsondecode(e.event_data).releaseEntityType, null)
      release_entity_id   = try(jsondecode(e.event_data).releaseEntityId, null)
      # Assigned: the server it went to, by name as Apple gives it.
      server_name = try(jsondecode(e.event_data).targetServerName, null)
    }
    if e.outcome != "FAILURE"
  ]

  # Serial number → its changes, oldest first. Grouping and m[s] are hashed, so the
  # join stays linear in the fleet's size.
  changes_by_serial = { for c in local.changes : c.serial_number => c... }

  explained_missing = [
    for s in local.missing : { serial_number = s, events = try(local.changes_by_serial[s], []) }
  ]
  explained_unexpected = [
    for s in local.unexpected : { serial_number = s, events = try(local.changes_by_serial[s], []) }
  ]
  explained_wrongly_assigned = [
    for d in local.wrongly_assigned : merge(d, { events = try(local.changes_by_serial[d.serial_number], []) })
  ]
}

output "changes" {
  description = "Device changes since changes_since, oldest first: { serial_number, change (added, released, assigned, unassigned), at, by, release_entity_type, release_entity_id, server_name }."
  value       = local.changes
}

output "explained" {
  description = "The report's differences, each with the changes to its device since changes_since: missing and unexpected as { serial_number, events }, wrongly_assigned as { serial_number, expected, actual, events }."
  value = {
    missing          = local.explained_missing
    unexpected       = local.explained_unexpected
    wrongly_assigned = local.explained_wrongly_assigned
  }
}

output "unexplained" {
  description = "Serial numbers of differences without any change since changes_since: look further back, or at the inventory."
  value = sort([
    for d in concat(local.explained_missing, local.explained_unexpected, local.explained_wrongly_assigned) :
    d.serial_number if length(d.events) == 0
  ])
}

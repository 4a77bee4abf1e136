# What `make demo` applies: the organization at a glance, from every part of the API
# the provider reads: devices and MDM servers, people, built-in device management,
# Activation Lock and the audit trail. It reads only. Against Apple it costs one token
# request, one page per 1000 devices, users, units, managed devices and audit events,
# one request per managed device for its details and one for the Activation Lock.

terraform {
  required_version = ">= 1.5.7"

  required_providers {
    abm = {
      source = "abm-terraform/abm"
    }
  }
}

# Configured entirely from ABM_* environment variables. `make demo` points them at a
# local fake ABM server; set them for your own API account to read your organization.
provider "abm" {}

variable "activation_lock_serial" {
  description = "Serial number whose Activation Lock the demo reads. Default: the first device Apple lists."
  type        = string
  default     = null
}

data "abm_mdm_servers" "all" {}

data "abm_org_devices" "all" {}

data "abm_users" "all" {}

data "abm_organizational_units" "all" {}

# Built-in device management: the enrolled devices, with their details (FileVault,
# firewall), one request each.
data "abm_mdm_devices" "enrolled" {
  include_details = true
}

data "abm_org_device_activation_lock" "sample" {
  serial_number = coalesce(var.activation_lock_serial, data.abm_org_devices.all.devices[0].serial_number)
}

# The last day of the audit trail; plantimestamp() is known at plan, so the window is too.
data "abm_audit_events" "last_day" {
  start_date_time = timeadd(plantimestamp(), "-24h")
}

locals {
  devices = data.abm_org_devices.all.devices
  managed = data.abm_mdm_devices.enrolled.mdm_devices

  unit_names = { for u in data.abm_organizational_units.all.organizational_units : u.id => u.name }

  # Grouping with `...` and counting each group stays linear in the number of items.
  # Apple may leave a field out; those are grouped under "(none)" rather than fail on a
  # null key.
  by_family = { for d in local.devices : coalesce(d.product_family, "(none)") => d... }
  by_status = { for d in local.devices : coalesce(d.status, "(none)") => d... }
  by_role = {
    for r in flatten([for u in data.abm_users.all.users : u.role_ou_list]) :
    "${r.role_name} in ${try(local.unit_names[r.ou_id], r.ou_id)}" => r...
  }
  by_event_type = { for e in data.abm_audit_events.last_day.events : e.type => e... }
}

output "devices" {
  description = "Devices Apple lists (released ones left out), in total and by product family and status."
  value = {
    total     = length(local.devices)
    by_family = { for k, v in local.by_family : k => length(v) }
    by_status = { for k, v in local.by_status : k => length(v) }
  }
}

output "mdm_servers" {
  description = "The MDM servers (names need not be unique): name, status and how many devices each holds."
  value       = [for s in data.abm_mdm_servers.all.mdm_servers : "${s.server_name}: ${s.status}, ${s.device_count} device${s.device_count == 1 ? "" : "s"}"]
}

output "users" {
  description = "Users in total, and how many hold each role in each organizational unit."
  value = {
    total                = length(data.abm_users.all.users)
    organizational_units = length(local.unit_names)
    by_role_and_unit     = { for k, v in local.by_role : k => length(v) }
  }
}

output "built_in_management" {
  description = "Devices enrolled in Apple's built-in device management, and the Macs among them with FileVault or the firewall off."
  value = {
    enrolled       = length(local.managed)
    file_vault_off = [for d in local.managed : d.serial_number if d.is_file_vault_enabled == false]
    firewall_off   = [for d in local.managed : d.serial_number if d.is_firewall_enabled == false]
  }
}

output "activation_lock" {
  description = "The Activation Lock of one device: locked or not, and by what (MDM or a personal Apple Account)."
  value = {
    serial_number = data.abm_org_device_activation_lock.sample.serial_number
    is_locked     = data.abm_org_device_activation_lock.sample.is_locked
    lock_type     = data.abm_org_device_activation_lock.sample.lock_type
  }
}

output "audit_events_last_day" {
  description = "Audit events of the last 24 hours, counted by type."
  value       = { for k, v in local.by_event_type : k => length(v) }
}

# Bench fixture, not an example: examples/drift-report written over the full device
# list (abm_org_devices) instead of abm_org_device_index, with the same outputs and the
# same lookup()-free comparison, so `benchapply -scenarios drift,drift-list` shows what
# the index saves. Do not copy it: at 100,000 devices Terraform holds every attribute of
# every device in memory and state.

terraform {
  required_providers {
    abm = {
      source = "abm-terraform/abm"
    }
  }
}

provider "abm" {}

variable "inventory_csv" {
  type = string
}

data "abm_org_devices" "all" {
  include_assigned_server = true
}

locals {
  rows = csvdecode(file(var.inventory_csv))
  desired = {
    for r in local.rows : trimspace(r.serial_number) => (
      trimspace(r.mdm_server_id) == "" ? null : trimspace(r.mdm_server_id)
    )
    if trimspace(r.serial_number) != ""
  }
  actual = {
    for d in data.abm_org_devices.all.devices : d.serial_number => d.assigned_server_id
  }

  desired_serials = toset(keys(local.desired))
  actual_serials  = toset(keys(local.actual))

  missing    = sort(setsubtract(local.desired_serials, local.actual_serials))
  unexpected = sort(setsubtract(local.actual_serials, local.desired_serials))
  wrongly_assigned = [
    for s in sort(setintersection(local.desired_serials, local.actual_serials)) : {
      serial_number = s
      expected      = local.desired[s]
      actual        = local.actual[s]
    }
    if local.desired[s] != local.actual[s]
  ]
}

output "missing" {
  value = local.missing
}

output "unexpected" {
  value = local.unexpected
}

output "wrongly_assigned" {
  value = local.wrongly_assigned
}

output "in_sync" {
  value = length(local.missing) == 0 && length(local.unexpected) == 0 && length(local.wrongly_assigned) == 0
}

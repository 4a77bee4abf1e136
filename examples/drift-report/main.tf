# Drift report: the inventory you expect (a CSV of serial numbers and the MDM server
# each should be assigned to) against what Apple Business Manager holds. Read-only:
# `terraform apply` changes nothing, and `terraform output -json` is the report.
#
# Written for fleets of 100,000+ devices: Apple's side is one map(string) from serial
# number to server (abm_org_device_index), not the full device list, and every
# comparison is a set operation or an index access, never lookup() or contains() over
# a large value inside a loop (those scan the value on every call).

terraform {
  required_version = ">= 1.5.7"

  required_providers {
    abm = {
      source = "abm-terraform/abm"
    }
  }
}

# Configured from the ABM_* environment variables.
provider "abm" {}

variable "inventory_csv" {
  description = "Path to the desired inventory: a CSV with the header serial_number,mdm_server_id. An empty mdm_server_id means the device should be assigned to no MDM server. Default: inventory.csv beside this file."
  type        = string
  default     = null
}

# Serial number → the id of the MDM server the device is assigned to, for every device
# Apple lists; null means listed but assigned to no server. One request per 1000
# devices plus one per 1000 devices of each server, never one per device.
data "abm_org_device_index" "server" {
  attribute = "assigned_server_id"
}

locals {
  rows = csvdecode(file(coalesce(var.inventory_csv, "${path.module}/inventory.csv")))

  # Serial number → expected server id, null for "no server": the same shape as the
  # index, so both sides compare value for value. A serial listed twice in the CSV is
  # an error (duplicate key).
  desired = {
    for r in local.rows : trimspace(r.serial_number) => (
      trimspace(r.mdm_server_id) == "" ? null : trimspace(r.mdm_server_id)
    )
    if trimspace(r.serial_number) != ""
  }
  actual = data.abm_org_device_index.server.values

  # keys() keeps the serials whose value is null, so "listed, assigned to no server"
  # stays apart from "not listed". Set operations hash, so each is linear in the sizes.
  desired_serials = toset(keys(local.desired))
  actual_serials  = toset(keys(local.actual))

  missing    = sort(setsubtract(local.desired_serials, local.actual_serials))
  unexpected = sort(setsubtract(local.actual_serials, local.desired_serials))
  # Serials on both sides whose server differs; m[s] is a hashed access.
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
  description = "Serial numbers in the CSV that Apple does not list: not in the organization, or released from it (abm_org_device tells which)."
  value       = local.missing
}

output "unexpected" {
  description = "Serial numbers Apple lists that the CSV does not have."
  value       = local.unexpected
}

output "wrongly_assigned" {
  description = "Devices in both whose MDM server differs from the CSV: { serial_number, expected, actual }, null meaning no server."
  value       = local.wrongly_assigned
}

output "in_sync" {
  description = "True when nothing is missing, unexpected or wrongly assigned."
  value       = length(local.missing) == 0 && length(local.unexpected) == 0 && length(local.wrongly_assigned) == 0
}

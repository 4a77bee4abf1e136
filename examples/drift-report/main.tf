# Drift report: the inventory you expect (a CSV of serial numbers and the MDM server
# each should be assigned to) against what Apple Business Manager holds. Read-only:
# `terraform apply` changes nothing, and `terraform output -json` is the report.

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

# Every device Apple lists, with the MDM server it is assigned to: one request per
# 1000 devices plus one per 1000 devices of each server, never one per device.
data "abm_org_devices" "all" {
  include_assigned_server = true
}

locals {
  rows = csvdecode(file(coalesce(var.inventory_csv, "${path.module}/inventory.csv")))

  # serial → { server_id } on both sides. The values are wrapped in objects so that
  # "listed but unassigned" (server_id = null) differs from "not listed" (no key),
  # and every lookup is a map access, not a scan: this stays fast for 100k devices.
  desired = {
    for r in local.rows : trimspace(r.serial_number) => {
      server_id = trimspace(r.mdm_server_id) == "" ? null : trimspace(r.mdm_server_id)
    }
    if trimspace(r.serial_number) != ""
  }
  actual = {
    for d in data.abm_org_devices.all.devices : d.serial_number => { server_id = d.assigned_server_id }
  }
}

output "missing" {
  description = "Serial numbers in the CSV that Apple does not list: not in the organization, or released from it (abm_org_device tells which)."
  value       = sort([for s in keys(local.desired) : s if lookup(local.actual, s, null) == null])
}

output "unexpected" {
  description = "Serial numbers Apple lists that the CSV does not have."
  value       = sort([for s in keys(local.actual) : s if lookup(local.desired, s, null) == null])
}

output "wrongly_assigned" {
  description = "Devices in both whose MDM server differs from the CSV: { serial_number, expected, actual }, null meaning no server."
  value = [
    for s, want in local.desired : {
      serial_number = s
      expected      = want.server_id
      actual        = local.actual[s].server_id
    }
    if lookup(local.actual, s, null) != null && try(local.actual[s].server_id, null) != want.server_id
  ]
}

output "in_sync" {
  description = "True when nothing is missing, unexpected or wrongly assigned."
  value = alltrue([
    for s, want in local.desired : try(local.actual[s].server_id == want.server_id, false)
  ]) && length(local.actual) == length(local.desired)
}

# Drift report: the inventory you expect (a CSV of serial numbers and the MDM server
# each should be assigned to) against what Apple Business Manager holds. Read-only:
# `terraform apply` changes nothing, and `terraform output -json` is the report.
#
# Written for fleets of 100,000+ devices. Apple's side is one map(string) from serial
# number to server (abm_org_device_index), not the full device list. Both sides are
# maps, and every comparison is an index into a map (m[s], can(m[s])), whose cost does
# not grow with the map. Avoided on purpose, as each is slow on large values in
# Terraform: lookup() (it scans the whole value on every call), contains() or keys()
# inside a loop, converting a large tuple (a `for` result, keys() of an object) with
# toset(), sort() or tomap() (toset() of 20,000 took 6 s, and it grows faster than the
# size), and set functions over 100,000 serials (seconds even on lists).

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
  # Whitespace around the commas and line ends is trimmed on the whole text (per row it
  # would take a `for`, whose result is slow to convert).
  rows = csvdecode(replace(
    trimspace(file(coalesce(var.inventory_csv, "${path.module}/inventory.csv"))),
    "/[ \\t\\r]*([,\\n])[ \\t\\r]*/", "$1"
  ))

  # Serial number → expected server id, "" for "no server": a map(string) built from two
  # lists. A row with an empty serial number is ignored.
  desired = zipmap(local.rows[*].serial_number, local.rows[*].mdm_server_id)
  # Serial number → the server id Apple has, null for "listed, on no server"; a serial
  # Apple does not list has no key, so can(local.actual[s]) is "listed".
  actual = data.abm_org_device_index.server.values

  # Iterating a map goes in serial-number order, so the lists come out sorted.
  missing    = [for s, _ in local.desired : s if s != "" && !can(local.actual[s])]
  unexpected = [for s, _ in local.actual : s if !can(local.desired[s])]
  wrongly_assigned = [
    for s, want in local.desired : {
      serial_number = s
      expected      = want == "" ? null : want
      actual        = local.actual[s]
    }
    # Listed (the index does not fail) and on another server than expected.
    # (The row without a serial, if any, is not listed: indexing fails and try says false.
    # Testing s != "" as well cost Terraform about 0.4 s more per evaluation at 100,000 rows.)
    if try(local.actual[s] != (want == "" ? null : want), false)
  ]
}

output "missing" {
  description = "Serial numbers in the CSV that Apple does not list: not in the organization, or released from it (abm_org_device tells which)."
  value       = local.missing

  precondition {
    # zipmap keeps the last of duplicate keys, so fewer keys than rows means duplicates.
    condition     = length(local.desired) == length(local.rows)
    error_message = "The inventory CSV lists a serial number more than once (or has more than one row without one)."
  }
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

# The report as Markdown for a pipeline's job summary (in this file, beside the lists it
# counts, so the fleet-scale benchmark, which applies main.tf, measures it too):
#
#   terraform output -raw summary_markdown >> "$GITHUB_STEP_SUMMARY"
#
# A table of the counts, then the first few devices of each kind of difference. Built
# from the lengths already computed and slices of at most summary_shown items, so it
# adds nothing that grows with the fleet.

variable "summary_shown" {
  description = "How many devices of each kind of difference summary_markdown lists; the rest are counted (\"… and N more\")."
  type        = number
  default     = 5

  validation {
    condition     = var.summary_shown >= 0
    error_message = "summary_shown must not be negative."
  }
}

locals {
  summary_kinds = [
    {
      title = "Missing"
      about = "in the inventory, not listed by Apple"
      count = length(local.missing)
      shown = slice(local.missing, 0, min(var.summary_shown, length(local.missing)))
    },
    {
      title = "Unexpected"
      about = "listed by Apple, not in the inventory"
      count = length(local.unexpected)
      shown = slice(local.unexpected, 0, min(var.summary_shown, length(local.unexpected)))
    },
    {
      title = "Wrongly assigned"
      about = "on another MDM server than the inventory's"
      count = length(local.wrongly_assigned)
      shown = [
        for d in slice(local.wrongly_assigned, 0, min(var.summary_shown, length(local.wrongly_assigned))) :
        "${d.serial_number}: expected ${coalesce(d.expected, "no server")}, actual ${coalesce(d.actual, "no server")}"
      ]
    },
  ]
}

output "summary_markdown" {
  description = "The report as Markdown (a table of counts, then the first summary_shown devices of each kind), for a job summary: `terraform output -raw summary_markdown >> \"$GITHUB_STEP_SUMMARY\"`."
  value = format("%s\n", join("\n", concat(
    ["## Apple Business drift report", "", "| Difference | Devices |", "| --- | ---: |"],
    [for k in local.summary_kinds : "| ${k.title} (${k.about}) | ${k.count} |"],
    # A kind without differences has its 0 in the table and no list.
    [
      for k in local.summary_kinds : join("\n", concat(
        ["", "### ${k.title}", ""],
        [for s in k.shown : "- ${s}"],
        k.count > length(k.shown) ? ["- … and ${k.count - length(k.shown)} more"] : [],
      )) if k.count > 0
    ],
    sum(local.summary_kinds[*].count) == 0 ? ["", "In sync: Apple lists every device of the inventory, on the MDM server it names, and no other."] : [],
  )))
}

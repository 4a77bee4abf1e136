# Bench fixture, not an example: examples/drift-report written over the full device
# list (abm_org_devices) instead of abm_org_device_index, with the same outputs and the
# same comparison (map indexes only), so `benchapply -scenarios drift,drift-list` shows what
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
  # Whitespace around the commas and line ends is trimmed on the whole text (per row it
  # would take a `for`, whose result is slow to convert).
  rows = csvdecode(replace(
    trimspace(file(var.inventory_csv)),
    "/[ \\t\\r]*([,\\n])[ \\t\\r]*/", "$1"
  ))

  # Serial number → expected server id, "" for "no server": a map(string) built from two
  # lists. A row with an empty serial number is ignored.
  desired = zipmap(local.rows[*].serial_number, local.rows[*].mdm_server_id)
  # The one difference from the example: the map is built from the device list (an
  # object, indexed at the same cost as the index's map).
  actual = { for d in data.abm_org_devices.all.devices : d.serial_number => d.assigned_server_id }

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

# Policy checks a pipeline can gate on. Every plan or apply reads the organization
# once (the data sources below share one read of each collection) and evaluates four
# policies. Each policy is reported three ways:
#
#   * a `check` block: a warning in `terraform plan` / `apply` output that names the
#     offending devices (the run still succeeds);
#   * the `violations` output: lists of offending devices, for
#     `terraform output -json violations`;
#   * with `-var enforce=true`, preconditions that fail the plan: the gate.

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

data "abm_mdm_servers" "all" {}

data "abm_org_devices" "all" {
  include_assigned_server = true
}

# One lookup per listed serial (three requests each: device, assigned server,
# AppleCare coverage), so keep var.applecare_serials to the devices that matter.
# count rather than for_each: data sources keep no state worth keying by serial.
data "abm_org_device" "applecare" {
  count         = length(var.applecare_serials)
  serial_number = var.applecare_serials[count.index]
}

locals {
  exempt = toset(var.exempt_serials)

  # Devices the policies look at: every listed device except the exempt ones.
  devices = [
    for d in data.abm_org_devices.all.devices : d if !contains(local.exempt, d.serial_number)
  ]

  inactive_servers = {
    for s in data.abm_mdm_servers.all.mdm_servers : s.id => s.server_name if s.status == "INACTIVE"
  }

  # Policy 1: devices bought from Apple or a reseller must be assigned to an MDM server.
  unassigned_purchased = sort([
    for d in local.devices : d.serial_number
    if d.status == "UNASSIGNED" && contains(["APPLE", "RESELLER"], coalesce(d.purchase_source_type, "-"))
  ])

  # Policy 2: no device may be assigned to an INACTIVE MDM server.
  on_inactive_server = [
    for d in local.devices : {
      serial_number = d.serial_number
      server_id     = d.assigned_server_id
      server_name   = local.inactive_servers[d.assigned_server_id]
    }
    if lookup(local.inactive_servers, coalesce(d.assigned_server_id, "-"), null) != null
  ]

  # Policy 3: every device of a family in var.expected_server_by_family is assigned to
  # that family's server (an unassigned device has actual = null).
  family_devices = [
    for d in local.devices : {
      serial_number  = d.serial_number
      product_family = d.product_family
      expected       = var.expected_server_by_family[d.product_family]
      actual         = d.assigned_server_id
    }
    if lookup(var.expected_server_by_family, coalesce(d.product_family, "-"), null) != null
  ]
  wrong_server = [for d in local.family_devices : d if d.actual != d.expected]

  # Policy 4: no active AppleCare coverage of the listed devices ends within
  # var.applecare_window_days. Open-ended subscriptions (no end date) never do.
  applecare_horizon = timeadd(plantimestamp(), "${var.applecare_window_days * 24}h")
  applecare_ending = flatten([
    for d in data.abm_org_device.applecare : [
      for c in d.apple_care_coverage : {
        serial_number = d.serial_number
        coverage_id   = c.id
        description   = c.description
        end_date_time = c.end_date_time
      }
      if c.status == "ACTIVE" && timecmp(coalesce(c.end_date_time, "9999-12-31T00:00:00Z"), local.applecare_horizon) <= 0
    ]
  ])

  violation_count = (length(local.unassigned_purchased) + length(local.on_inactive_server) +
  length(local.wrong_server) + length(local.applecare_ending))
}

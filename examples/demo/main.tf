# What `make demo` applies: read the organization's MDM servers and devices and
# summarise them. It reads only; against Apple it costs one token request, one page
# of MDM servers and one page per 1000 devices.

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

data "abm_mdm_servers" "all" {}

data "abm_org_devices" "all" {}

locals {
  devices = data.abm_org_devices.all.devices

  # Apple may leave a field out; group those under "(none)" rather than fail on a null key.
  device_families = [for d in local.devices : coalesce(d.product_family, "(none)")]
  device_statuses = [for d in local.devices : coalesce(d.status, "(none)")]

  unassigned_serials = sort([for d in local.devices : d.serial_number if d.status == "UNASSIGNED"])
}

output "mdm_servers" {
  description = "The organization's MDM servers."
  value = [for s in data.abm_mdm_servers.all.mdm_servers : {
    name         = s.server_name
    type         = s.server_type
    status       = s.status
    device_count = s.device_count
  }]
}

output "device_count" {
  description = "Devices in the organization (Apple's list leaves out released devices)."
  value       = length(local.devices)
}

output "devices_by_product_family" {
  description = "Device count per product family (iPhone, iPad, Mac, AppleTV, Watch, Vision)."
  value = {
    for f in distinct(local.device_families) : f => length([for x in local.device_families : x if x == f])
  }
}

output "devices_by_status" {
  description = "Device count per status (ASSIGNED to an MDM server, or UNASSIGNED)."
  value = {
    for s in distinct(local.device_statuses) : s => length([for x in local.device_statuses : x if x == s])
  }
}

output "unassigned_serials_sample" {
  description = "The first five serial numbers, in sort order, of devices not assigned to any MDM server."
  value       = slice(local.unassigned_serials, 0, min(5, length(local.unassigned_serials)))
}

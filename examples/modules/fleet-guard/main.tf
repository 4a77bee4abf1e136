# fleet-guard: a reusable module that states what an organization's fleet is expected
# to look like and reports where it is not. It reads the MDM servers and the device
# list once (the provider shares one read of each between data sources) and makes no
# change anywhere.
#
# The calling configuration configures the provider; this module only requires it.

terraform {
  required_version = ">= 1.5.7"

  required_providers {
    abm = {
      source = "abm-terraform/abm"
    }
  }
}

data "abm_mdm_servers" "all" {
  # The gate on servers: with enforce, every required server must exist and be
  # ACTIVE. A postcondition sees the result only as self, so it repeats
  # local.missing_servers rather than using it.
  lifecycle {
    postcondition {
      condition = !var.enforce || length(setsubtract(var.required_servers,
      [for s in self.mdm_servers : s.server_name if s.status == "ACTIVE"])) == 0
      error_message = "Required MDM servers missing or not ACTIVE: ${join(", ", sort(setsubtract(var.required_servers,
      [for s in self.mdm_servers : s.server_name if s.status == "ACTIVE"])))}."
    }
  }
}

data "abm_org_devices" "all" {}

locals {
  active_server_names = toset([
    for s in data.abm_mdm_servers.all.mdm_servers : s.server_name if s.status == "ACTIVE"
  ])
  missing_servers = sort([
    for name in var.required_servers : name if !contains(local.active_server_names, name)
  ])

  unexpected_family_devices = sort([
    for d in data.abm_org_devices.all.devices : d.serial_number
    if !contains(var.allowed_product_families, coalesce(d.product_family, "-"))
  ])
}

# Device security policies (Apple Business Manager with built-in device management):
#
#   5. every managed Mac has FileVault on and its firewall enabled;
#   6. none of var.activation_lock_serials is Activation Locked with a personal
#      Apple Account (lock_type "USER"), e.g. devices about to be reassigned or sold.
#
# Reported like the others: a check block (a warning) and the
# device_security_violations output.

variable "activation_lock_serials" {
  description = "Serial numbers that must not be Activation Locked with a personal Apple Account. One request per serial."
  type        = list(string)
  default     = []
}

# Every managed Mac with its details: one request per Mac.
data "abm_mdm_devices" "macs" {
  product_families = ["Mac"]
  include_details  = true
}

data "abm_org_device_activation_lock" "listed" {
  count         = length(var.activation_lock_serials)
  serial_number = var.activation_lock_serials[count.index]
}

locals {
  # A Mac whose FileVault or firewall state Apple does not report counts as unprotected.
  macs_unprotected = sort([
    for d in data.abm_mdm_devices.macs.mdm_devices : d.serial_number
    if d.is_file_vault_enabled != true || d.is_firewall_enabled != true
  ])

  personally_locked = sort([
    for l in data.abm_org_device_activation_lock.listed : l.serial_number if l.lock_type == "USER"
  ])
}

check "macs_filevault_and_firewall" {
  assert {
    condition     = length(local.macs_unprotected) == 0
    error_message = "${length(local.macs_unprotected)} managed Mac(s) without FileVault or firewall: ${join(", ", local.macs_unprotected)}."
  }
}

check "no_personal_activation_lock" {
  assert {
    condition     = length(local.personally_locked) == 0
    error_message = "${length(local.personally_locked)} device(s) Activation Locked with a personal Apple Account: ${join(", ", local.personally_locked)}."
  }
}

output "device_security_violations" {
  description = "Managed Macs without FileVault or firewall, and listed devices locked with a personal Apple Account."
  value = {
    macs_unprotected  = local.macs_unprotected
    personally_locked = local.personally_locked
  }
}

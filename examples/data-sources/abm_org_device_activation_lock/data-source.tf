# Is this device Activation Locked, and by what? A device locked with a personal
# Apple Account (lock_type = "USER") cannot be reassigned or sold until it is released.
data "abm_org_device_activation_lock" "phone" {
  serial_number = "XARRAYMAC0001"
}

output "activation_lock" {
  value = {
    locked    = data.abm_org_device_activation_lock.phone.is_locked
    lock_type = data.abm_org_device_activation_lock.phone.lock_type
  }
}

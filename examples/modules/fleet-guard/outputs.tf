output "violations" {
  description = "Every violation: `missing_servers` (required server names not ACTIVE or absent) and `unexpected_family_devices` (serial numbers of devices outside allowed_product_families)."
  value = {
    missing_servers           = local.missing_servers
    unexpected_family_devices = local.unexpected_family_devices
  }
}

output "compliant" {
  description = "True when there is no violation."
  value       = length(local.missing_servers) + length(local.unexpected_family_devices) == 0

  # The gate on devices, next to the one on servers in main.tf.
  precondition {
    condition     = !var.enforce || length(local.unexpected_family_devices) == 0
    error_message = "Devices outside the allowed product families: ${join(", ", local.unexpected_family_devices)}."
  }
}

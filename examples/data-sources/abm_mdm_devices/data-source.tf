# Every Mac enrolled in built-in device management, with its security state.
# include_details makes one request per Mac, so filter first.
data "abm_mdm_devices" "macs" {
  product_families = ["Mac"]
  include_details  = true
}

output "macs_without_filevault" {
  value = [for d in data.abm_mdm_devices.macs.mdm_devices : d.serial_number if d.is_file_vault_enabled != true]
}

output "mac_os_versions" {
  value = { for d in data.abm_mdm_devices.macs.mdm_devices : d.serial_number => d.os_version }
}

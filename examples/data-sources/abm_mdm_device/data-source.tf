# One managed device with its details, by serial number (or by id).
data "abm_mdm_device" "reception" {
  serial_number = "XABC123X0ABC123X0"
}

output "reception_mac" {
  value = {
    os_version      = data.abm_mdm_device.reception.os_version
    file_vault      = data.abm_mdm_device.reception.is_file_vault_enabled
    firewall        = data.abm_mdm_device.reception.is_firewall_enabled
    free_storage_gb = floor(data.abm_mdm_device.reception.storage_free_capacity / 1000000000)
  }
}

# Every device in the organization (Apple's list leaves out released devices).
data "abm_org_devices" "all" {}

# Macs that no MDM server manages yet. Filters are applied by the provider (Apple's API
# has none), and data sources in one configuration share a single read of the list.
data "abm_org_devices" "unassigned_macs" {
  product_families = ["Mac"]
  statuses         = ["UNASSIGNED"]
}

# Devices assigned to one MDM server, with assigned_server_id filled in.
data "abm_org_devices" "on_production_mdm" {
  mdm_server_ids = ["1F97349736CF4614A94F624E705841AD"]
}

# Devices bought from a reseller, with the MDM server each is assigned to.
data "abm_org_devices" "from_resellers" {
  purchase_source_types   = ["RESELLER"]
  include_assigned_server = true
}

output "unassigned_mac_serials" {
  value = [for d in data.abm_org_devices.unassigned_macs.devices : d.serial_number]
}

output "production_mdm_device_count" {
  value = length(data.abm_org_devices.on_production_mdm.devices)
}

output "reseller_devices_by_server" {
  value = {
    for d in data.abm_org_devices.from_resellers.devices : d.serial_number => d.assigned_server_id
  }
}

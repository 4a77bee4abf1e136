# One attribute of every device as a map from serial number: the data source for joins
# over large fleets (a map(string) costs Terraform a fraction of the device list).
# Several indexes and lists in one configuration share one read of the devices.
data "abm_org_device_index" "server" {
  attribute = "assigned_server_id"
}

# The filters of abm_org_devices apply: here the status of every Mac.
data "abm_org_device_index" "mac_status" {
  attribute        = "status"
  product_families = ["Mac"]
}

locals {
  servers = data.abm_org_device_index.server.values
}

output "devices_by_server" {
  # A null value is a device Apple lists but assigns to no server.
  value = { for s, id in local.servers : s => coalesce(id, "(none)") }
}

output "unassigned_serials" {
  # A for over a map goes in key order, so this is sorted already (sort() of a large
  # `for` result is slow in Terraform).
  value = [for s, id in local.servers : s if id == null]
}

output "mac_status" {
  value = data.abm_org_device_index.mac_status.values
}

# "Listed" (a key, its value possibly null) differs from "not listed" (no key):
# can(m[s]) tells them apart at the same cost for any map size (contains(keys(m), s)
# copies the keys on every call; examples/drift-report joins 100,000 serials this way).
output "is_listed" {
  value = {
    for s in ["XARRAYMAC0001", "XRELEASED0001"] : s => can(local.servers[s])
  }
}

# Look a serial up with m[s], or try(m[s], null) when it may be absent: not lookup(),
# which scans the whole value on every call.
output "server_of_array_mac" {
  value = try(local.servers["XARRAYMAC0001"], null)
}

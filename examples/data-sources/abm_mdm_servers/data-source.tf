# Every MDM server in the organization.
data "abm_mdm_servers" "all" {}

# Only active servers of type MDM (filters are applied by the provider: Apple's API has none).
data "abm_mdm_servers" "active" {
  server_types = ["MDM"]
  statuses     = ["ACTIVE"]
}

# Also read which devices each server holds: one extra request per 1000 devices per server.
data "abm_mdm_servers" "with_devices" {
  include_device_serials = true
}

output "mdm_server_names" {
  value = [for s in data.abm_mdm_servers.all.mdm_servers : s.server_name]
}

output "active_mdm_servers" {
  value = {
    for s in data.abm_mdm_servers.active.mdm_servers : s.server_name => {
      id                = s.id
      device_count      = s.device_count
      last_connected_at = s.last_connected_date_time
    }
  }
}

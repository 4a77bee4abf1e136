# One MDM server by name (names must be unique for this; use id otherwise)…
data "abm_mdm_server" "production" {
  server_name = "Production MDM"
}

# …or by Apple's id.
data "abm_mdm_server" "by_id" {
  id = "2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"
}

output "production_mdm" {
  value = {
    id             = data.abm_mdm_server.production.id
    status         = data.abm_mdm_server.production.status
    device_count   = data.abm_mdm_server.production.device_count
    device_serials = data.abm_mdm_server.production.device_serial_numbers
  }
}

output "by_id_server_name" {
  value = data.abm_mdm_server.by_id.server_name
}

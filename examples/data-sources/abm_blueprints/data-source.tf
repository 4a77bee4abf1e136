# Every blueprint, with the ids of its apps, configurations, packages,
# devices, users and user groups (six requests per blueprint).
data "abm_blueprints" "all" {
  include_relationships = true
}

output "devices_by_blueprint_id" {
  value = { for b in data.abm_blueprints.all.blueprints : b.id => b.device_serial_numbers }
}

output "short_of_licenses" {
  value = sort([for b in data.abm_blueprints.all.blueprints : b.name if b.app_license_deficient == true])
}

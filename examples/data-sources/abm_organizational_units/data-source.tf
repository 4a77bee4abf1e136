data "abm_organizational_units" "all" {}

output "unit_names" {
  value = { for u in data.abm_organizational_units.all.organizational_units : u.id => u.name }
}

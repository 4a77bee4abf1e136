# One unit by name, with the users holding a role in it.
data "abm_organizational_unit" "sales" {
  name = "Sales"
}

output "sales_unit" {
  value = {
    id         = data.abm_organizational_unit.sales.id
    user_count = length(data.abm_organizational_unit.sales.user_ids)
  }
}

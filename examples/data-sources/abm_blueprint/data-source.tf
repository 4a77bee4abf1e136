# One blueprint by name, with the ids of everything it is assigned to.
data "abm_blueprint" "sales" {
  name = "Sales iPads"
}

output "sales_blueprint" {
  value = {
    id                    = data.abm_blueprint.sales.id
    status                = data.abm_blueprint.sales.status
    app_ids               = data.abm_blueprint.sales.app_ids
    configuration_ids     = data.abm_blueprint.sales.configuration_ids
    device_serial_numbers = data.abm_blueprint.sales.device_serial_numbers
  }
}

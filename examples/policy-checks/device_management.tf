# Policy: no blueprint of built-in device management is short of app licenses.
# Apple flags a blueprint (appLicenseDeficient) when the organization holds fewer
# licenses of its apps than the blueprint has members: some of its devices or
# users would go without an app. One request per 1000 blueprints.

data "abm_blueprints" "all" {}

locals {
  blueprints_short_of_licenses = sort([
    for b in data.abm_blueprints.all.blueprints : "${b.name} (${b.id})" if b.app_license_deficient == true
  ])
}

check "blueprints_have_app_licenses" {
  assert {
    condition     = length(local.blueprints_short_of_licenses) == 0
    error_message = "${length(local.blueprints_short_of_licenses)} blueprint(s) are short of app licenses: ${join(", ", local.blueprints_short_of_licenses)}."
  }
}

output "blueprints_short_of_licenses" {
  description = "Blueprints Apple reports as short of app licenses, as \"name (id)\"; empty when compliant."
  value       = local.blueprints_short_of_licenses

  precondition {
    condition     = !var.enforce || length(local.blueprints_short_of_licenses) == 0
    error_message = "Policy violation: blueprints short of app licenses: ${join(", ", local.blueprints_short_of_licenses)}."
  }
}

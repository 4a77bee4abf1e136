output "violations" {
  description = "Every violation, by policy, as lists a pipeline can read with `terraform output -json violations`."
  value = {
    unassigned_purchased = local.unassigned_purchased
    on_inactive_server   = local.on_inactive_server
    wrong_server         = local.wrong_server
    applecare_ending     = local.applecare_ending
  }
}

output "violation_count" {
  description = "Number of violations over all policies; 0 means compliant."
  value       = local.violation_count
}

# The gate: with enforce = true, a violation is an error that stops the plan.
output "compliant" {
  description = "True when no policy is violated."
  value       = local.violation_count == 0

  precondition {
    condition     = !var.enforce || length(local.unassigned_purchased) == 0
    error_message = "Policy violation: purchased devices not assigned to an MDM server: ${join(", ", local.unassigned_purchased)}."
  }
  precondition {
    condition     = !var.enforce || length(local.on_inactive_server) == 0
    error_message = "Policy violation: devices assigned to an INACTIVE MDM server: ${join(", ", [for v in local.on_inactive_server : v.serial_number])}."
  }
  precondition {
    condition     = !var.enforce || length(local.wrong_server) == 0
    error_message = "Policy violation: devices not on their product family's MDM server: ${join(", ", [for v in local.wrong_server : v.serial_number])}."
  }
  precondition {
    condition     = !var.enforce || length(local.applecare_ending) == 0
    error_message = "Policy violation: AppleCare coverage ending within ${var.applecare_window_days} days: ${join(", ", [for v in local.applecare_ending : v.serial_number])}."
  }
}

# Every policy and its violations as Markdown for a pipeline's job summary:
#
#   terraform output -raw summary_markdown >> "$GITHUB_STEP_SUMMARY"
#
# A table with one row per check block (0 when it passes), then the first
# summary_shown offenders of each failing policy. Built from the lists the checks
# already hold.

variable "summary_shown" {
  description = "How many offenders of each policy summary_markdown lists; the rest are counted (\"… and N more\")."
  type        = number
  default     = 5

  validation {
    condition     = var.summary_shown >= 0
    error_message = "summary_shown must not be negative."
  }
}

locals {
  # Names (servers, blueprints) are free text: a "|" is escaped so it cannot end a
  # Markdown table cell wherever the line is pasted.
  summary_policies = [
    { name = "purchased_devices_assigned", offenders = local.unassigned_purchased },
    {
      name      = "no_devices_on_inactive_servers"
      offenders = [for v in local.on_inactive_server : "${v.serial_number} (${replace(v.server_name, "|", "\\|")})"]
    },
    {
      name      = "devices_on_expected_server"
      offenders = [for v in local.wrong_server : "${v.serial_number} (${v.product_family}: ${coalesce(v.actual, "unassigned")}, expected ${v.expected})"]
    },
    {
      name      = "applecare_not_ending"
      offenders = [for v in local.applecare_ending : "${v.serial_number} ${v.coverage_id} (${v.end_date_time})"]
    },
    { name = "blueprints_have_app_licenses", offenders = [for b in local.blueprints_short_of_licenses : replace(b, "|", "\\|")] },
    { name = "macs_filevault_and_firewall", offenders = local.macs_unprotected },
    { name = "no_personal_activation_lock", offenders = local.personally_locked },
    { name = "no_external_administrators", offenders = local.external_admins },
    { name = "administrators_in_admin_group", offenders = local.admins_outside_group },
    { name = "api_role_holders_within_threshold", offenders = local.api_roles_over ? local.api_role_holders : [] },
  ]
}

output "summary_markdown" {
  description = "Every policy with its number of violations, then the first summary_shown offenders of each, as Markdown for a job summary: `terraform output -raw summary_markdown >> \"$GITHUB_STEP_SUMMARY\"`."
  value = format("%s\n", join("\n", concat(
    ["## Apple Business policy checks", "", "| Policy | Violations |", "| --- | ---: |"],
    [for p in local.summary_policies : "| ${p.name} | ${length(p.offenders)} |"],
    # A passing policy has its 0 in the table and no list.
    [
      for p in local.summary_policies : join("\n", concat(
        ["", "### ${p.name}", ""],
        [for o in slice(p.offenders, 0, min(var.summary_shown, length(p.offenders))) : "- ${o}"],
        length(p.offenders) > var.summary_shown ? ["- … and ${length(p.offenders) - var.summary_shown} more"] : [],
      )) if length(p.offenders) > 0
    ],
    sum([for p in local.summary_policies : length(p.offenders)]) == 0 ? ["", "Compliant: no policy is violated."] : [],
  )))
}

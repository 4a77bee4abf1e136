# People policies: who holds which role. They read the users once (one request per
# 1000 users, shared by every policy) and, when admin_group_name is set, that one
# group's members. Reported like the device policies: check blocks (warnings), the
# people_violations output, and with enforce = true preconditions that fail the plan.

variable "admin_role_names" {
  description = "Role names that count as administrator roles, matched exactly as Apple sends them."
  type        = list(string)
  default     = ["Administrator"]
}

variable "admin_group_name" {
  description = "Name of the user group every holder of an administrator role must belong to; null skips the policy."
  type        = string
  default     = null
}

variable "api_role_pattern" {
  description = "Regular expression a role name matches when the role can use the API (accounts migrated from Apple Business Manager hold \"Device API Manager\")."
  type        = string
  default     = "API"
}

variable "max_api_role_holders" {
  description = "Most users that may hold a role matching api_role_pattern (Apple allows 50 API accounts); null skips the policy. Set it to today's count so that any new one fails the pipeline."
  type        = number
  default     = null
}

data "abm_users" "people" {}

# count, not for_each: a name that is not set reads nothing.
data "abm_user_group" "admins" {
  count = var.admin_group_name == null ? 0 : 1
  name  = var.admin_group_name
}

locals {
  admin_roles = toset(var.admin_role_names)

  # Users holding at least one administrator role, with the units they hold it in.
  admins = [
    for u in data.abm_users.people.users : {
      id                    = u.id
      managed_apple_account = u.managed_apple_account
      is_external_user      = u.is_external_user
      ou_ids                = sort([for r in u.role_ou_list : r.ou_id if contains(local.admin_roles, r.role_name)])
    }
    if anytrue([for r in u.role_ou_list : contains(local.admin_roles, r.role_name)])
  ]

  # People policy 1: no external user holds an administrator role.
  external_admins = sort([for a in local.admins : a.managed_apple_account if a.is_external_user == true])

  # People policy 2: every administrator is a member of the admin group.
  admin_group_members = toset(var.admin_group_name == null ? [] : data.abm_user_group.admins[0].user_ids)
  admins_outside_group = var.admin_group_name == null ? [] : sort([
    for a in local.admins : a.managed_apple_account if !contains(local.admin_group_members, a.id)
  ])

  # People policy 3: the number of users holding an API role stays under the threshold.
  api_role_holders = sort([
    for u in data.abm_users.people.users : u.managed_apple_account
    if anytrue([for r in u.role_ou_list : can(regex(var.api_role_pattern, r.role_name))])
  ])
  api_roles_over = var.max_api_role_holders != null && length(local.api_role_holders) > coalesce(var.max_api_role_holders, 0)
}

check "no_external_administrators" {
  assert {
    condition     = length(local.external_admins) == 0
    error_message = "${length(local.external_admins)} external user(s) hold an administrator role: ${join(", ", local.external_admins)}."
  }
}

check "administrators_in_admin_group" {
  assert {
    condition     = length(local.admins_outside_group) == 0
    error_message = "${length(local.admins_outside_group)} administrator(s) are not in the group ${coalesce(var.admin_group_name, "-")}: ${join(", ", local.admins_outside_group)}."
  }
}

check "api_role_holders_within_threshold" {
  assert {
    condition     = !local.api_roles_over
    error_message = "${length(local.api_role_holders)} user(s) hold an API role, more than the ${coalesce(var.max_api_role_holders, 0)} allowed: ${join(", ", local.api_role_holders)}."
  }
}

output "people_violations" {
  description = "Every people-policy violation, by policy."
  value = {
    external_admins      = local.external_admins
    admins_outside_group = local.admins_outside_group
    api_role_holders     = local.api_roles_over ? local.api_role_holders : []
  }
}

# The gate for the people policies, as output "compliant" is for the device ones.
output "people_compliant" {
  description = "True when no people policy is violated."
  value       = length(local.external_admins) + length(local.admins_outside_group) == 0 && !local.api_roles_over

  precondition {
    condition     = !var.enforce || length(local.external_admins) == 0
    error_message = "Policy violation: external users with an administrator role: ${join(", ", local.external_admins)}."
  }
  precondition {
    condition     = !var.enforce || length(local.admins_outside_group) == 0
    error_message = "Policy violation: administrators outside the admin group: ${join(", ", local.admins_outside_group)}."
  }
  precondition {
    condition     = !var.enforce || !local.api_roles_over
    error_message = "Policy violation: ${length(local.api_role_holders)} users hold an API role, more than ${coalesce(var.max_api_role_holders, 0)}: ${join(", ", local.api_role_holders)}."
  }
}

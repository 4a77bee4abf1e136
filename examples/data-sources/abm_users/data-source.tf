# Everyone holding an Administrator role, in any unit.
data "abm_users" "admins" {
  role_names = ["Administrator"]
}

# External users (invited from outside the organization) who are active.
data "abm_users" "external" {
  is_external_user = true
  statuses         = ["ACTIVE"]
}

output "admin_accounts" {
  value = [for u in data.abm_users.admins.users : u.managed_apple_account]
}

output "external_user_count" {
  value = length(data.abm_users.external.users)
}

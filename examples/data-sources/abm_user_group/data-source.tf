# One group by name (several groups may share a name; use id then).
data "abm_user_group" "admins" {
  name = "Administrators"
}

output "admin_group" {
  value = {
    id       = data.abm_user_group.admins.id
    type     = data.abm_user_group.admins.type
    user_ids = data.abm_user_group.admins.user_ids
  }
}

# One user by e-mail address (matched without regard to case)…
data "abm_user" "alice" {
  email = "Alice.Admin@example.com"
}

# …or by Managed Apple Account, or by Apple's id (one request).
data "abm_user" "by_id" {
  id = "1000000005"
}

output "alice" {
  value = {
    id    = data.abm_user.alice.id
    roles = [for r in data.abm_user.alice.role_ou_list : "${r.role_name}@${r.ou_id}"]
  }
}

output "by_id_account" {
  value = data.abm_user.by_id.managed_apple_account
}

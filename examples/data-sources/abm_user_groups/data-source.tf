# Hand-maintained groups, with their members (one request per group).
data "abm_user_groups" "standard" {
  types            = ["STANDARD"]
  include_user_ids = true
}

# Keyed by id: group names need not be unique.
output "members_by_group" {
  value = { for g in data.abm_user_groups.standard.user_groups : g.id => "${g.name}: ${length(g.user_ids)}" }
}

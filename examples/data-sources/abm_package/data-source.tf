# One package by name (names must be unique for this; use id otherwise).
data "abm_package" "agent" {
  name = "Acme Agent"
}

output "agent" {
  value = {
    id         = data.abm_package.agent.id
    version    = data.abm_package.agent.version
    bundle_ids = data.abm_package.agent.bundle_ids
    hash       = data.abm_package.agent.hash
  }
}

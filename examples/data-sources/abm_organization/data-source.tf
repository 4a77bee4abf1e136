# Who the organization is and which MDM servers it has. The identity and contact
# attributes (org_id, org_name, org_email, …) need the provider's server_token /
# ABM_SERVER_TOKEN_FILE; without one they are null and the rest still works.
data "abm_organization" "this" {}

output "organization" {
  value = {
    id       = data.abm_organization.this.org_id
    name     = data.abm_organization.this.org_name
    type     = data.abm_organization.this.org_type # "org" (ABM) or "edu" (ASM)
    email    = data.abm_organization.this.org_email
    admin_id = data.abm_organization.this.admin_id
  }
}

output "mdm_server_count" {
  value = length(data.abm_organization.this.mdm_server_ids)
}

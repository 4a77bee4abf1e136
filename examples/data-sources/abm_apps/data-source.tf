# Every app the organization can assign with built-in device management.
data "abm_apps" "all" {}

output "custom_app_bundle_ids" {
  value = sort([for a in data.abm_apps.all.apps : a.bundle_id if a.is_custom_app == true])
}

output "mac_apps" {
  value = sort([for a in data.abm_apps.all.apps : a.name if contains(a.supported_os, "SUPPORTED_OS_MACOS")])
}

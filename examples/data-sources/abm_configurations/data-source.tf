# Every custom profile, with its text (one request per CUSTOM_SETTING
# configuration: Apple's list leaves the profiles out).
data "abm_configurations" "custom" {
  types                   = ["CUSTOM_SETTING"]
  include_custom_settings = true
}

output "profile_files" {
  value = { for c in data.abm_configurations.custom.configurations : c.name => c.custom_settings_values.filename }
}

# One configuration by name; for a CUSTOM_SETTING configuration the profile
# is its text, whether Apple sends it as Base64 or raw XML.
data "abm_configuration" "wifi" {
  name = "Corporate Wi-Fi"
}

output "wifi_profile_is_plist" {
  value = strcontains(data.abm_configuration.wifi.custom_settings_values.configuration_profile, "<plist")
}

output "wifi_platforms" {
  value = data.abm_configuration.wifi.configured_for_platforms
}

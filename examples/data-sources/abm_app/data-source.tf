# One app by bundle id (read from the shared app list)…
data "abm_app" "pages" {
  bundle_id = "com.apple.iWork.Pages"
}

# …or by Apple's id, its App Store ID (one request).
data "abm_app" "field_service" {
  id = "1000000001"
}

output "pages" {
  value = {
    id           = data.abm_app.pages.id
    version      = data.abm_app.pages.version
    supported_os = data.abm_app.pages.supported_os
  }
}

output "field_service_is_custom" {
  value = data.abm_app.field_service.is_custom_app
}

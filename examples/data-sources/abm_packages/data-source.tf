# Every installer package uploaded for built-in device management.
data "abm_packages" "all" {}

output "package_versions" {
  value = { for p in data.abm_packages.all.packages : p.id => p.version }
}

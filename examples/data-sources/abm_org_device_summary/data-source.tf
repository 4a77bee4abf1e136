# Counts over the whole fleet without keeping every device in state: the data source
# to use for dashboards and thresholds on organizations with 100k+ devices.
data "abm_org_device_summary" "fleet" {}

output "fleet_summary" {
  value = {
    total             = data.abm_org_device_summary.fleet.total
    unassigned        = data.abm_org_device_summary.fleet.unassigned
    by_status         = data.abm_org_device_summary.fleet.by_status
    by_product_family = data.abm_org_device_summary.fleet.by_product_family
    by_mdm_server     = data.abm_org_device_summary.fleet.by_mdm_server
  }
}

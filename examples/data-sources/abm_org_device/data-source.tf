# One device by serial number, with the MDM server it is assigned to and its
# AppleCare coverage. Devices released from the organization are found too.
data "abm_org_device" "imac" {
  serial_number = "XABC123X0ABC123X0"
}

output "imac" {
  value = {
    model              = data.abm_org_device.imac.device_model
    status             = data.abm_org_device.imac.status
    assigned_server_id = data.abm_org_device.imac.assigned_server_id # null when unassigned
    released           = data.abm_org_device.imac.released_from_org_date_time != null
  }
}

# AppleCare coverage, in Apple's order; end_date_time is null for open-ended subscriptions.
output "imac_apple_care" {
  value = [
    for c in data.abm_org_device.imac.apple_care_coverage : {
      description = c.description
      status      = c.status
      ends        = c.end_date_time
    }
  ]
}

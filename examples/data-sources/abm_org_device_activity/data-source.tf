# The outcome of a device assignment, with the devices it failed for. The log is
# downloaded from Apple's presigned link without the API's credentials.
data "abm_org_device_activity" "assignment" {
  id          = "84d7f133-b4a4-41be-ad0a-c2e4e53ea624"
  include_log = true
}

output "activity_sub_status" {
  value = data.abm_org_device_activity.assignment.sub_status
}

output "failed_devices" {
  value = [
    for r in data.abm_org_device_activity.assignment.log :
    "${r.serial_number}: ${coalesce(r.operation_substatus, "-")}" if r.operation_status == "FAILED"
  ]
}

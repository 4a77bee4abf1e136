# Check blocks report a failed assertion as a warning and let the run go on, so the
# report (outputs below) is always produced.

check "purchased_devices_assigned" {
  assert {
    condition     = length(local.unassigned_purchased) == 0
    error_message = "${length(local.unassigned_purchased)} purchased device(s) are not assigned to an MDM server: ${join(", ", local.unassigned_purchased)}."
  }
}

check "no_devices_on_inactive_servers" {
  assert {
    condition     = length(local.on_inactive_server) == 0
    error_message = "${length(local.on_inactive_server)} device(s) are assigned to an INACTIVE MDM server: ${join(", ", [for v in local.on_inactive_server : "${v.serial_number} (${v.server_name})"])}."
  }
}

check "devices_on_expected_server" {
  assert {
    condition     = length(local.wrong_server) == 0
    error_message = "${length(local.wrong_server)} device(s) are not on their product family's MDM server: ${join(", ", [for v in local.wrong_server : "${v.serial_number} (${v.product_family}: ${coalesce(v.actual, "unassigned")}, expected ${v.expected})"])}."
  }
}

check "applecare_not_ending" {
  assert {
    condition     = length(local.applecare_ending) == 0
    error_message = "${length(local.applecare_ending)} AppleCare coverage(s) end within ${var.applecare_window_days} days: ${join(", ", [for v in local.applecare_ending : "${v.serial_number} ${v.coverage_id} (${v.end_date_time})"])}."
  }
}

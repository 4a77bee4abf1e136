# Unit tests for fleet.rego: `opa test opa/`. Each rule is shown to fire on the fleet
# that breaks it, with its exact message, and to stay quiet on the fleet that does not.
package abm.fleet_test

import data.abm.fleet

production := "1F97349736CF4614A94F624E705841AD"

configurator := "2B5C0E0F8E1D4C7A9F3B6A1D2E4F5A6B"

legacy := "3C6D1F108F2E4D8BA04C7B2E3F506B7C"

servers := [
	{"id": production, "server_name": "Production MDM", "status": "ACTIVE", "device_count": 1},
	{"id": configurator, "server_name": "Apple Configurator", "status": "ACTIVE", "device_count": 1},
	{"id": legacy, "server_name": "Legacy MDM", "status": "INACTIVE", "device_count": 0},
]

devices := [
	{"serial_number": "MAC1", "status": "ASSIGNED", "purchase_source_type": "APPLE", "product_family": "Mac", "assigned_server_id": production},
	{"serial_number": "TV1", "status": "ASSIGNED", "purchase_source_type": "RESELLER", "product_family": "AppleTV", "assigned_server_id": configurator},
	{"serial_number": "WATCH1", "status": "UNASSIGNED", "purchase_source_type": "MANUALLY_ADDED", "product_family": "Watch", "assigned_server_id": null},
]

coverage(id, status, end) := {"id": id, "status": status, "end_date_time": end}

# plan builds the plan JSON shape `terraform show -json` writes: data sources in
# prior_state, variables with their values, the plan's timestamp.
plan(srv, devs, covered, vars) := {
	"timestamp": "2026-01-01T00:00:00Z",
	"variables": {k: {"value": v} | some k, v in vars},
	"prior_state": {"values": {"root_module": {"resources": array.concat(
		[
			{"mode": "data", "type": "abm_mdm_servers", "values": {"mdm_servers": srv}},
			{"mode": "data", "type": "abm_org_devices", "values": {"include_assigned_server": true, "devices": devs}},
		],
		[{"mode": "data", "type": "abm_org_device", "values": d} | some d in covered],
	)}}},
}

clean := plan(servers, devices, [], {})

test_clean_fleet_has_no_violation if {
	count(fleet.deny) == 0 with input as clean
}

test_unassigned_purchased_device_is_named if {
	devs := array.concat(devices, [
		{"serial_number": "MAC3", "status": "UNASSIGNED", "purchase_source_type": "RESELLER", "product_family": "Mac", "assigned_server_id": null},
		{"serial_number": "MAC2", "status": "UNASSIGNED", "purchase_source_type": "APPLE", "product_family": "Mac", "assigned_server_id": null},
	])
	fleet.deny == {"purchased devices not assigned to an MDM server: MAC2, MAC3"} with input as plan(servers, devs, [], {})
}

test_exempt_serials_are_skipped if {
	devs := array.concat(devices, [{"serial_number": "SPARE", "status": "UNASSIGNED", "purchase_source_type": "APPLE", "product_family": "Mac", "assigned_server_id": null}])
	count(fleet.deny) == 0 with input as plan(servers, devs, [], {"exempt_serials": ["SPARE"]})
}

test_device_on_inactive_server_is_named if {
	srv := [
		{"id": production, "server_name": "Production MDM", "status": "ACTIVE", "device_count": 1},
		{"id": configurator, "server_name": "Apple Configurator", "status": "INACTIVE", "device_count": 1},
	]
	fleet.deny == {"devices assigned to an INACTIVE MDM server: TV1 (Apple Configurator)"} with input as plan(srv, devices, [], {})
}

test_assignment_rules_need_assigned_server if {
	# Read without include_assigned_server, every assigned_server_id is null: that
	# says nothing about where devices are, so rules 2 and 3 must not judge it.
	unknown := json.patch(plan(servers, devices, [], {"expected_server_by_family": {"Mac": configurator}}), [{
		"op": "replace", "path": "/prior_state/values/root_module/resources/1/values/include_assigned_server", "value": false,
	}])
	count(fleet.deny) == 0 with input as unknown
}

test_device_on_wrong_server_is_named if {
	vars := {"expected_server_by_family": {"AppleTV": production, "Watch": production, "Mac": production}}
	fleet.deny == {concat("", [
		"devices not on their product family's MDM server: ",
		"TV1 (AppleTV: ", configurator, ", expected ", production, "), ",
		"WATCH1 (Watch: unassigned, expected ", production, ")",
	])} with input as plan(servers, devices, [], vars)
}

test_expected_server_met_is_quiet if {
	vars := {"expected_server_by_family": {"AppleTV": configurator, "Mac": production}}
	count(fleet.deny) == 0 with input as plan(servers, devices, [], vars)
}

test_active_server_without_devices_is_named if {
	srv := array.concat(servers, [{"id": "AAAA", "server_name": "Jamf Pro 01", "status": "ACTIVE", "device_count": 0}])
	fleet.deny == {"ACTIVE MDM servers without devices: Jamf Pro 01 (AAAA)"} with input as plan(srv, devices, [], {})
}

test_server_without_device_count_is_not_judged if {
	srv := array.concat(servers, [{"id": "AAAA", "server_name": "Old", "status": "ACTIVE", "device_count": null}])
	count(fleet.deny) == 0 with input as plan(srv, devices, [], {})
}

test_servers_sharing_a_name_are_named if {
	srv := array.concat(servers, [
		{"id": "BBBB", "server_name": "Jamf Pro", "status": "ACTIVE", "device_count": 2},
		{"id": "AAAA", "server_name": "Jamf Pro", "status": "ACTIVE", "device_count": 3},
	])
	fleet.deny == {`MDM servers sharing a name: "Jamf Pro" (AAAA, BBBB)`} with input as plan(srv, devices, [], {})
}

covered := [
	{"serial_number": "MAC1", "apple_care_coverage": [
		coverage("ENDSOON", "ACTIVE", "2026-01-20T00:00:00Z"),
		coverage("ENDSLATER", "ACTIVE", "2026-03-01T00:00:00Z"),
		coverage("SUBSCRIPTION", "ACTIVE", null),
		coverage("LAPSED", "INACTIVE", "2025-06-01T00:00:00Z"),
	]},
	{"serial_number": "TV1", "apple_care_coverage": []},
]

test_applecare_ending_within_window_is_named if {
	# 30 days after the plan's 2026-01-01: ENDSOON is inside, ENDSLATER is not, the
	# open-ended subscription never ends, and the lapsed coverage is not active.
	fleet.deny == {"AppleCare coverage ending within 30 days: MAC1 ENDSOON (2026-01-20T00:00:00Z)"} with input as plan(servers, devices, covered, {"applecare_window_days": 30})
}

test_applecare_window_is_a_setting if {
	fleet.deny == {concat("", [
		"AppleCare coverage ending within 90 days: ",
		"MAC1 ENDSLATER (2026-03-01T00:00:00Z), MAC1 ENDSOON (2026-01-20T00:00:00Z)",
	])} with input as plan(servers, devices, covered, {})
	count(fleet.deny) == 0 with input as plan(servers, devices, covered, {"applecare_window_days": 10})
}

test_applecare_window_given_with_var_is_a_string if {
	# `terraform plan -var applecare_window_days=30` records the value as "30".
	fleet.deny == {"AppleCare coverage ending within 30 days: MAC1 ENDSOON (2026-01-20T00:00:00Z)"} with input as plan(servers, devices, covered, {"applecare_window_days": "30"})
}

test_applecare_without_plan_timestamp_uses_now if {
	untimed := json.remove(plan(servers, devices, covered, {"applecare_window_days": 30}), ["timestamp"])

	# As of 2026-01-01 only ENDSOON ends within 30 days; as of 2026-02-01 ENDSLATER does too.
	fleet.deny == {"AppleCare coverage ending within 30 days: MAC1 ENDSLATER (2026-03-01T00:00:00Z), MAC1 ENDSOON (2026-01-20T00:00:00Z)"} with input as untimed
		with time.now_ns as time.parse_rfc3339_ns("2026-02-01T00:00:00Z")
}

test_child_module_data_sources_are_read if {
	nested := {
		"timestamp": "2026-01-01T00:00:00Z",
		"variables": {},
		"prior_state": {"values": {"root_module": {"child_modules": [{"resources": [
			{"mode": "data", "type": "abm_mdm_servers", "values": {"mdm_servers": servers}},
			{"mode": "data", "type": "abm_org_devices", "values": {"include_assigned_server": true, "devices": [
				{"serial_number": "LOST", "status": "UNASSIGNED", "purchase_source_type": "APPLE", "product_family": "iPad", "assigned_server_id": null},
			]}},
		]}]}}},
	}
	fleet.deny == {"purchased devices not assigned to an MDM server: LOST"} with input as nested
}

test_every_rule_reports_at_once if {
	srv := [
		{"id": production, "server_name": "Production MDM", "status": "ACTIVE", "device_count": 1},
		{"id": configurator, "server_name": "Production MDM", "status": "INACTIVE", "device_count": 1},
		{"id": "IDLE", "server_name": "Idle", "status": "ACTIVE", "device_count": 0},
	]
	devs := array.concat(devices, [{"serial_number": "MAC2", "status": "UNASSIGNED", "purchase_source_type": "APPLE", "product_family": "Mac", "assigned_server_id": null}])
	count(fleet.deny) == 6 with input as plan(srv, devs, covered, {"expected_server_by_family": {"AppleTV": production}})
}

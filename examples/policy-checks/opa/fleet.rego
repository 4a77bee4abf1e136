# Fleet policies over the plan JSON of examples/policy-checks
# (`terraform show -json plan.out`): the rules its check blocks express, plus two
# the configuration does not (servers without devices, servers sharing a name).
#
#   opa eval --fail-defined -d opa -i plan.json 'msg := data.abm.fleet.deny[_]'
#
# Data sources read at plan time are in prior_state, in the root module or any child
# module. The rules take their settings from the plan's variables, so the pack and the
# check blocks judge the same fleet by the same settings: exempt_serials,
# expected_server_by_family, applecare_window_days. Each deny message names the
# serial numbers or servers at fault, sorted.
package abm.fleet

# data_sources(type) is the values of every data source of that type in the plan.
data_sources(type) := [node.values |
	walk(input.prior_state.values.root_module, [_, node])
	node.mode == "data"
	node.type == type
]

# setting(name, fallback) is the value of a plan variable, or fallback when the
# configuration has no such variable.
setting(name, fallback) := object.get(input.variables, [name, "value"], fallback)

exempt := {s | some s in setting("exempt_serials", [])}

# devices are the listed devices the fleet rules look at (all but the exempt ones).
devices := [d |
	some list in data_sources("abm_org_devices")
	some d in list.devices
	not d.serial_number in exempt
]

# Assignments are only known for lists read with include_assigned_server = true;
# elsewhere assigned_server_id is null for every device.
assigned_known := [d |
	some list in data_sources("abm_org_devices")
	list.include_assigned_server == true
	some d in list.devices
	not d.serial_number in exempt
]

servers := {s |
	some list in data_sources("abm_mdm_servers")
	some s in list.mdm_servers
}

# Rule 1: devices bought from Apple or a reseller are assigned to an MDM server.
unassigned_purchased contains d.serial_number if {
	some d in devices
	d.status == "UNASSIGNED"
	d.purchase_source_type in {"APPLE", "RESELLER"}
}

# Rule 2: no device is assigned to an INACTIVE MDM server.
on_inactive_server contains sprintf("%s (%s)", [d.serial_number, s.server_name]) if {
	some d in assigned_known
	some s in servers
	s.status == "INACTIVE"
	d.assigned_server_id == s.id
}

# Rule 3: every device of a family in expected_server_by_family is on that server.
wrong_server contains sprintf("%s (%s: %s, expected %s)", [d.serial_number, d.product_family, actual, want]) if {
	expected := setting("expected_server_by_family", {})
	some d in assigned_known
	want := expected[d.product_family]
	d.assigned_server_id != want
	actual := server_or_unassigned(d.assigned_server_id)
}

server_or_unassigned(id) := "unassigned" if id == null

server_or_unassigned(id) := id if id != null

# Rule 4: an ACTIVE MDM server holds devices; one with none is left over or not set
# up. Servers that do not report device_count (before ABM 2.1) are not judged.
servers_without_devices contains sprintf("%s (%s)", [s.server_name, s.id]) if {
	some s in servers
	s.status == "ACTIVE"
	s.device_count == 0
}

# Rule 5: MDM server names are unique. ABM allows two servers one name, and then a
# lookup by name (abm_mdm_server's server_name) cannot tell them apart.
shared_server_names contains sprintf("%q (%s)", [name, concat(", ", sort(ids))]) if {
	some name in {s.server_name | some s in servers}
	ids := {s.id | some s in servers; s.server_name == name}
	count(ids) > 1
}

# Rule 6: no active AppleCare coverage of a device read with abm_org_device ends
# within applecare_window_days of the plan's time. Open-ended subscriptions (no end
# date) never do.
# A number given with `-var` is recorded in the plan as the string the user typed.
window_days := to_number(setting("applecare_window_days", 90))

# The plan's own time (plantimestamp() in HCL), so a saved plan is judged as of when it
# was made; the evaluation's time for a plan JSON without one.
plan_time_ns := time.parse_rfc3339_ns(input.timestamp) if input.timestamp

else := time.now_ns()

applecare_ending contains sprintf("%s %s (%s)", [d.serial_number, c.id, c.end_date_time]) if {
	horizon := plan_time_ns + (((window_days * 24) * 3600) * 1000000000)
	some d in data_sources("abm_org_device")
	some c in d.apple_care_coverage
	c.status == "ACTIVE"
	c.end_date_time != null
	time.parse_rfc3339_ns(c.end_date_time) <= horizon
}

deny contains msg if {
	count(unassigned_purchased) > 0
	msg := sprintf("purchased devices not assigned to an MDM server: %s", [concat(", ", sort(unassigned_purchased))])
}

deny contains msg if {
	count(on_inactive_server) > 0
	msg := sprintf("devices assigned to an INACTIVE MDM server: %s", [concat(", ", sort(on_inactive_server))])
}

deny contains msg if {
	count(wrong_server) > 0
	msg := sprintf("devices not on their product family's MDM server: %s", [concat(", ", sort(wrong_server))])
}

deny contains msg if {
	count(servers_without_devices) > 0
	msg := sprintf("ACTIVE MDM servers without devices: %s", [concat(", ", sort(servers_without_devices))])
}

deny contains msg if {
	count(shared_server_names) > 0
	msg := sprintf("MDM servers sharing a name: %s", [concat("; ", sort(shared_server_names))])
}

deny contains msg if {
	count(applecare_ending) > 0
	msg := sprintf("AppleCare coverage ending within %d days: %s", [window_days, concat(", ", sort(applecare_ending))])
}

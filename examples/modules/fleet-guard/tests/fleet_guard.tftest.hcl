# `terraform test` / `tofu test` for fleet-guard, against an organization whose MDM
# servers are Production MDM and Apple Configurator (ACTIVE) and Legacy MDM (INACTIVE),
# with four listed devices: XABC123X0ABC123X0 (Mac), XARRAYMAC0001 (iPhone),
# XSPARSE00001 (Watch) and XAPPLETV0001 (AppleTV) — the fixtures of the fake ABM
# server (`scripts/module-test.sh` starts it). Every run is a plan: nothing to apply.

# Configured from the ABM_* environment variables.
provider "abm" {}

run "compliant_fleet_passes_the_gate" {
  command = plan

  variables {
    allowed_product_families = ["Mac", "iPhone", "Watch", "AppleTV"]
    required_servers         = ["Production MDM", "Apple Configurator"]
    enforce                  = true
  }

  assert {
    condition     = output.compliant
    error_message = "A fleet within every expectation must be compliant."
  }
  assert {
    condition     = length(output.violations.missing_servers) == 0 && length(output.violations.unexpected_family_devices) == 0
    error_message = "A compliant fleet reports no violation."
  }
}

run "violations_are_reported" {
  command = plan

  variables {
    allowed_product_families = ["Mac", "iPhone"]
    required_servers         = ["Production MDM", "Legacy MDM", "Kandji"]
  }

  assert {
    condition     = output.violations.unexpected_family_devices == tolist(["XAPPLETV0001", "XSPARSE00001"])
    error_message = "The Apple TV and the watch are outside Mac and iPhone."
  }
  assert {
    condition     = output.violations.missing_servers == tolist(["Kandji", "Legacy MDM"])
    error_message = "Kandji does not exist and Legacy MDM is INACTIVE."
  }
  assert {
    condition     = !output.compliant
    error_message = "A fleet with violations is not compliant."
  }
}

run "enforce_stops_on_missing_server" {
  command = plan

  variables {
    allowed_product_families = ["Mac", "iPhone", "Watch", "AppleTV"]
    required_servers         = ["Legacy MDM"]
    enforce                  = true
  }

  expect_failures = [data.abm_mdm_servers.all]
}

run "enforce_stops_on_unexpected_device" {
  command = plan

  variables {
    allowed_product_families = ["Mac"]
    enforce                  = true
  }

  expect_failures = [output.compliant]
}

run "unknown_family_is_rejected" {
  command = plan

  variables {
    allowed_product_families = ["Macintosh"]
  }

  expect_failures = [var.allowed_product_families]
}

package provider

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_org_device: one device by serial number, with its assigned server
// and AppleCare coverage.
var orgDeviceDataSource = &declaration{
	typeName: "abm_org_device",
	doc: "One device of the organization by serial number, including devices released from the organization " +
		"(which `abm_org_devices` cannot list), with its assigned MDM server and AppleCare coverage. Three requests, made in parallel.",
	attributes: func() map[string]schema.Attribute {
		attrs := oneDeviceObject.attributes()
		attrs["serial_number"] = requiredKey("Serial number of the device. Released devices are found too.")
		return attrs
	},
	read: readOrgDevice,
}

// oneDeviceObject is a device read by serial number: its attributes, the
// server it is assigned to (from its own linkage) and its coverage.
var oneDeviceObject = newObjectType(client.OrgDevices,
	added{name: "assigned_server_id", schema: schema.StringAttribute{Computed: true,
		MarkdownDescription: "ID of the MDM server the device is assigned to; null when it is assigned to none."}},
	added{name: "apple_care_coverage", schema: coverageObject.nested("AppleCare coverage of the device, in Apple's order; empty when it has none.")},
)

// readOrgDevice fetches the device, its server linkage and its coverage.
func readOrgDevice(ctx context.Context, q *query) stateWriters {
	serial, _, err := q.args.str("serial_number")
	if err != nil {
		return q.invalid(err)
	}
	var (
		dev      *client.Record
		serverID string
		coverage []*client.Record
	)
	// Three independent requests, in parallel. Their errors are kept apart
	// so that only the device's own 404 means "not found".
	var devErr, serverErr, coverageErr error
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); dev, devErr = q.f.c.GetOrgDevice(ctx, serial) }()
	go func() { defer wg.Done(); serverID, serverErr = q.f.c.AssignedServerID(ctx, serial) }()
	go func() { defer wg.Done(); coverage, coverageErr = q.f.c.ListAppleCareCoverage(ctx, serial) }()
	wg.Wait()
	var apiErr *client.APIError
	if errors.As(devErr, &apiErr) && apiErr.NotFound() {
		q.diags.AddAttributeError(path.Root("serial_number"), "Device not found",
			fmt.Sprintf("Apple has no device with serial number %q in this organization (%v).", serial, devErr))
		return nil
	}
	if err := firstError(devErr, serverErr, coverageErr); err != nil {
		return q.failed(err)
	}
	var assigned, cov msgpackWriter
	extra := [][]byte{nil, nil}
	if serverID != "" {
		assigned.str(serverID)
		extra[0] = assigned.buf
	}
	writeCoverage(&cov, coverage)
	extra[1] = cov.buf
	computed := oneDeviceObject.writers(dev, extra)
	delete(computed, "serial_number") // the serial as configured; Apple's id is the same serial
	return computed
}

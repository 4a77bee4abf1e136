package client

import (
	"context"
	"fmt"
	"net/url"
)

// MdmDevices declares the attributes of a device enrolled in Apple's
// built-in device management (JSON:API type mdmDevices). Apple documents no
// id format; it is kept opaque.
var MdmDevices = NewResource("mdmDevices", "managed device",
	Attribute{Key: "serialNumber", Kind: String, Doc: "Serial number of the device."},
	Attribute{Key: "deviceName", Kind: String, Doc: "Name of the device, as the device reports it."},
	Attribute{Key: "productFamily", Kind: String, Doc: "Product family, as Apple sends it (Apple does not enumerate the values for managed devices; e.g. `Mac`, `iPhone`, `iPad`)."},
	Attribute{Key: "enrolledUserId", Kind: String, Doc: "ID of the user the device is enrolled for (an `abm_user` id); null for a device enrolled without a user."},
)

// MdmDeviceDetails declares the attributes of a managed device's details
// (JSON:API type mdmDeviceDetails, GET /v1/mdmDevices/{id}/details): its
// security and storage state as the device last reported it.
var MdmDeviceDetails = NewResource("mdmDeviceDetails", "managed device detail",
	Attribute{Key: "serialNumber", Kind: String, Doc: "Serial number of the device."},
	Attribute{Key: "deviceName", Kind: String, Doc: "Name of the device."},
	Attribute{Key: "deviceModel", Kind: String, Doc: "Model of the device, e.g. `MacBook Pro (14-inch, 2024)`."},
	Attribute{Key: "osVersion", Kind: String, Doc: "Operating system version, e.g. `15.5`."},
	Attribute{Key: "platform", Kind: String, Doc: "Platform, as Apple sends it (not enumerated; e.g. `macOS`, `iOS`)."},
	Attribute{Key: "imei", Kind: Strings, Doc: "IMEI numbers (cellular devices); empty when Apple sends none."},
	Attribute{Key: "meid", Kind: Strings, Doc: "MEID numbers (cellular devices); empty when Apple sends none."},
	Attribute{Key: "wifiMacAddress", Kind: MACs, Doc: "Wi-Fi MAC address; several addresses are joined with `,`."},
	Attribute{Key: "bluetoothMacAddress", Kind: MACs, Doc: "Bluetooth MAC address; several addresses are joined with `,`."},
	Attribute{Key: "ethernetMacAddress", Kind: MACs, Doc: "Ethernet MAC address: one string here (a list on `abm_org_device`); several addresses are joined with `,`."},
	Attribute{Key: "lastCheckInDateTime", Kind: String, Doc: "When the device last checked in with device management."},
	Attribute{Key: "isFirewallEnabled", Kind: Bool, Doc: "Whether the firewall is on (Macs); null when Apple does not say."},
	Attribute{Key: "isFileVaultEnabled", Kind: Bool, Doc: "Whether FileVault disk encryption is on (Macs); null when Apple does not say."},
	Attribute{Key: "storageFreeCapacity", Kind: Int64, Doc: "Free storage, in bytes."},
	Attribute{Key: "storageTotalCapacity", Kind: Int64, Doc: "Total storage, in bytes."},
	Attribute{Key: "deviceLockStatus", Kind: String, Doc: "`LOCKED` or `UNLOCKED`."},
	Attribute{Key: "deviceEraseStatus", Kind: String, Doc: "`NOT_ERASED` or `ERASED`."},
	Attribute{Key: "lostModeStatus", Kind: String, Doc: "`ENABLED` or `DISABLED`."},
)

// ListMdmDevices calls each for every device enrolled in built-in device
// management, page by page. Every declared attribute is asked for by name,
// since Apple's default field set is not documented.
func (c *Client) ListMdmDevices(ctx context.Context, each func(*Record) error) error {
	q := url.Values{"fields[mdmDevices]": {MdmDevices.Keys()}}
	if err := c.listRecords(ctx, "mdmDevices", "/mdmDevices", q, MdmDevices, each); err != nil {
		return fmt.Errorf("list managed devices: %w", err)
	}
	return nil
}

// GetMdmDeviceDetails reads the details of one managed device by its id:
// one request per device, as Apple has no bulk form.
func (c *Client) GetMdmDeviceDetails(ctx context.Context, id string) (*Record, error) {
	u := c.apiURL("/mdmDevices/"+url.PathEscape(id)+"/details", url.Values{"fields[mdmDeviceDetails]": {MdmDeviceDetails.Keys()}})
	r, err := c.getRecord(ctx, "mdmDeviceDetails", u, MdmDeviceDetails)
	if err != nil {
		return nil, fmt.Errorf("get details of managed device %q: %w", id, err)
	}
	return r, nil
}

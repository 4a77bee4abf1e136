package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// OrgDevices declares the attributes of a device of the organization
// (JSON:API type orgDevices; the id is the serial number). A new attribute
// is one row here, plus its row in the fake's deviceAttrs (internal/fakeabm).
var OrgDevices = NewResource("orgDevices", "device",
	Attribute{Key: "serialNumber", Kind: String, FromID: true, Doc: "Serial number; Apple's id for the device."},
	Attribute{Key: "addedToOrgDateTime", Kind: String, Doc: "When the device was added to the organization (RFC 3339, as Apple sends it)."},
	Attribute{Key: "releasedFromOrgDateTime", Kind: String, Doc: "When the device was released from the organization. Apple sets it only when one device is read by serial number; in lists it is null."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When Apple last updated the record."},
	Attribute{Key: "deviceModel", Kind: String, Doc: "Model name, e.g. `iPhone 15 Pro`."},
	Attribute{Key: "productFamily", Kind: String, Doc: "`iPhone`, `iPad`, `Mac`, `AppleTV`, `Watch` or `Vision`."},
	Attribute{Key: "productType", Kind: String, Doc: "Product type, e.g. `iPhone16,1`."},
	Attribute{Key: "deviceCapacity", Kind: String, Doc: "Storage capacity, e.g. `256GB`."},
	Attribute{Key: "partNumber", Kind: String, Doc: "Part number, e.g. `MTUV3LL/A`."},
	Attribute{Key: "orderNumber", Kind: String, Doc: "Order number."},
	Attribute{Key: "color", Kind: String, Doc: "Color; Apple may send an empty string."},
	Attribute{Key: "status", Kind: String, Doc: "`ASSIGNED` or `UNASSIGNED` (to an MDM server)."},
	Attribute{Key: "orderDateTime", Kind: String, Doc: "When the device was ordered. Unreliable for `MANUALLY_ADDED` devices."},
	Attribute{Key: "imei", Kind: Strings, Doc: "IMEI numbers (cellular devices); empty when Apple sends none."},
	Attribute{Key: "meid", Kind: Strings, Doc: "MEID numbers (cellular devices); empty when Apple sends none."},
	Attribute{Key: "eid", Kind: String, Doc: "eSIM EID."},
	Attribute{Key: "purchaseSourceId", Kind: String, Alias: "purchaseSourceUid", Doc: "Apple Customer Number or reseller number the device was bought through."},
	Attribute{Key: "purchaseSourceType", Kind: String, Doc: "`APPLE`, `RESELLER` or `MANUALLY_ADDED`."},
	Attribute{Key: "wifiMacAddress", Kind: MACs, Doc: "Wi-Fi MAC address. Apple documents a string but sometimes sends a list; several addresses are joined with `,`."},
	Attribute{Key: "bluetoothMacAddress", Kind: MACs, Doc: "Bluetooth MAC address; several addresses are joined with `,`."},
	Attribute{Key: "ethernetMacAddress", Kind: MACList, Doc: "Ethernet MAC addresses (Macs); empty when Apple sends none."},
	Attribute{Key: "isMdmMigrationCapable", Kind: Bool, Doc: "Whether the device can migrate to another MDM server without a wipe (ABM 2.3+)."},
	Attribute{Key: "mdmMigrationStatus", Kind: String, Doc: "`REQUESTED`, `STARTED`, `SUCCESS` or `FAILED`."},
	Attribute{Key: "mdmMigrationDeadlineDateTime", Kind: String, Doc: "Deadline of a requested MDM migration."},
)

// ListOrgDevices calls each for every device Apple lists, page by page.
// Apple leaves released devices out of this list. No fields[] parameter is
// sent so that Apple returns every attribute it has, including ones added
// after this client was written.
func (c *Client) ListOrgDevices(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "orgDevices", "/orgDevices", nil, OrgDevices, each); err != nil {
		return fmt.Errorf("list org devices: %w", err)
	}
	return nil
}

// GetOrgDevice reads one device by serial number, released devices included.
// An unknown serial number gives an *APIError whose NotFound is true.
func (c *Client) GetOrgDevice(ctx context.Context, serial string) (*Record, error) {
	d, err := c.getRecord(ctx, "orgDevice", c.apiURL("/orgDevices/"+url.PathEscape(serial), nil), OrgDevices)
	if err != nil {
		return nil, fmt.Errorf("get org device %q: %w", serial, err)
	}
	return d, nil
}

// AssignedServerID returns the id of the MDM server a device is assigned to,
// or "" when it is assigned to none. Apple does not document the answer for
// an unassigned device: data:null and Apple's own JSON 404 both mean none.
// A 404 that is not Apple's error document (a gateway's HTML page, another
// JSON) says nothing about the device and is an error. Apple's 404 for a
// device outside the organization reads as none too: the linkage cannot tell
// it apart, and the device's own read reports it.
func (c *Client) AssignedServerID(ctx context.Context, serial string) (string, error) {
	var resp single[linkage]
	u := c.apiURL("/orgDevices/"+url.PathEscape(serial)+"/relationships/assignedServer", nil)
	err := c.getJSON(ctx, "assignedServerLinkage", u, &resp)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.HTTPStatus == http.StatusNotFound && apiErr.fromApple() {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("get assigned server of %q: %w", serial, err)
	}
	if resp.Data == nil {
		return "", nil
	}
	return resp.Data.ID, nil
}

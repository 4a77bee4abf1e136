package client

import (
	"context"
	"fmt"
	"net/url"
)

// MdmServers declares the attributes of a device-management service of the
// organization (JSON:API type mdmServers).
var MdmServers = NewResource("mdmServers", "MDM server",
	Attribute{Key: "serverName", Kind: String, Doc: "Name given to the server in ABM."},
	Attribute{Key: "serverType", Kind: String, Doc: "`MDM`, `APPLE_CONFIGURATOR` or `APPLE_MDM`."},
	Attribute{Key: "status", Kind: String, Doc: "`ACTIVE`, `INACTIVE` or `DELETED` (ABM 2.1+)."},
	Attribute{Key: "deviceCount", Kind: Int64, Doc: "Number of devices assigned to the server, as Apple counts them (ABM 2.1+)."},
	Attribute{Key: "enableMdmDisownFlag", Kind: Bool, Doc: "Whether the server may disown (release) devices (ABM 2.1+)."},
	Attribute{Key: "defaultProductFamilies", Kind: Strings, Doc: "Product families assigned to this server by default: `APPLE_TV`, `IPAD`, `IPHONE`, `IPOD`, `MAC`, `VISION`, `WATCH` (upper case, unlike a device's `product_family`). Empty when none."},
	Attribute{Key: "lastConnectedDateTime", Kind: String, Doc: "When the server last connected to Apple; null if it never has."},
	Attribute{Key: "lastConnectedIp", Kind: String, Doc: "IP address of the server's last connection; null if it never connected."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the server was created in ABM."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the server was last updated."},
)

// mdmServerQuery names every declared attribute: Apple's default field set
// may leave out the ones added in ABM 2.1, so they are asked for by name.
func mdmServerQuery() url.Values {
	return url.Values{"fields[mdmServers]": {MdmServers.Keys()}}
}

// ListMdmServers calls each for every MDM server of the organization.
func (c *Client) ListMdmServers(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "mdmServers", "/mdmServers", mdmServerQuery(), MdmServers, each); err != nil {
		return fmt.Errorf("list MDM servers: %w", err)
	}
	return nil
}

// GetMdmServer reads one MDM server by id.
func (c *Client) GetMdmServer(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "mdmServer", c.apiURL("/mdmServers/"+url.PathEscape(id), mdmServerQuery()), MdmServers)
	if err != nil {
		return nil, fmt.Errorf("get MDM server %q: %w", id, err)
	}
	return r, nil
}

// ListMdmServerDeviceSerials calls each with the serial number of every
// device assigned to the server. Only the relationships form of this
// endpoint works; /mdmServers/{id}/devices answers 403.
func (c *Client) ListMdmServerDeviceSerials(ctx context.Context, id string, each func(serial string) error) error {
	path := "/mdmServers/" + url.PathEscape(id) + "/relationships/devices"
	if err := c.listLinkages(ctx, "mdmServerDevices", "device", path, each); err != nil {
		return fmt.Errorf("list devices of MDM server %q: %w", id, err)
	}
	return nil
}

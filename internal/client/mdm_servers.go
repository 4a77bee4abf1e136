package client

import (
	"context"
	"fmt"
	"net/url"
)

// mdmServerFields names every MDM server attribute. Apple's default field set
// may leave out the ones added in ABM 2.1, so they are asked for by name.
const mdmServerFields = "serverName,serverType,createdDateTime,updatedDateTime," +
	"enableMdmDisownFlag,defaultProductFamilies,status,deviceCount,lastConnectedDateTime,lastConnectedIp"

// ListMdmServers calls each for every MDM server of the organization.
func (c *Client) ListMdmServers(ctx context.Context, each func(*MdmServer) error) error {
	q := url.Values{"fields[mdmServers]": {mdmServerFields}}
	err := paginate(ctx, c, "mdmServers", "MDM server", "/mdmServers", q, func(r *mdmServerResource) error {
		return each(toMdmServer(r))
	})
	if err != nil {
		return fmt.Errorf("list MDM servers: %w", err)
	}
	return nil
}

// GetMdmServer reads one MDM server by id.
func (c *Client) GetMdmServer(ctx context.Context, id string) (*MdmServer, error) {
	var resp single[mdmServerResource]
	q := url.Values{"fields[mdmServers]": {mdmServerFields}}
	if err := c.getJSON(ctx, "mdmServer", c.apiURL("/mdmServers/"+url.PathEscape(id), q), &resp); err != nil {
		return nil, fmt.Errorf("get MDM server %q: %w", id, err)
	}
	if resp.Data == nil {
		return nil, fmt.Errorf("get MDM server %q: Apple answered without data", id)
	}
	return toMdmServer(resp.Data), nil
}

// ListMdmServerDeviceSerials calls each with the serial number of every
// device assigned to the server. Only the relationships form of this
// endpoint works; /mdmServers/{id}/devices answers 403.
func (c *Client) ListMdmServerDeviceSerials(ctx context.Context, id string, each func(serial string) error) error {
	path := "/mdmServers/" + url.PathEscape(id) + "/relationships/devices"
	err := paginate(ctx, c, "mdmServerDevices", "device", path, nil, func(l *linkage) error {
		return each(l.ID)
	})
	if err != nil {
		return fmt.Errorf("list devices of MDM server %q: %w", id, err)
	}
	return nil
}

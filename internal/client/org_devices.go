package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
)

// ListOrgDevices calls each for every device Apple lists, page by page.
// Apple leaves released devices out of this list. No fields[] parameter is
// sent so that Apple returns every attribute it has, including ones added
// after this client was written.
func (c *Client) ListOrgDevices(ctx context.Context, each func(*OrgDevice) error) error {
	seen := uniqueIDs{}
	err := c.walk(ctx, "orgDevices", "/orgDevices", nil, func(body []byte) (pageInfo, error) {
		return decodeOrgDevicePage(body, func(d *OrgDevice) error {
			if err := seen.add("device", d.ID); err != nil {
				return err
			}
			return each(d)
		})
	})
	if err != nil {
		return fmt.Errorf("list org devices: %w", err)
	}
	return nil
}

// GetOrgDevice reads one device by serial number, released devices included.
// An unknown serial number gives an *APIError whose NotFound is true.
func (c *Client) GetOrgDevice(ctx context.Context, serial string) (*OrgDevice, error) {
	u := c.apiURL("/orgDevices/"+url.PathEscape(serial), nil)
	body, err := c.get(ctx, "orgDevice", u)
	if err != nil {
		return nil, fmt.Errorf("get org device %q: %w", serial, err)
	}
	d, err := decodeOrgDeviceDocument(body)
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

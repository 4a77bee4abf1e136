package client

import (
	"context"
	"errors"
	"fmt"
	"net/url"
)

// ActivationLockStatus declares the Activation Lock state of one device of
// the organization (JSON:API type activationLockStatus; its id is the
// device's). ABM 2.5 and ASM 1.7.
var ActivationLockStatus = NewResource("activationLockStatus", "Activation Lock status",
	Attribute{Key: "isLocked", Kind: Bool, Doc: "Whether the device is Activation Locked."},
	Attribute{Key: "lockType", Kind: String, Doc: "What locked it: `MDM` (its device management service), `USER` (a personal Apple Account) or `NONE`. " +
		"Apple documents the type for locked devices; for an unlocked one it may send `NONE` or nothing (null)."},
)

// ActivationLockError is a failed Activation Lock read that Apple documents
// for a serial number: the organization does not hold the device (404), or
// the device reports a lock state Apple cannot express (a server error).
type ActivationLockError struct {
	Serial   string
	NotHeld  bool // Apple answered 404
	Internal bool // Apple answered 5xx
	Err      *APIError
}

func (e *ActivationLockError) Error() string {
	switch {
	case e.NotHeld:
		return fmt.Sprintf("Apple says the organization does not hold a device with serial number %q (%v)", e.Serial, e.Err)
	case e.Internal:
		return fmt.Sprintf("Apple could not report the Activation Lock status of the device with serial number %q: it answers with "+
			"a server error when a device reports an internal-only lock state that is not valid for a managed device (%v). "+
			"Check the device in Apple Business Manager or Apple School Manager", e.Serial, e.Err)
	}
	return fmt.Sprintf("read Activation Lock status of %q: %v", e.Serial, e.Err)
}

func (e *ActivationLockError) Unwrap() error { return e.Err }

// GetActivationLockStatus reads the Activation Lock state of the device
// with this serial number. Apple's two documented failures for a device
// come back as an *ActivationLockError naming the serial number.
func (c *Client) GetActivationLockStatus(ctx context.Context, serial string) (*Record, error) {
	u := c.apiURL("/orgDevices/"+url.PathEscape(serial)+"/activationLockStatus",
		url.Values{"fields[activationLockStatus]": {ActivationLockStatus.Keys()}})
	r, err := c.getRecord(ctx, "activationLockStatus", u, ActivationLockStatus)
	if err == nil {
		return r, nil
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) && (apiErr.NotFound() || apiErr.HTTPStatus >= 500) {
		return nil, &ActivationLockError{Serial: serial, NotHeld: apiErr.NotFound(), Internal: apiErr.HTTPStatus >= 500, Err: apiErr}
	}
	return nil, fmt.Errorf("read Activation Lock status of %q: %w", serial, err)
}

package client

import (
	"context"
	"fmt"
	"net/url"
)

// AppleCareCoverage declares the attributes of one AppleCare agreement of a
// device (JSON:API type appleCareCoverage).
var AppleCareCoverage = NewResource("appleCareCoverage", "coverage",
	Attribute{Key: "status", Kind: String, Doc: "`ACTIVE` or `INACTIVE`."},
	Attribute{Key: "paymentType", Kind: String, Doc: "`ABE_SUBSCRIPTION`, `PAID_UP_FRONT`, `SUBSCRIPTION` or `NONE`."},
	Attribute{Key: "description", Kind: String, Doc: "Plan name, e.g. `AppleCare+ for Business`."},
	Attribute{Key: "startDateTime", Kind: String, Doc: "Start of the coverage."},
	Attribute{Key: "endDateTime", Kind: String, Doc: "End of the coverage; null for subscriptions."},
	Attribute{Key: "isRenewable", Kind: Bool, Doc: "Whether the coverage can be renewed."},
	Attribute{Key: "isCanceled", Kind: Bool, Doc: "Whether the coverage was canceled."},
	Attribute{Key: "contractCancelDateTime", Kind: String, Doc: "When the contract was canceled, if it was."},
	Attribute{Key: "agreementNumber", Kind: String, Doc: "Agreement number, if any."},
)

// ListAppleCareCoverage returns a device's AppleCare coverage in Apple's
// order; an empty slice when it has none. Apple has no bulk form of this
// call, so it costs one request per device.
func (c *Client) ListAppleCareCoverage(ctx context.Context, serial string) ([]*Record, error) {
	out := []*Record{}
	path := "/orgDevices/" + url.PathEscape(serial) + "/appleCareCoverage"
	err := c.listRecords(ctx, "appleCareCoverage", path, nil, AppleCareCoverage, func(r *Record) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list AppleCare coverage of %q: %w", serial, err)
	}
	return out, nil
}

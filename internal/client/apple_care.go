package client

import (
	"context"
	"fmt"
	"net/url"
)

// AppleCareCoverage is one AppleCare agreement of a device.
type AppleCareCoverage struct {
	ID                     string
	Status                 Field[string]
	PaymentType            Field[string]
	Description            Field[string]
	StartDateTime          Field[string]
	EndDateTime            Field[string]
	IsRenewable            Field[bool]
	IsCanceled             Field[bool]
	ContractCancelDateTime Field[string]
	AgreementNumber        Field[string]
}

type appleCareAttributes struct {
	Status                 Field[string] `json:"status"`
	PaymentType            Field[string] `json:"paymentType"`
	Description            Field[string] `json:"description"`
	StartDateTime          Field[string] `json:"startDateTime"`
	EndDateTime            Field[string] `json:"endDateTime"`
	IsRenewable            Field[bool]   `json:"isRenewable"`
	IsCanceled             Field[bool]   `json:"isCanceled"`
	ContractCancelDateTime Field[string] `json:"contractCancelDateTime"`
	AgreementNumber        Field[string] `json:"agreementNumber"`
}

// ListAppleCareCoverage returns a device's AppleCare coverage in Apple's
// order; an empty slice when it has none. Apple has no bulk form of this
// call, so it costs one request per device.
func (c *Client) ListAppleCareCoverage(ctx context.Context, serial string) ([]AppleCareCoverage, error) {
	out := []AppleCareCoverage{}
	path := "/orgDevices/" + url.PathEscape(serial) + "/appleCareCoverage"
	err := paginate(ctx, c, "appleCareCoverage", "coverage", path, nil, func(r *resource[appleCareAttributes]) error {
		a := r.Attributes
		out = append(out, AppleCareCoverage{
			ID: r.ID, Status: a.Status, PaymentType: a.PaymentType, Description: a.Description,
			StartDateTime: a.StartDateTime, EndDateTime: a.EndDateTime, IsRenewable: a.IsRenewable,
			IsCanceled: a.IsCanceled, ContractCancelDateTime: a.ContractCancelDateTime, AgreementNumber: a.AgreementNumber,
		})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list AppleCare coverage of %q: %w", serial, err)
	}
	return out, nil
}

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var coverageAttrTypes = map[string]attr.Type{
	"id":                        types.StringType,
	"status":                    types.StringType,
	"payment_type":              types.StringType,
	"description":               types.StringType,
	"start_date_time":           types.StringType,
	"end_date_time":             types.StringType,
	"is_renewable":              types.BoolType,
	"is_canceled":               types.BoolType,
	"contract_cancel_date_time": types.StringType,
	"agreement_number":          types.StringType,
}

func coverageAttribute() schema.ListNestedAttribute {
	desc := map[string]string{
		"id":                        "Apple's ID of the coverage record.",
		"status":                    "`ACTIVE` or `INACTIVE`.",
		"payment_type":              "`ABE_SUBSCRIPTION`, `PAID_UP_FRONT`, `SUBSCRIPTION` or `NONE`.",
		"description":               "Plan name, e.g. `AppleCare+ for Business`.",
		"start_date_time":           "Start of the coverage.",
		"end_date_time":             "End of the coverage; null for subscriptions.",
		"is_renewable":              "Whether the coverage can be renewed.",
		"is_canceled":               "Whether the coverage was canceled.",
		"contract_cancel_date_time": "When the contract was canceled, if it was.",
		"agreement_number":          "Agreement number, if any.",
	}
	return schema.ListNestedAttribute{
		Computed:            true,
		MarkdownDescription: "AppleCare coverage of the device, in Apple's order; empty when it has none.",
		NestedObject:        schema.NestedAttributeObject{Attributes: computedAttributes(coverageAttrTypes, desc)},
	}
}

// writeCoverage writes a device's coverage list, each record an object of
// coverageAttrTypes with its attributes in sorted order.
func writeCoverage(w *msgpackWriter, coverage []client.AppleCareCoverage) {
	w.arrayLen(len(coverage))
	for _, c := range coverage {
		w.mapLen(len(coverageAttrTypes))
		w.str("agreement_number")
		w.field(c.AgreementNumber)
		w.str("contract_cancel_date_time")
		w.field(c.ContractCancelDateTime)
		w.str("description")
		w.field(c.Description)
		w.str("end_date_time")
		w.field(c.EndDateTime)
		w.str("id")
		w.str(c.ID)
		w.str("is_canceled")
		w.boolField(c.IsCanceled)
		w.str("is_renewable")
		w.boolField(c.IsRenewable)
		w.str("payment_type")
		w.field(c.PaymentType)
		w.str("start_date_time")
		w.field(c.StartDateTime)
		w.str("status")
		w.field(c.Status)
	}
}

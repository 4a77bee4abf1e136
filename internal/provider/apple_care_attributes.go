package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

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

var coverageObjectType = types.ObjectType{AttrTypes: coverageAttrTypes}

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

var coverageTfType = coverageObjectType.TerraformType(context.Background())

func coverageTfValue(c client.AppleCareCoverage) tftypes.Value {
	return tftypes.NewValue(coverageTfType, map[string]tftypes.Value{
		"id":                        tftypes.NewValue(tftypes.String, c.ID),
		"status":                    tfString(c.Status),
		"payment_type":              tfString(c.PaymentType),
		"description":               tfString(c.Description),
		"start_date_time":           tfString(c.StartDateTime),
		"end_date_time":             tfString(c.EndDateTime),
		"is_renewable":              tfBool(c.IsRenewable),
		"is_canceled":               tfBool(c.IsCanceled),
		"contract_cancel_date_time": tfString(c.ContractCancelDateTime),
		"agreement_number":          tfString(c.AgreementNumber),
	})
}

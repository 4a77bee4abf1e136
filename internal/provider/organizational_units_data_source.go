package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ stateReader = &OrganizationalUnitsDataSource{}

// OrganizationalUnitsDataSource is abm_organizational_units: every unit of
// the organization, optionally with its users.
type OrganizationalUnitsDataSource struct {
	dataSourceBase
}

// NewOrganizationalUnitsDataSource returns the data source.
func NewOrganizationalUnitsDataSource() datasource.DataSource {
	return &OrganizationalUnitsDataSource{}
}

// Metadata names the data source.
func (d *OrganizationalUnitsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organizational_units"
}

// Schema describes the data source.
func (d *OrganizationalUnitsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The organizational units of the organization, in Apple's order (Apple exposes no hierarchy). " +
			"Apple Business Manager only (API 2.2). One request per 1000 units, shared with every other data source of the " +
			"provider; with `include_user_ids`, one more per 1000 users of each unit.",
		Attributes: map[string]schema.Attribute{
			"include_user_ids":     includeUserIDsAttribute("unit"),
			"organizational_units": unitObject.nested("Every organizational unit."),
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists the units.
func (d *OrganizationalUnitsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readWith(ctx, d, req, resp)
}

func (d *OrganizationalUnitsDataSource) readState(ctx context.Context, config tftypes.Value) ([]byte, diag.Diagnostics) {
	const what = "abm_organizational_units"
	attrs, f, ctx, cancel, diags := d.beginBusiness(ctx, what, config)
	defer cancel()
	if diags.HasError() {
		return nil, diags
	}
	withIDs, err := attrs.boolean("include_user_ids")
	if err != nil {
		diags.AddError("Invalid "+what+" configuration", err.Error())
		return nil, diags
	}
	units, err := f.OrganizationalUnits(ctx)
	if err != nil {
		addAccessError(&diags, what, err, unitsPermission)
		return nil, diags
	}
	state, d2 := writeMembered(ctx, f, what, config, "organizational_units", unitObject, units, withIDs, (*fleet).UnitUsers, unitsPermission)
	diags.Append(d2...)
	return state, diags
}

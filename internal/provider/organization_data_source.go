package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

var _ datasource.DataSourceWithConfigure = &OrganizationDataSource{}

// OrganizationDataSource is abm_organization: who the organization is and
// which MDM servers it has.
type OrganizationDataSource struct {
	dataSourceBase
}

// NewOrganizationDataSource returns the data source.
func NewOrganizationDataSource() datasource.DataSource { return &OrganizationDataSource{} }

type organizationModel struct {
	OrgID        types.String   `tfsdk:"org_id"`
	OrgName      types.String   `tfsdk:"org_name"`
	OrgType      types.String   `tfsdk:"org_type"`
	OrgEmail     types.String   `tfsdk:"org_email"`
	OrgPhone     types.String   `tfsdk:"org_phone"`
	OrgAddress   types.String   `tfsdk:"org_address"`
	AdminID      types.String   `tfsdk:"admin_id"`
	OrgIDHash    types.String   `tfsdk:"org_id_hash"`
	OrgVersion   types.String   `tfsdk:"org_version"`
	ServerName   types.String   `tfsdk:"server_name"`
	ServerUUID   types.String   `tfsdk:"server_uuid"`
	Scope        types.String   `tfsdk:"scope"`
	ClientID     types.String   `tfsdk:"client_id"`
	MdmServerIDs types.List     `tfsdk:"mdm_server_ids"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

const needsServerToken = " From the device-enrollment service's account detail; null unless the provider has a `server_token`."

// Metadata names the data source.
func (d *OrganizationDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization"
}

// Schema describes the data source.
func (d *OrganizationDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The organization and the MDM servers it has. Apple's REST API has no organization endpoint: the " +
			"identity and contact fields exist only in the device-enrollment (ADE) service's account detail, which is read " +
			"with an MDM server's server token (provider `server_token`). Without one they are null, and `scope`, `client_id` " +
			"and `mdm_server_ids` still work.",
		Attributes: map[string]schema.Attribute{
			"org_id":         str("Organization (customer) ID." + needsServerToken),
			"org_name":       str("Organization name." + needsServerToken),
			"org_type":       str("`org` (ABM) or `edu` (ASM)." + needsServerToken),
			"org_email":      str("Organization contact e-mail." + needsServerToken),
			"org_phone":      str("Organization phone number." + needsServerToken),
			"org_address":    str("Organization postal address." + needsServerToken),
			"admin_id":       str("Apple Account that generated the server token." + needsServerToken),
			"org_id_hash":    str("Hash of the organization ID." + needsServerToken),
			"org_version":    str("`v1` (Apple Deployment Programs) or `v2` (ABM/ASM)." + needsServerToken),
			"server_name":    str("Name of the MDM server whose token the provider uses." + needsServerToken),
			"server_uuid":    str("UUID of that MDM server in the device-enrollment service." + needsServerToken),
			"scope":          str("OAuth scope in use: `business.api` (ABM) or `school.api` (ASM)."),
			"client_id":      str("Client ID of the API account in use."),
			"mdm_server_ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the organization's MDM servers, in Apple's order."},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read combines the API account, the server list and the account detail.
func (d *OrganizationDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m organizationModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	f, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	servers, err := f.Servers(ctx)
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_organization", err)
		return
	}
	ids := make([]attr.Value, len(servers))
	for i, s := range servers {
		ids[i] = types.StringValue(s.ID)
	}
	m.MdmServerIDs = types.ListValueMust(types.StringType, ids)
	m.Scope = types.StringValue(f.c.Scope())
	m.ClientID = types.StringValue(f.c.ClientID())

	detail := &client.AccountDetail{}
	if f.c.HasServerToken() {
		if detail, err = f.AccountDetail(ctx); err != nil {
			addReadError(&resp.Diagnostics, "abm_organization", err)
			return
		}
	}
	m.OrgID = stringValue(detail.OrgID)
	m.OrgName = stringValue(detail.OrgName)
	m.OrgType = stringValue(detail.OrgType)
	m.OrgEmail = stringValue(detail.OrgEmail)
	m.OrgPhone = stringValue(detail.OrgPhone)
	m.OrgAddress = stringValue(detail.OrgAddress)
	m.AdminID = stringValue(detail.AdminID)
	m.OrgIDHash = stringValue(detail.OrgIDHash)
	m.OrgVersion = stringValue(detail.OrgVersion)
	m.ServerName = stringValue(detail.ServerName)
	m.ServerUUID = stringValue(detail.ServerUUID)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

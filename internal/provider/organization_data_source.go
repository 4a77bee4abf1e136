package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

const needsServerToken = " From the device-enrollment service's account detail; null unless the provider has a `server_token`."

// accountAttributes declares the organization's attributes read from the
// device-enrollment account detail: name, description, and the field of
// the client's model.
var accountAttributes = []struct {
	name, doc string
	get       func(*client.AccountDetail) client.Field[string]
}{
	{"org_id", "Organization (customer) ID.", func(a *client.AccountDetail) client.Field[string] { return a.OrgID }},
	{"org_name", "Organization name.", func(a *client.AccountDetail) client.Field[string] { return a.OrgName }},
	{"org_type", "`org` (ABM) or `edu` (ASM).", func(a *client.AccountDetail) client.Field[string] { return a.OrgType }},
	{"org_email", "Organization contact e-mail.", func(a *client.AccountDetail) client.Field[string] { return a.OrgEmail }},
	{"org_phone", "Organization phone number.", func(a *client.AccountDetail) client.Field[string] { return a.OrgPhone }},
	{"org_address", "Organization postal address.", func(a *client.AccountDetail) client.Field[string] { return a.OrgAddress }},
	{"admin_id", "Apple Account that generated the server token.", func(a *client.AccountDetail) client.Field[string] { return a.AdminID }},
	{"org_id_hash", "Hash of the organization ID.", func(a *client.AccountDetail) client.Field[string] { return a.OrgIDHash }},
	{"org_version", "`v1` (Apple Deployment Programs) or `v2` (ABM/ASM).", func(a *client.AccountDetail) client.Field[string] { return a.OrgVersion }},
	{"server_name", "Name of the MDM server whose token the provider uses.", func(a *client.AccountDetail) client.Field[string] { return a.ServerName }},
	{"server_uuid", "UUID of that MDM server in the device-enrollment service.", func(a *client.AccountDetail) client.Field[string] { return a.ServerUUID }},
}

// abm_organization: who the organization is and which MDM servers it has.
var organizationDataSource = &declaration{
	typeName: "abm_organization",
	doc: "The organization and the MDM servers it has. Apple's REST API has no organization endpoint: the " +
		"identity and contact fields exist only in the device-enrollment (ADE) service's account detail, which is read " +
		"with an MDM server's server token (provider `server_token`). Without one they are null, and `scope`, `client_id` " +
		"and `mdm_server_ids` still work.",
	attributes: func() map[string]schema.Attribute {
		attrs := map[string]schema.Attribute{
			"scope":          schema.StringAttribute{Computed: true, MarkdownDescription: "OAuth scope in use: `business.api` (ABM) or `school.api` (ASM)."},
			"client_id":      schema.StringAttribute{Computed: true, MarkdownDescription: "Client ID of the API account in use."},
			"mdm_server_ids": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "IDs of the organization's MDM servers, in Apple's order."},
		}
		for _, a := range accountAttributes {
			attrs[a.name] = schema.StringAttribute{Computed: true, MarkdownDescription: a.doc + needsServerToken}
		}
		return attrs
	},
	read: readOrganization,
}

// readOrganization combines the API account, the server list and the account detail.
func readOrganization(ctx context.Context, q *query) stateWriters {
	f := q.f
	servers, err := f.Servers(ctx)
	if err != nil {
		return q.failed(err)
	}
	detail := &client.AccountDetail{}
	if f.c.HasServerToken() {
		if detail, err = f.AccountDetail(ctx); err != nil {
			return q.failed(err)
		}
	}
	computed := map[string]func(*msgpackWriter){
		"scope":     func(w *msgpackWriter) { w.str(f.c.Scope()) },
		"client_id": func(w *msgpackWriter) { w.str(f.c.ClientID()) },
		"mdm_server_ids": func(w *msgpackWriter) {
			w.arrayLen(len(servers))
			for _, s := range servers {
				w.str(s.ID)
			}
		},
	}
	for _, a := range accountAttributes {
		v := a.get(detail)
		computed[a.name] = func(w *msgpackWriter) { w.field(v) }
	}
	return computed
}

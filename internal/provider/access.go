package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// access is what Apple requires of the API account for a data source's
// reads: the privilege of its role, and whether built-in device management
// must be on. A 403 is reported with it.
type access struct {
	permission       string // the privilege as Apple names it, e.g. "View Blueprints"; "" when Apple does not say
	deviceManagement bool   // built-in device management must be turned on
}

// businessOnly refuses, before any request, a data source that exists only
// in Apple Business Manager when the provider is configured for Apple
// School Manager.
func businessOnly(f *fleet, what string) diag.Diagnostics {
	var diags diag.Diagnostics
	if f.c.Scope() == client.ScopeSchool {
		diags.AddError(what+" needs Apple Business Manager",
			fmt.Sprintf("%s reads an Apple Business Manager API that Apple School Manager does not have, and the provider is "+
				"configured for Apple School Manager (scope %q, from the provider's `scope`, ABM_SCOPE, or a SCHOOLAPI. "+
				"client_id / ABM_CLIENT_ID). No request was made. Use an Apple Business Manager API account, or remove this "+
				"data source from configurations that read Apple School Manager.", what, client.ScopeSchool))
	}
	return diags
}

// addAccessError is addReadError that names, for a 403, what the API
// account needs.
func addAccessError(diags *diag.Diagnostics, what string, err error, a access) {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 403 {
		addReadError(diags, what, err)
		return
	}
	need := fmt.Sprintf("The API account's role needs the privilege %q", a.permission)
	if a.permission == "" {
		need = "Apple does not document which privilege of the API account's role this read needs; give the role access " +
			"to built-in device management"
	}
	detail := fmt.Sprintf("%s: %v.\n\nApple refused the read. %s "+
		"(Apple Business Manager → Preferences → API, or the role of the account).", what, err, need)
	if a.deviceManagement {
		detail += " This data also requires built-in device management (Apple Device Management service) to be turned " +
			"on for the organization."
	}
	diags.AddError("Apple refused access (HTTP 403)", detail)
}

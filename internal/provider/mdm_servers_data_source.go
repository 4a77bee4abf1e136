package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// Values Apple documents for the filters.
var (
	serverTypeValues   = []string{"MDM", "APPLE_CONFIGURATOR", "APPLE_MDM"}
	serverStatusValues = []string{"ACTIVE", "INACTIVE", "DELETED"}
)

// abm_mdm_servers: the MDM servers of the organization, optionally filtered.
var mdmServersDataSource = &declaration{
	typeName: "abm_mdm_servers",
	doc: "The MDM servers (device management services) of the organization, in Apple's order, optionally " +
		"filtered. One request per 1000 servers, shared with every other data source of the provider; with " +
		"`include_device_serials`, one more request per 1000 devices of each server.",
	attributes: func() map[string]schema.Attribute {
		return map[string]schema.Attribute{
			"server_types": enumSetAttribute("Only servers of these types: ", serverTypeValues),
			"statuses":     enumSetAttribute("Only servers with these statuses: ", serverStatusValues),
			"include_device_serials": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Also read each server's device linkages into `device_serial_numbers`. " +
					"Default `false`, which leaves `device_serial_numbers` null.",
			},
			"mdm_servers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The MDM servers that pass the filters.",
				NestedObject:        schema.NestedAttributeObject{Attributes: serverObject.attributes()},
			},
		}
	},
	read: readMdmServers,
}

// enumSetAttribute is an optional filter whose values must be among allowed.
func enumSetAttribute(desc string, allowed []string) schema.SetAttribute {
	return schema.SetAttribute{
		Optional:            true,
		ElementType:         types.StringType,
		MarkdownDescription: desc + backtickList(allowed) + ". Unset means no filter.",
		Validators: []validator.Set{
			setvalidator.ValueStringsAre(stringvalidator.OneOf(allowed...)),
		},
	}
}

// readMdmServers lists and filters the servers.
func readMdmServers(ctx context.Context, q *query) stateWriters {
	serverTypes, tErr := q.args.filter("server_types")
	statuses, sErr := q.args.filter("statuses")
	withSerials, bErr := q.args.boolean("include_device_serials")
	if err := firstError(tErr, sErr, bErr); err != nil {
		return q.invalid(err)
	}
	servers, err := q.f.Servers(ctx)
	if err != nil {
		return q.failed(err)
	}
	var kept []*client.Record
	var serials [][]string
	for _, s := range servers {
		if !serverTypes.match(s.Field(serverType)) || !statuses.match(s.Field(serverStatus)) {
			continue
		}
		var list []string
		if withSerials {
			if list, err = q.f.ServerDevices(ctx, s.ID); err != nil {
				return q.failed(err)
			}
		}
		kept = append(kept, s)
		serials = append(serials, list)
	}
	q.sizeHint = len(kept) * 400
	return stateWriters{
		"mdm_servers": func(w *msgpackWriter) {
			w.arrayLen(len(kept))
			for i, s := range kept {
				serverObject.write(w, s, serverExtra(serials[i]))
			}
		},
	}
}

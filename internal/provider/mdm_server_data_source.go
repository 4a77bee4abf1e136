package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// abm_mdm_server: one MDM server by id or by name, with the serial numbers
// of its devices.
var mdmServerDataSource = &declaration{
	typeName: "abm_mdm_server",
	doc: "One MDM server of the organization, by `id` or `server_name`, with the serial numbers of the devices " +
		"assigned to it. The server comes from the shared server list (one request per 1000 servers); its devices cost " +
		"one request per 1000.",
	attributes: func() map[string]schema.Attribute {
		attrs := serverObject.attributes()
		oneOf := stringvalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("server_name"))
		attrs["id"] = schema.StringAttribute{
			Optional: true, Computed: true,
			MarkdownDescription: "Apple's ID of the server. Exactly one of `id` and `server_name` is required.",
			Validators:          []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
		}
		attrs["server_name"] = schema.StringAttribute{
			Optional: true, Computed: true,
			MarkdownDescription: "Name of the server, matched exactly. A name shared by several servers is an error that lists their ids; use `id` then.",
			Validators:          []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
		}
		return attrs
	},
	read: readMdmServer,
}

// readMdmServer finds the server and its devices.
func readMdmServer(ctx context.Context, q *query) stateWriters {
	arg, value, err := configLookup(q.args, "id", "server_name")
	if err != nil {
		return q.invalid(err)
	}
	servers, err := q.f.Servers(ctx)
	if err != nil {
		return q.failed(err)
	}
	key := lookupKey{arg: "server_name", index: serverName}
	if arg == "id" {
		key = lookupKey{arg: "id", index: idColumn}
	}
	s := lookupOne(&q.diags, "MDM server", servers, key, value, describeServer)
	if s == nil {
		return nil
	}
	serials, err := q.f.ServerDevices(ctx, s.ID)
	if err != nil {
		return q.failed(err)
	}
	return serverObject.writers(s, serverExtra(serials))
}

// describeServer is a server as messages show it: "name" (id).
func describeServer(s *client.Record) string {
	name, _ := s.Str(serverName)
	return fmt.Sprintf("%q (%s)", name, s.ID)
}

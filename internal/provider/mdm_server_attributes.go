package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// serverObject is an MDM server in every data source that shows servers: the
// attributes the client declares (client.MdmServers), Apple's id, and the
// serial numbers of its devices from the server's linkages.
var serverObject = newObjectType(client.MdmServers,
	idAttribute("Apple's opaque ID of the MDM server."),
	added{name: "device_serial_numbers", schema: schema.ListAttribute{Computed: true, ElementType: types.StringType,
		MarkdownDescription: "Serial numbers of the devices assigned to the server, from Apple's device linkages (one request per 1000 devices)."}},
)

// The server attributes filters and lookups read, by position in a record.
var (
	serverName   = client.MdmServers.Index("serverName")
	serverType   = client.MdmServers.Index("serverType")
	serverStatus = client.MdmServers.Index("status")
)

// serverExtra is the added value of serverObject: the device serials (nil
// leaves them null: the caller did not read the linkages).
func serverExtra(serials []string) [][]byte {
	if serials == nil {
		return nil
	}
	var list msgpackWriter
	list.strings(serials)
	return [][]byte{list.buf}
}

package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// serverAttrTypes is the object type of one MDM server in Terraform.
var serverAttrTypes = map[string]attr.Type{
	"id":                       types.StringType,
	"server_name":              types.StringType,
	"server_type":              types.StringType,
	"status":                   types.StringType,
	"device_count":             types.Int64Type,
	"enable_mdm_disown_flag":   types.BoolType,
	"default_product_families": types.ListType{ElemType: types.StringType},
	"last_connected_date_time": types.StringType,
	"last_connected_ip":        types.StringType,
	"created_date_time":        types.StringType,
	"updated_date_time":        types.StringType,
	"device_serial_numbers":    types.ListType{ElemType: types.StringType},
}

var serverObjectType = types.ObjectType{AttrTypes: serverAttrTypes}

var serverAttributeDescriptions = map[string]string{
	"id":                       "Apple's opaque ID of the MDM server.",
	"server_name":              "Name given to the server in ABM.",
	"server_type":              "`MDM`, `APPLE_CONFIGURATOR` or `APPLE_MDM`.",
	"status":                   "`ACTIVE`, `INACTIVE` or `DELETED` (ABM 2.1+).",
	"device_count":             "Number of devices assigned to the server, as Apple counts them (ABM 2.1+).",
	"enable_mdm_disown_flag":   "Whether the server may disown (release) devices (ABM 2.1+).",
	"default_product_families": "Product families assigned to this server by default: `APPLE_TV`, `IPAD`, `IPHONE`, `IPOD`, `MAC`, `VISION`, `WATCH` (upper case, unlike a device's `product_family`). Empty when none.",
	"last_connected_date_time": "When the server last connected to Apple; null if it never has.",
	"last_connected_ip":        "IP address of the server's last connection; null if it never connected.",
	"created_date_time":        "When the server was created in ABM.",
	"updated_date_time":        "When the server was last updated.",
	"device_serial_numbers":    "Serial numbers of the devices assigned to the server, from Apple's device linkages (one request per 1000 devices).",
}

// serverNestedAttributes is the schema of one MDM server inside a list.
func serverNestedAttributes() map[string]schema.Attribute {
	return computedAttributes(serverAttrTypes, serverAttributeDescriptions)
}

// serverValues converts one server; serials is null when the caller did
// not read the server's device linkages.
func serverValues(s *client.MdmServer, serials types.List) map[string]attr.Value {
	return map[string]attr.Value{
		"id":                       types.StringValue(s.ID),
		"server_name":              stringValue(s.ServerName),
		"server_type":              stringValue(s.ServerType),
		"status":                   stringValue(s.Status),
		"device_count":             int64Value(s.DeviceCount),
		"enable_mdm_disown_flag":   boolValue(s.EnableMdmDisownFlag),
		"default_product_families": fieldListValue(s.DefaultProductFamilies),
		"last_connected_date_time": stringValue(s.LastConnectedDateTime),
		"last_connected_ip":        stringValue(s.LastConnectedIP),
		"created_date_time":        stringValue(s.CreatedDateTime),
		"updated_date_time":        stringValue(s.UpdatedDateTime),
		"device_serial_numbers":    serials,
	}
}

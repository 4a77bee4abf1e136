package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// deviceAttrTypes is the object type of one device in Terraform.
var deviceAttrTypes = map[string]attr.Type{
	"serial_number":                    types.StringType,
	"added_to_org_date_time":           types.StringType,
	"released_from_org_date_time":      types.StringType,
	"updated_date_time":                types.StringType,
	"device_model":                     types.StringType,
	"product_family":                   types.StringType,
	"product_type":                     types.StringType,
	"device_capacity":                  types.StringType,
	"part_number":                      types.StringType,
	"order_number":                     types.StringType,
	"color":                            types.StringType,
	"status":                           types.StringType,
	"order_date_time":                  types.StringType,
	"imei":                             types.ListType{ElemType: types.StringType},
	"meid":                             types.ListType{ElemType: types.StringType},
	"eid":                              types.StringType,
	"purchase_source_id":               types.StringType,
	"purchase_source_type":             types.StringType,
	"wifi_mac_address":                 types.StringType,
	"bluetooth_mac_address":            types.StringType,
	"ethernet_mac_address":             types.ListType{ElemType: types.StringType},
	"is_mdm_migration_capable":         types.BoolType,
	"mdm_migration_status":             types.StringType,
	"mdm_migration_deadline_date_time": types.StringType,
	"assigned_server_id":               types.StringType,
}

var deviceObjectType = types.ObjectType{AttrTypes: deviceAttrTypes}

// deviceAttributeDescriptions documents each device attribute once, for
// every data source that shows devices.
var deviceAttributeDescriptions = map[string]string{
	"serial_number":                    "Serial number; Apple's id for the device.",
	"added_to_org_date_time":           "When the device was added to the organization (RFC 3339, as Apple sends it).",
	"released_from_org_date_time":      "When the device was released from the organization. Apple sets it only when one device is read by serial number; in lists it is null.",
	"updated_date_time":                "When Apple last updated the record.",
	"device_model":                     "Model name, e.g. `iPhone 15 Pro`.",
	"product_family":                   "`iPhone`, `iPad`, `Mac`, `AppleTV`, `Watch` or `Vision`.",
	"product_type":                     "Product type, e.g. `iPhone16,1`.",
	"device_capacity":                  "Storage capacity, e.g. `256GB`.",
	"part_number":                      "Part number, e.g. `MTUV3LL/A`.",
	"order_number":                     "Order number.",
	"color":                            "Color; Apple may send an empty string.",
	"status":                           "`ASSIGNED` or `UNASSIGNED` (to an MDM server).",
	"order_date_time":                  "When the device was ordered. Unreliable for `MANUALLY_ADDED` devices.",
	"imei":                             "IMEI numbers (cellular devices); empty when Apple sends none.",
	"meid":                             "MEID numbers (cellular devices); empty when Apple sends none.",
	"eid":                              "eSIM EID.",
	"purchase_source_id":               "Apple Customer Number or reseller number the device was bought through.",
	"purchase_source_type":             "`APPLE`, `RESELLER` or `MANUALLY_ADDED`.",
	"wifi_mac_address":                 "Wi-Fi MAC address. Apple documents a string but sometimes sends a list; several addresses are joined with `,`.",
	"bluetooth_mac_address":            "Bluetooth MAC address; several addresses are joined with `,`.",
	"ethernet_mac_address":             "Ethernet MAC addresses (Macs); empty when Apple sends none.",
	"is_mdm_migration_capable":         "Whether the device can migrate to another MDM server without a wipe (ABM 2.3+).",
	"mdm_migration_status":             "`REQUESTED`, `STARTED`, `SUCCESS` or `FAILED`.",
	"mdm_migration_deadline_date_time": "Deadline of a requested MDM migration.",
	"assigned_server_id":               "ID of the MDM server the device is assigned to. Null unless assignment data is asked for.",
}

// deviceNestedAttributes is the schema of one device inside a list.
func deviceNestedAttributes() map[string]schema.Attribute {
	return computedAttributes(deviceAttrTypes, deviceAttributeDescriptions)
}

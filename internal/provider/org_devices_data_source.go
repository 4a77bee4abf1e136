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

var _ datasource.DataSourceWithConfigure = &OrgDevicesDataSource{}

// OrgDevicesDataSource is abm_org_devices: the devices of the organization.
type OrgDevicesDataSource struct {
	dataSourceBase
}

// NewOrgDevicesDataSource returns the data source.
func NewOrgDevicesDataSource() datasource.DataSource { return &OrgDevicesDataSource{} }

type orgDevicesModel struct {
	Devices       types.List     `tfsdk:"devices"`
	SerialNumbers types.List     `tfsdk:"serial_numbers"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

// Metadata names the data source.
func (d *OrgDevicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_org_devices"
}

// Schema describes the data source.
func (d *OrgDevicesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The devices of the organization, in Apple's order. Apple leaves devices released from the " +
			"organization out of this list; read one with `abm_org_device` by serial number. One request per 1000 devices.",
		Attributes: map[string]schema.Attribute{
			"devices": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The devices.",
				NestedObject:        schema.NestedAttributeObject{Attributes: deviceNestedAttributes()},
			},
			"serial_numbers": schema.ListAttribute{
				Computed:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Serial numbers of `devices`, in the same order.",
			},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx)},
	}
}

// Read lists the devices.
func (d *OrgDevicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m orgDevicesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, ctx, cancel, diags := d.begin(ctx, m.Timeouts)
	defer cancel()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var devices, serials []attr.Value
	err := c.ListOrgDevices(ctx, func(dev *client.OrgDevice) error {
		obj, diags := types.ObjectValue(deviceAttrTypes, deviceValues(dev, types.StringNull()))
		resp.Diagnostics.Append(diags...)
		devices = append(devices, obj)
		serials = append(serials, types.StringValue(dev.ID))
		return nil
	})
	if err != nil {
		addReadError(&resp.Diagnostics, "abm_org_devices", err)
		return
	}
	list, diags := types.ListValue(deviceObjectType, devices)
	resp.Diagnostics.Append(diags...)
	m.Devices = list
	m.SerialNumbers = types.ListValueMust(types.StringType, serials)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

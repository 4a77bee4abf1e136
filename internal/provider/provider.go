// Package provider is the Terraform side of terraform-provider-abm: the
// provider schema and configuration, the data sources, and the conversion of
// Apple's records into Terraform values.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ provider.Provider = &ABMProvider{}

// ABMProvider is the abm provider. It is read-only: it has data sources and
// no resources.
type ABMProvider struct {
	version string
	data    *providerData // set by Configure; read by the protocol server's own reads
}

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &ABMProvider{version: version}
	}
}

// Metadata names the provider.
func (p *ABMProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "abm"
	resp.Version = p.version
}

// Resources is empty: the provider never changes anything in ABM.
func (p *ABMProvider) Resources(context.Context) []func() resource.Resource {
	return nil
}

// DataSources lists every data source.
func (p *ABMProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		organizationDataSource.newDataSource,
		mdmServersDataSource.newDataSource,
		mdmServerDataSource.newDataSource,
		orgDevicesDataSource.newDataSource,
		orgDeviceDataSource.newDataSource,
		orgDeviceSummaryDataSource.newDataSource,
		orgDeviceIndexDataSource.newDataSource,
		usersDataSource.newDataSource,
		userDataSource.newDataSource,
		userGroupsDataSource.newDataSource,
		userGroupDataSource.newDataSource,
		organizationalUnitsDataSource.newDataSource,
		organizationalUnitDataSource.newDataSource,
		mdmDevicesDataSource.newDataSource,
		mdmDeviceDataSource.newDataSource,
		orgDeviceActivationLockDataSource.newDataSource,
		orgDeviceActivityDataSource.newDataSource,
		auditEventsDataSource.newDataSource,
		appsDataSource.newDataSource,
		appDataSource.newDataSource,
		packagesDataSource.newDataSource,
		packageDataSource.newDataSource,
		blueprintsDataSource.newDataSource,
		blueprintDataSource.newDataSource,
		configurationsDataSource.newDataSource,
		configurationDataSource.newDataSource,
	}
}

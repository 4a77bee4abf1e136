package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// The Terraform objects of built-in device management's catalog: apps,
// packages, blueprints and configurations (internal/fakeabm/README.md: Built-in
// device management catalog).
var (
	appObject = newObjectType(client.Apps,
		idAttribute("Apple's ID of the app: its App Store ID (Adam ID), e.g. `361309726`."))
	packageObject = newObjectType(client.Packages, idAttribute("Apple's opaque ID of the package."))
	// blueprintObject adds the ids of the six relationships, in the order
	// of client.BlueprintRelationships (their slots).
	blueprintObject = newObjectType(client.Blueprints, append([]added{idAttribute("Apple's opaque ID of the blueprint.")},
		blueprintIDLists()...)...)
	// configurationObject replaces Apple's customSettingsValues with the
	// same object whose profile is text (client.ProfileText).
	configurationObject = newObjectType(client.Configurations,
		idAttribute("Apple's opaque ID of the configuration."),
		added{name: "custom_settings_values", schema: kindAttribute(client.Object,
			client.Configurations.Attrs[client.Configurations.Index("customSettingsValues")].Doc, customSettingsObject)},
	)
	customSettingsObject = newObjectType(client.CustomSettingsValues)
)

// What Apple requires of the API account for each (internal/fakeabm/README.md:
// Permissions): every catalog read needs built-in device management on.
var (
	appsAccess           = access{permission: "View Apps", deviceManagement: true}
	packagesAccess       = access{permission: "View and manage devices using built-in device management", deviceManagement: true}
	blueprintsAccess     = access{permission: "View Blueprints", deviceManagement: true}
	configurationsAccess = access{permission: "View device configurations", deviceManagement: true}
)

// blueprintRelationIDs names the Terraform list of each blueprint
// relationship, in the order of client.BlueprintRelationships.
var blueprintRelationIDs = []struct{ name, holds string }{
	{"app_ids", "IDs (Adam IDs) of the apps"},
	{"configuration_ids", "IDs of the configurations"},
	{"package_ids", "IDs of the packages"},
	{"device_serial_numbers", "Serial numbers of the devices"},
	{"user_ids", "IDs of the users"},
	{"user_group_ids", "IDs of the user groups"},
}

func blueprintIDLists() []added {
	out := make([]added, len(blueprintRelationIDs))
	for i, r := range blueprintRelationIDs {
		out[i] = added{name: r.name, schema: schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: fmt.Sprintf("%s the blueprint is assigned to (Apple's `%s` relationship), in Apple's order; "+
				"empty when none. One request per 1000 ids.", r.holds, client.BlueprintRelationships[i])}}
	}
	return out
}

// The positions lookups, filters and checks read.
var (
	appBundleID       = client.Apps.Index("bundleId")
	packageName       = client.Packages.Index("name")
	blueprintName     = client.Blueprints.Index("name")
	configurationName = client.Configurations.Index("name")
	configurationType = client.Configurations.Index("type")
	customSettings    = client.Configurations.Index("customSettingsValues")
	profileIndex      = client.CustomSettingsValues.Index("configurationProfile")
	profileFilename   = client.CustomSettingsValues.Index("filename")
)

// blueprintExtra is the added values of blueprintObject: the six id lists
// (nil leaves them all null: the linkages were not read).
func blueprintExtra(related [][]string) [][]byte {
	if related == nil {
		return nil
	}
	out := make([][]byte, len(related))
	for i, ids := range related {
		var w msgpackWriter
		w.strings(ids)
		out[i] = w.buf
	}
	return out
}

// configurationExtra is the added value of configurationObject: Apple's
// customSettingsValues with the profile as text, null when Apple sent none.
func configurationExtra(r *client.Record) [][]byte {
	cs := r.Object(customSettings, client.CustomSettingsValues)
	if cs == nil {
		return nil
	}
	var w msgpackWriter
	w.mapLen(2) // the attributes in name order, as objectType encodes them
	w.str("configuration_profile")
	if p, ok := cs.Str(profileIndex); ok {
		w.str(client.ProfileText(p))
	} else {
		w.null()
	}
	w.str("filename")
	if f, ok := cs.Str(profileFilename); ok {
		w.str(f)
	} else {
		w.null()
	}
	return [][]byte{w.buf}
}

// describeNamed is an item as messages show it: "name" (id).
func describeNamed(index int) func(*client.Record) string {
	return func(r *client.Record) string {
		name, _ := r.Str(index)
		return fmt.Sprintf("%q (%s)", name, r.ID)
	}
}

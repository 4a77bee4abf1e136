package fakeabm

import (
	"fmt"
	"strconv"
)

// The built-in device management catalog: apps, packages, blueprints and
// configurations (README: Built-in device management catalog). Fixtures
// first, with fixed ids for literal assertions, then Options.Catalog
// generated items of each.

// dmItem is one resource of the catalog. attrs holds Apple's attributes in
// the order Apple's documentation lists them; a nil value is an attribute
// the organization has no value for, written as the absentAs knob says.
type dmItem struct {
	id    string
	attrs []dmAttr
	rels  map[string][]string // blueprints: relationship name → related ids
}

type dmAttr struct {
	key string
	val any // nil, string, bool, []string or dmProfile
}

// dmProfile is a CUSTOM_SETTING configuration's customSettingsValues; the
// list endpoint never shows it (README: Built-in device management catalog).
type dmProfile struct {
	xml, filename string
}

// dmCollection is one resource type of the catalog: its fixtures, then n
// generated items made on demand from their index, so a catalog of any size
// costs nothing until it is served.
type dmCollection struct {
	typ      string // JSON:API type and path segment
	fields   []string
	fixtures []dmItem
	byID     map[string]int // fixture id → index
	n        int
	gen      func(i int) dmItem
	genID    string // fmt pattern of generated ids, with one %d
}

func (c *dmCollection) add(it dmItem) {
	c.byID[it.id] = len(c.fixtures)
	c.fixtures = append(c.fixtures, it)
}

func (c *dmCollection) len() int { return len(c.fixtures) + c.n }

// at is item i in list order.
func (c *dmCollection) at(i int) dmItem {
	if i < len(c.fixtures) {
		return c.fixtures[i]
	}
	return c.gen(i - len(c.fixtures))
}

func (c *dmCollection) get(id string) (dmItem, bool) {
	if i, ok := c.byID[id]; ok {
		return c.fixtures[i], true
	}
	var g int
	if _, err := fmt.Sscanf(id, c.genID, &g); err != nil || g < 0 || g >= c.n || fmt.Sprintf(c.genID, g) != id {
		return dmItem{}, false
	}
	return c.gen(g), true
}

// Blueprint relationships: path segment = linkage type (README: Built-in
// device management catalog).
var blueprintRelationships = []string{"apps", "configurations", "packages", "orgDevices", "users", "userGroups"}

// Fields each list and /{id} accept in fields[<type>] (README: Built-in
// device management catalog).
var (
	appFields           = []string{"name", "bundleId", "websiteUrl", "version", "supportedOS", "isCustomApp", "appStoreUrl"}
	packageFields       = []string{"name", "url", "hash", "bundleIds", "description", "version", "createdDateTime", "updatedDateTime"}
	blueprintAttrFields = []string{"name", "description", "status", "createdDateTime", "updatedDateTime", "appLicenseDeficient"}
	blueprintFields     = append(blueprintAttrFields[:len(blueprintAttrFields):len(blueprintAttrFields)], blueprintRelationships...)
	configurationFields = []string{"type", "name", "configuredForPlatforms", "customSettingsValues", "createdDateTime", "updatedDateTime"}
)

// dmData is the whole catalog.
type dmData struct {
	apps, packages, blueprints, configurations dmCollection
}

// Random streams of the catalog, far from the device ones so neither shifts
// the other.
const (
	streamApp uint64 = 0x100 + iota
	streamPackage
	streamBlueprint
	streamConfiguration
)

// FixtureProfileXML is the profile of the fixture CUSTOM_SETTING
// configuration "config-12345", as Apple's live API sends it (raw XML).
const FixtureProfileXML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadDisplayName</key>
  <string>Corporate Wi-Fi</string>
  <key>PayloadIdentifier</key>
  <string>com.example.wifi</string>
  <key>PayloadType</key>
  <string>Configuration</string>
  <key>PayloadUUID</key>
  <string>6E0B4C4A-8D55-4C8B-9E8F-1D2C3B4A5F60</string>
  <key>PayloadVersion</key>
  <integer>1</integer>
</dict>
</plist>
`

func newDMData(seed int64, n int) *dmData {
	n = max(n, 0)
	d := &dmData{
		apps: dmCollection{typ: "apps", fields: appFields, byID: map[string]int{}, n: n, genID: "2%09d",
			gen: func(i int) dmItem { return genApp(seed, i) }},
		packages: dmCollection{typ: "packages", fields: packageFields, byID: map[string]int{}, n: n, genID: "pkg-gen-%06d",
			gen: func(i int) dmItem { return genPackage(seed, i) }},
		blueprints: dmCollection{typ: "blueprints", fields: blueprintFields, byID: map[string]int{}, n: n, genID: "bp-gen-%06d",
			gen: func(i int) dmItem { return genBlueprint(seed, i, n) }},
		configurations: dmCollection{typ: "configurations", fields: configurationFields, byID: map[string]int{}, n: n,
			genID: "cfg-gen-%06d", gen: func(i int) dmItem { return genConfiguration(seed, i) }},
	}
	for _, it := range fixtureApps() {
		d.apps.add(it)
	}
	for _, it := range fixturePackages() {
		d.packages.add(it)
	}
	for _, it := range fixtureConfigurations() {
		d.configurations.add(it)
	}
	for _, it := range fixtureBlueprints() {
		d.blueprints.add(it)
	}
	return d
}

func a(key string, val any) dmAttr { return dmAttr{key: key, val: val} }

// fixtureApps: a store app with every attribute, a custom app, a sparse app
// (only a name and bundle id; supportedOS sent as []), and two custom apps
// sharing a bundle id (ambiguous lookups).
func fixtureApps() []dmItem {
	return []dmItem{
		{id: "361309726", attrs: []dmAttr{
			a("name", "Pages"), a("bundleId", "com.apple.iWork.Pages"),
			a("websiteUrl", "https://www.apple.com/pages/"), a("version", "14.4"),
			a("supportedOS", []string{"SUPPORTED_OS_IOS", "SUPPORTED_OS_IPADOS", "SUPPORTED_OS_MACOS"}),
			a("isCustomApp", false), a("appStoreUrl", "https://apps.apple.com/app/pages/id361309726"),
		}},
		{id: "1000000001", attrs: []dmAttr{
			a("name", "Acme Field Service"), a("bundleId", "com.acme.field"),
			a("websiteUrl", "https://acme.example/field"), a("version", "3.2.1"),
			a("supportedOS", []string{"SUPPORTED_OS_IOS", "SUPPORTED_OS_VISIONOS"}),
			a("isCustomApp", true), a("appStoreUrl", nil),
		}},
		{id: "1000000002", attrs: []dmAttr{
			a("name", "Sparse App"), a("bundleId", "com.example.sparse"),
			a("websiteUrl", nil), a("version", nil), a("supportedOS", []string{}),
			a("isCustomApp", nil), a("appStoreUrl", nil),
		}},
		{id: "1000000003", attrs: []dmAttr{
			a("name", "Acme Kiosk"), a("bundleId", "com.acme.shared"), a("version", "1.0"),
			a("supportedOS", []string{"SUPPORTED_OS_TVOS"}), a("isCustomApp", true),
		}},
		{id: "1000000004", attrs: []dmAttr{
			a("name", "Acme Kiosk (EU)"), a("bundleId", "com.acme.shared"), a("version", "1.0"),
			a("supportedOS", []string{"SUPPORTED_OS_TVOS"}), a("isCustomApp", true),
		}},
	}
}

// fixturePackages: a full package, a sparse one, and two named alike.
func fixturePackages() []dmItem {
	return []dmItem{
		{id: "pkg-12345", attrs: []dmAttr{
			a("name", "Acme Agent"), a("url", "https://packages.acme.example/agent-2.1.pkg"),
			a("hash", "9b2f1c7e4a5d6b8c0e1f2a3b4c5d6e7f"), a("bundleIds", []string{"com.acme.agent", "com.acme.agent.helper"}),
			a("description", "Endpoint agent for Macs."), a("version", "2.1"),
			a("createdDateTime", "2025-03-01T09:00:00Z"), a("updatedDateTime", "2025-06-15T10:30:00.250Z"),
		}},
		{id: "pkg-sparse", attrs: []dmAttr{
			a("name", "Fonts"), a("url", nil), a("hash", nil), a("bundleIds", nil), a("description", nil),
			a("version", nil), a("createdDateTime", "2024-01-01T00:00:00Z"), a("updatedDateTime", nil),
		}},
		{id: "pkg-dup-1", attrs: []dmAttr{a("name", "Shared Tools"), a("version", "1.0"), a("bundleIds", []string{})}},
		{id: "pkg-dup-2", attrs: []dmAttr{a("name", "Shared Tools"), a("version", "2.0"), a("bundleIds", []string{})}},
	}
}

// fixtureConfigurations: two CUSTOM_SETTING configurations with a profile,
// Apple-native ones, a sparse one, and two named alike.
func fixtureConfigurations() []dmItem {
	return []dmItem{
		{id: "config-12345", attrs: []dmAttr{
			a("type", "CUSTOM_SETTING"), a("name", "Corporate Wi-Fi"),
			a("configuredForPlatforms", []string{"PLATFORM_IOS", "PLATFORM_MACOS"}),
			a("customSettingsValues", dmProfile{xml: FixtureProfileXML, filename: "corporate-wifi.mobileconfig"}),
			a("createdDateTime", "2025-02-01T08:00:00Z"), a("updatedDateTime", "2025-05-20T12:00:00.500Z"),
		}},
		{id: "config-airdrop", attrs: []dmAttr{
			a("type", "AIR_DROP"), a("name", "AirDrop off"), a("configuredForPlatforms", []string{"PLATFORM_IOS"}),
			a("customSettingsValues", nil),
			a("createdDateTime", "2025-02-02T08:00:00Z"), a("updatedDateTime", "2025-02-02T08:00:00Z"),
		}},
		{id: "config-vault", attrs: []dmAttr{
			a("type", "FILE_VAULT"), a("name", "FileVault on"), a("configuredForPlatforms", []string{"PLATFORM_MACOS"}),
			a("customSettingsValues", nil),
			a("createdDateTime", "2025-02-03T08:00:00Z"), a("updatedDateTime", "2025-02-04T08:00:00Z"),
		}},
		{id: "config-custom-2", attrs: []dmAttr{
			a("type", "CUSTOM_SETTING"), a("name", "Empty profile"), a("configuredForPlatforms", []string{}),
			a("customSettingsValues", dmProfile{xml: "", filename: "config-custom-2.mobileconfig"}),
			a("createdDateTime", "2025-03-03T08:00:00Z"), a("updatedDateTime", nil),
		}},
		{id: "config-sparse", attrs: []dmAttr{a("type", "WIFI"), a("name", "Guest Wi-Fi")}},
		{id: "config-dup-1", attrs: []dmAttr{a("type", "WEB_CLIP"), a("name", "Intranet")}},
		{id: "config-dup-2", attrs: []dmAttr{a("type", "WEB_CLIP"), a("name", "Intranet")}},
	}
}

// fixtureBlueprints: one with every relationship, one with none (and a
// sparse attribute set), and two named alike. No fixture is short of app
// licenses; tests that want one say so (SetAppLicenseDeficient).
func fixtureBlueprints() []dmItem {
	return []dmItem{
		{id: "blueprint-12345", attrs: []dmAttr{
			a("name", "Sales iPads"), a("description", "Everything a sales iPad needs."), a("status", "ACTIVE"),
			a("createdDateTime", "2025-01-10T09:00:00Z"), a("updatedDateTime", "2025-06-01T09:00:00.125Z"),
			a("appLicenseDeficient", false),
		}, rels: map[string][]string{
			"apps":           {"361309726", "1000000001"},
			"configurations": {"config-12345", "config-airdrop"},
			"packages":       {"pkg-12345"},
			"orgDevices":     {"XABC123X0ABC123X0", "XARRAYMAC0001"},
			"users":          {"USER-1001", "USER-1002", "USER-1003"},
			"userGroups":     {"GROUP-2001"},
		}},
		{id: "blueprint-empty", attrs: []dmAttr{
			a("name", "Retired Kiosks"), a("description", nil), a("status", "TO_BE_DELETED"),
			a("createdDateTime", "2024-11-11T11:11:11Z"), a("updatedDateTime", nil), a("appLicenseDeficient", nil),
		}, rels: map[string][]string{}},
		{id: "blueprint-dup-a", attrs: []dmAttr{a("name", "Lab Macs"), a("status", "ACTIVE"), a("appLicenseDeficient", false)},
			rels: map[string][]string{"apps": {"361309726"}}},
		{id: "blueprint-dup-b", attrs: []dmAttr{a("name", "Lab Macs"), a("status", "ACTIVE"), a("appLicenseDeficient", false)},
			rels: map[string][]string{"configurations": {"config-vault"}}},
	}
}

var (
	genSupportedOS = []string{"SUPPORTED_OS_IOS", "SUPPORTED_OS_IPADOS", "SUPPORTED_OS_MACOS", "SUPPORTED_OS_TVOS",
		"SUPPORTED_OS_WATCHOS", "SUPPORTED_OS_VISIONOS"}
	genPlatforms          = []string{"PLATFORM_MACOS", "PLATFORM_IOS", "PLATFORM_TVOS", "PLATFORM_VISIONOS"}
	genConfigurationTypes = []string{"CUSTOM_SETTING", "AIR_DROP", "FILE_VAULT", "WIFI", "SOFTWARE_UPDATE", "VPN"}
)

func genDate(r *rng) string {
	return fmt.Sprintf("2025-%02d-%02dT%02d:%02d:00Z", 1+r.intn(12), 1+r.intn(28), r.intn(24), r.intn(60))
}

func genApp(seed int64, i int) dmItem {
	r := newRNG(seed, streamApp, uint64(i))
	id := fmt.Sprintf("2%09d", i)
	return dmItem{id: id, attrs: []dmAttr{
		a("name", "App "+strconv.Itoa(i)), a("bundleId", "com.example.app"+strconv.Itoa(i)),
		a("websiteUrl", "https://apps.example/"+strconv.Itoa(i)), a("version", fmt.Sprintf("%d.%d", 1+r.intn(9), r.intn(10))),
		a("supportedOS", []string{r.pick(genSupportedOS)}), a("isCustomApp", r.chance(20)),
		a("appStoreUrl", "https://apps.apple.com/app/id"+id),
	}}
}

func genPackage(seed int64, i int) dmItem {
	r := newRNG(seed, streamPackage, uint64(i))
	return dmItem{id: fmt.Sprintf("pkg-gen-%06d", i), attrs: []dmAttr{
		a("name", "Package "+strconv.Itoa(i)), a("url", fmt.Sprintf("https://packages.example/%d.pkg", i)),
		a("hash", fmt.Sprintf("%016x%016x", r.next(), r.next())), a("bundleIds", []string{"com.example.pkg" + strconv.Itoa(i)}),
		a("description", nil), a("version", fmt.Sprintf("%d.0", 1+r.intn(5))),
		a("createdDateTime", genDate(r)), a("updatedDateTime", genDate(r)),
	}}
}

func genConfiguration(seed int64, i int) dmItem {
	r := newRNG(seed, streamConfiguration, uint64(i))
	id := fmt.Sprintf("cfg-gen-%06d", i)
	typ := r.pick(genConfigurationTypes)
	var custom any
	if typ == "CUSTOM_SETTING" {
		custom = dmProfile{xml: "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict/></plist>", filename: id + ".mobileconfig"}
	}
	return dmItem{id: id, attrs: []dmAttr{
		a("type", typ), a("name", "Configuration "+strconv.Itoa(i)),
		a("configuredForPlatforms", []string{r.pick(genPlatforms)}), a("customSettingsValues", custom),
		a("createdDateTime", genDate(r)), a("updatedDateTime", genDate(r)),
	}}
}

// genBlueprint relates a generated blueprint to a few generated apps,
// configurations and packages (n of each exist).
func genBlueprint(seed int64, i, n int) dmItem {
	r := newRNG(seed, streamBlueprint, uint64(i))
	rels := map[string][]string{}
	if n > 0 {
		rels["apps"] = []string{fmt.Sprintf("2%09d", r.intn(n))}
		rels["configurations"] = []string{fmt.Sprintf("cfg-gen-%06d", r.intn(n))}
		rels["packages"] = []string{fmt.Sprintf("pkg-gen-%06d", r.intn(n))}
	}
	return dmItem{id: fmt.Sprintf("bp-gen-%06d", i), attrs: []dmAttr{
		a("name", "Blueprint "+strconv.Itoa(i)), a("description", nil), a("status", "ACTIVE"),
		a("createdDateTime", genDate(r)), a("updatedDateTime", genDate(r)), a("appLicenseDeficient", r.chance(5)),
	}, rels: rels}
}

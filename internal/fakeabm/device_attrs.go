package fakeabm

import "strings"

// deviceAttrs is every attribute of an org device, in the order Apple's
// example writes them: one row each (device_table.go says what a row holds,
// device_gen.go what the generators share).
var deviceAttrs = newDeviceTable(
	deviceAttr{key: "serialNumber", gen: func(c *genCtx, _ *rng) value { return str(c.serial()) }},
	deviceAttr{key: "addedToOrgDateTime", gen: func(c *genCtx, _ *rng) value { return str(c.dates().added) }},
	deviceAttr{key: "releasedFromOrgDateTime", kind: kE2String, gen: genReleased},
	deviceAttr{key: "updatedDateTime", gen: func(c *genCtx, _ *rng) value { return str(c.dates().updated) }},
	deviceAttr{key: "deviceModel", nullPct: 1, gen: func(c *genCtx, _ *rng) value { return str(c.product().model.name) }},
	deviceAttr{key: "productFamily", gen: func(c *genCtx, _ *rng) value { return str(c.product().family.name) }},
	deviceAttr{key: "productType", gen: func(c *genCtx, _ *rng) value { return str(c.product().model.productType) }},
	deviceAttr{key: "deviceCapacity", omitPct: 3, gen: func(c *genCtx, r *rng) value { return str(r.pick(c.product().family.capacities)) }},
	deviceAttr{key: "partNumber", omitPct: 3, gen: pattern("??###LL/A")},
	deviceAttr{key: "orderNumber", gen: genOrderNumber},
	deviceAttr{key: "color", omitPct: 3, gen: pick(colors)},
	deviceAttr{key: "status", gen: genStatus},
	deviceAttr{key: "orderDateTime", omitPct: 3, gen: func(c *genCtx, _ *rng) value { return str(c.dates().order) }},
	deviceAttr{key: "imei", kind: kStrings, gen: genIMEI},
	deviceAttr{key: "meid", kind: kStrings, gen: ifCellular(func(_ *genCtx, r *rng) value { return strs(r.pattern("35" + strings.Repeat("#", 12))) })},
	deviceAttr{key: "eid", gen: ifCellular(pattern("890490" + strings.Repeat("#", 26)))},
	deviceAttr{key: "purchaseSourceId", alias: "purchaseSourceUid", aliasPct: 5, gen: genPurchaseSourceID},
	deviceAttr{key: "purchaseSourceType", gen: func(c *genCtx, _ *rng) value { return str(c.purchaseSource()) }},
	deviceAttr{key: "wifiMacAddress", kind: kMAC, gen: genWifiMAC},
	deviceAttr{key: "bluetoothMacAddress", kind: kMAC, gen: genBluetoothMAC},
	deviceAttr{key: "ethernetMacAddress", kind: kStrings, gen: genEthernetMAC},
	deviceAttr{key: "isMdmMigrationCapable", kind: kBool, gen: genMigrationCapable},
	deviceAttr{key: "mdmMigrationStatus", gen: ifMigrating(pick(migrationStatuses))},
	deviceAttr{key: "mdmMigrationDeadlineDateTime", gen: ifMigrating(func(_ *genCtx, r *rng) value { s, _ := r.stamp(tNow, tNow+90*86400); return str(s) })},
)

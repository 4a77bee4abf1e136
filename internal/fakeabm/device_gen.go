package fakeabm

import (
	"fmt"
	"strconv"
)

// Every value of a generated device is drawn from its own stream, keyed by
// the seed, the device's index and the attribute's key, so adding, removing
// or reordering a row changes no other value. Values that belong together (a
// model and its product type, the dates, the purchase source, …) share a
// group, drawn once per device from the stream of the group's name. Whether
// a device is released and which server it is on come from streamDevice:
// the data set keeps them without generating the rest (genCore).

// draw generates one attribute's value for a device from the attribute's
// own stream r; c holds the device's groups.
type draw func(c *genCtx, r *rng) value

// pattern draws a string like p with each '?' a letter (no I or O) and each
// '#' a digit.
func pattern(p string) draw {
	return func(_ *genCtx, r *rng) value { return str(r.pattern(p)) }
}

// pick draws one of v.
func pick(v []string) draw {
	return func(_ *genCtx, r *rng) value { return str(r.pick(v)) }
}

// ifCellular leaves the key out of devices without a cellular radio.
func ifCellular(d draw) draw {
	return func(c *genCtx, r *rng) value {
		if !c.cellular() {
			return value{}
		}
		return d(c, r)
	}
}

// ifMigrating leaves the key out of devices without a requested migration.
func ifMigrating(d draw) draw {
	return func(c *genCtx, r *rng) value {
		if !c.migration().requested {
			return value{}
		}
		return d(c, r)
	}
}

// genCtx is one generated device being drawn: its kept facts, and its
// groups, each drawn on first use.
type genCtx struct {
	ds       *dataset
	g        int
	released bool
	serverID string

	haveProduct, haveDates, havePurchase, haveCellular, haveMACs, haveMigration bool

	prod     productDraw
	date     dateDraw
	purchase string
	cell     bool
	mac      macDraw
	migr     migrationDraw
}

// The streams of the groups, by their names.
var (
	groupProduct        = streamOf("group product")
	groupDates          = streamOf("group dates")
	groupPurchaseSource = streamOf("group purchaseSource")
	groupCellular       = streamOf("group cellular")
	groupMACs           = streamOf("group macs")
	groupMigration      = streamOf("group migration")
	groupAppleCare      = streamOf("group appleCareCoverage")
)

// group is the device's stream of a group.
func (c *genCtx) group(stream uint64) *rng {
	return newRNG(c.ds.seed, stream, uint64(c.g))
}

func (c *genCtx) serial() string { return c.ds.perm.serial(c.g) }

type productDraw struct {
	family family
	model  model
}

// product is the device's family, by weight, and one of its models.
func (c *genCtx) product() productDraw {
	if !c.haveProduct {
		r := c.group(groupProduct)
		w := r.intn(100)
		f := families[0]
		for _, fam := range families {
			if w < fam.weight {
				f = fam
				break
			}
			w -= fam.weight
		}
		c.prod, c.haveProduct = productDraw{family: f, model: f.models[r.intn(len(f.models))]}, true
	}
	return c.prod
}

type dateDraw struct {
	added, updated, order, released string // released "" unless the device is
	addedSec                        int64
}

// dates are the date-times, each after the one it follows: ordered up to 30
// days before being added, updated (or released) after.
func (c *genCtx) dates() dateDraw {
	if !c.haveDates {
		r := c.group(groupDates)
		var d dateDraw
		d.added, d.addedSec = r.stamp(t2019, t2026)
		d.updated, _ = r.stamp(d.addedSec, tNow)
		order := d.addedSec - int64(r.intn(30*86400))
		d.order = stamp(order-order%86400+7*3600, 0, 0)
		if c.released {
			var rel int64
			d.released, rel = r.stamp(d.addedSec, tNow)
			d.updated = stamp(rel, 0, 0)
		}
		c.date, c.haveDates = d, true
	}
	return c.date
}

// purchaseSource is APPLE, RESELLER or MANUALLY_ADDED; the source's id and
// order number follow its type.
func (c *genCtx) purchaseSource() string {
	if !c.havePurchase {
		switch n := c.group(groupPurchaseSource).intn(100); {
		case n < 45:
			c.purchase = "APPLE"
		case n < 85:
			c.purchase = "RESELLER"
		default:
			c.purchase = "MANUALLY_ADDED"
		}
		c.havePurchase = true
	}
	return c.purchase
}

// cellular is whether the device has a cellular radio (imei, meid, eid), as
// often as its family has.
func (c *genCtx) cellular() bool {
	if !c.haveCellular {
		c.cell, c.haveCellular = c.group(groupCellular).intn(100) < c.product().family.cellular, true
	}
	return c.cell
}

type macDraw struct {
	prefix  string
	base    uint32 // wifi at base (and base+3), bluetooth base+1, ethernet base+2
	omitted bool   // wifi and bluetooth both left out
}

func (c *genCtx) macs() macDraw {
	if !c.haveMACs {
		r := c.group(groupMACs)
		c.mac = macDraw{prefix: r.pick(macPrefixes), base: 0x100000 + uint32(c.g)*4, omitted: r.chance(5)}
		c.haveMACs = true
	}
	return c.mac
}

type migrationDraw struct {
	reported, capable, requested bool
}

// migration is whether the device reports MDM migration (ABM 2.3+), whether
// it can migrate, and whether a migration was requested.
func (c *genCtx) migration() migrationDraw {
	if !c.haveMigration {
		r := c.group(groupMigration)
		var m migrationDraw
		if m.reported = r.chance(35); m.reported {
			m.capable = r.chance(60)
			m.requested = m.capable && r.chance(40)
		}
		c.migr, c.haveMigration = m, true
	}
	return c.migr
}

func genReleased(c *genCtx, _ *rng) value {
	if !c.released {
		return value{presence: keyNull}
	}
	return str(c.dates().released)
}

func genStatus(c *genCtx, _ *rng) value {
	if c.serverID == "" {
		return str("UNASSIGNED")
	}
	return str("ASSIGNED")
}

func genOrderNumber(c *genCtx, r *rng) value {
	switch c.purchaseSource() {
	case "APPLE":
		return str(r.digits(10))
	case "RESELLER":
		return str("PO-" + r.digits(6))
	}
	return value{}
}

func genPurchaseSourceID(c *genCtx, r *rng) value {
	switch c.purchaseSource() {
	case "APPLE":
		return str("-" + strconv.FormatUint(1e15+r.next()%9e15, 10))
	case "RESELLER":
		return str(strconv.Itoa(1000000 + r.intn(9000000)))
	}
	return value{}
}

func genIMEI(c *genCtx, r *rng) value {
	if !c.cellular() {
		return value{}
	}
	v := strs("35" + r.digits(13))
	if r.chance(30) {
		v.list = append(v.list, "35"+r.digits(13))
	}
	return v
}

func genWifiMAC(c *genCtx, r *rng) value {
	m := c.macs()
	if m.omitted {
		return value{}
	}
	v := macs(r.chance(50), mac(m.prefix, m.base))
	if v.array && r.chance(30) {
		v.list = append(v.list, mac(m.prefix, m.base+3))
	}
	return v
}

func genBluetoothMAC(c *genCtx, r *rng) value {
	m := c.macs()
	if m.omitted {
		return value{}
	}
	return macs(r.chance(50), mac(m.prefix, m.base+1))
}

func genEthernetMAC(c *genCtx, _ *rng) value {
	if !c.product().family.ethernet {
		return value{}
	}
	m := c.macs()
	return strs(mac(m.prefix, m.base+2))
}

func genMigrationCapable(c *genCtx, _ *rng) value {
	m := c.migration()
	if !m.reported {
		return value{}
	}
	return boolean(m.capable)
}

type model struct{ name, productType string }

type family struct {
	name       string
	weight     int
	models     []model
	capacities []string
	cellular   int // percent with imei/meid/eid
	ethernet   bool
}

var families = []family{
	{"iPhone", 30, []model{{"iPhone 15 Pro", "iPhone16,1"}, {"iPhone 15", "iPhone15,4"}, {"iPhone 14", "iPhone14,7"}, {"iPhone SE (3rd generation)", "iPhone14,6"}, {"iPhone 16", "iPhone17,3"}}, []string{"128GB", "256GB", "512GB"}, 100, false},
	{"iPad", 20, []model{{"iPad Pro 11-inch (M4)", "iPad16,3"}, {"iPad Air 11-inch (M2)", "iPad14,8"}, {"iPad (10th generation)", "iPad13,18"}, {"iPad mini (A17 Pro)", "iPad16,1"}}, []string{"64GB", "128GB", "256GB"}, 40, false},
	{"Mac", 30, []model{{"MacBook Air (M2)", "Mac14,2"}, {"MacBook Pro (14-inch, M3)", "Mac15,3"}, {"iMac (24-inch, M3)", "Mac15,4"}, {"Mac mini (M4)", "Mac16,10"}, {`iMac 21.5"`, "iMac16,2"}}, []string{"256GB", "512GB", "1TB"}, 0, true},
	{"AppleTV", 7, []model{{"Apple TV 4K", "AppleTV14,1"}, {"Apple TV HD", "AppleTV5,3"}}, []string{"32GB", "64GB", "128GB"}, 0, true},
	{"Watch", 8, []model{{"Apple Watch Series 9", "Watch7,3"}, {"Apple Watch SE", "Watch6,10"}}, []string{"32GB", "64GB"}, 30, false},
	{"Vision", 5, []model{{"Apple Vision Pro", "RealityDevice14,1"}}, []string{"256GB", "512GB", "1TB"}, 0, false},
}

var colors = []string{"SILVER", "SPACE GRAY", "MIDNIGHT", "STARLIGHT", "BLUE", "BLACK", "WHITE", ""}
var macPrefixes = []string{"f0:18:98", "a4:83:e7", "3c:22:fb", "bc:d0:74", "88:66:5a"}
var migrationStatuses = []string{"REQUESTED", "STARTED", "SUCCESS", "FAILED"}

func mac(prefix string, n uint32) string {
	return fmt.Sprintf("%s:%02x:%02x:%02x", prefix, byte(n>>16), byte(n>>8), byte(n))
}

// genCore draws the facts the data set keeps for generated device g, from
// streamDevice: whether it is released and which of the eligible servers
// (index into eligible, or -1) it is assigned to.
func genCore(r *rng, eligible int) (released bool, slot int) {
	released = r.chance(2)
	assigned := r.chance(70)
	slot = r.intn(max(eligible, 1))
	if released || !assigned || eligible == 0 {
		return released, -1
	}
	return false, slot
}

// genDevice builds generated device g: its kept facts, then each row of the
// data set's table from the row's own stream.
func (ds *dataset) genDevice(g int) Device {
	c := genCtx{ds: ds, g: g}
	var slot int
	c.released, slot = genCore(newRNG(ds.seed, streamDevice, uint64(g)), len(ds.eligible))
	if slot >= 0 {
		c.serverID = ds.servers[ds.eligible[slot]].ID
	}
	t := ds.table
	d := Device{t: t, vals: make([]value, len(t.rows)), AssignedServerID: c.serverID, Released: c.released}
	r := &rng{}
	for i, row := range t.rows {
		r.s = rngStart(ds.seed, t.streams[i], uint64(g))
		switch {
		case row.omitPct > 0 && r.chance(row.omitPct):
			continue
		case row.nullPct > 0 && r.chance(row.nullPct):
			d.vals[i] = value{presence: keyNull}
			continue
		}
		alias := row.aliasPct > 0 && r.chance(row.aliasPct)
		v := row.gen(&c, r)
		v.alias = alias && v.presence != keyOmitted
		d.vals[i] = v
	}
	d.AppleCareCoverage = c.appleCare()
	return d
}

// appleCare is the device's coverage: none, one plan, or a plan and a
// subscription, starting the day it was added.
func (c *genCtx) appleCare() []AppleCareCoverage {
	r := c.group(groupAppleCare)
	added := c.dates().addedSec
	switch n := r.intn(100); {
	case n < 40:
		return []AppleCareCoverage{}
	case n < 90:
		return []AppleCareCoverage{genCoverage(r, added, false)}
	default:
		return []AppleCareCoverage{genCoverage(r, added, false), genCoverage(r, added, true)}
	}
}

func genCoverage(r *rng, added int64, subscription bool) AppleCareCoverage {
	start := added - added%86400
	c := AppleCareCoverage{ID: r.alnum(10), Status: "ACTIVE", StartDateTime: stamp(start, 0, 0)}
	if subscription {
		c.PaymentType = "SUBSCRIPTION"
		c.Description = "AppleCare+ for Business (monthly)"
		c.IsRenewable = true
		c.AgreementNumber = "AG-" + r.digits(6)
		if r.chance(10) {
			c.IsCanceled, c.Status = true, "INACTIVE"
			c.ContractCancelDateTime = stamp(start+int64(r.intn(365))*86400, 0, 0)
		}
		return c
	}
	c.PaymentType = r.pick([]string{"PAID_UP_FRONT", "PAID_UP_FRONT", "ABE_SUBSCRIPTION", "NONE"})
	c.Description = "AppleCare+ for Business"
	if c.PaymentType == "NONE" {
		c.Description = "Limited Warranty"
	}
	end := start + int64(365*(1+r.intn(3)))*86400
	c.EndDateTime = stamp(end, 0, 0)
	if end < tNow {
		c.Status = "INACTIVE"
	}
	return c
}

package fakeabm

import (
	"fmt"
	"math/big"
	"math/bits"
	"strconv"
	"time"
)

// Generated devices are not stored: every attribute is a pure function of
// (seed, index), recomputed when a page is written. Only the few facts needed to
// page and to link (released, assigned server) are kept, so 200,000 devices cost
// a few megabytes and build in milliseconds.

// rng is splitmix64: tiny, fast, and the same stream for the same seed on every
// platform (math/rand's sources make no such promise across Go versions).
type rng struct{ s uint64 }

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func newRNG(seed int64, stream, i uint64) *rng {
	return &rng{s: mix64(uint64(seed)*0x9E3779B97F4A7C15 ^ mix64(stream+1)*0xD1B54A32D192ED03 ^ mix64(i+0x5851F42D4C957F2D))}
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	return mix64(r.s)
}

func (r *rng) intn(n int) int             { return int(r.next() % uint64(n)) }
func (r *rng) chance(pct int) bool        { return r.intn(100) < pct }
func (r *rng) pick(v []string) string     { return v[r.intn(len(v))] }
func (r *rng) digits(n int) string        { return r.fromAlphabet("0123456789", n) }
func (r *rng) alnum(n int) string         { return r.fromAlphabet(serialAlphabet, n) }
func (r *rng) between(lo, hi int64) int64 { return lo + int64(r.next()%uint64(hi-lo)) }

func (r *rng) fromAlphabet(a string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = a[r.intn(len(a))]
	}
	return string(b)
}

// Random streams, so adding a draw to one kind of record never shifts another.
const (
	streamDevice = iota + 1
	streamServer
	streamSerialFirst
	streamSerialPerm
	streamCredentials
	streamCursor
)

// --- serial numbers -------------------------------------------------------

const serialAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// Generated serials never start with X, so they never collide with the fixtures.
const serialFirstChars = "CDFGHJKLMNPQRTVWY"

// serialPerm maps an index to the last 11 characters of its serial through the
// bijection v = a*i + b (mod 36^11): unique by construction, reversible for lookups.
type serialPerm struct {
	seed       int64
	a, b, ainv uint64
}

const serialMod = 131621703842267136 // 36^11

func newSerialPerm(seed int64) serialPerm {
	r := newRNG(seed, streamSerialPerm, 0)
	a := r.next()%serialMod | 1
	for a%3 == 0 { // coprime with 36 = 2²·3²
		a = (a + 2) % serialMod
	}
	inv := new(big.Int).ModInverse(new(big.Int).SetUint64(a), new(big.Int).SetUint64(serialMod))
	return serialPerm{seed: seed, a: a, b: r.next() % serialMod, ainv: inv.Uint64()}
}

func mulmod(x, y, m uint64) uint64 {
	hi, lo := bits.Mul64(x, y)
	return bits.Rem64(hi, lo, m)
}

func (p serialPerm) serial(i int) string {
	v := (mulmod(p.a, uint64(i), serialMod) + p.b) % serialMod
	var b [12]byte
	for k := 11; k >= 1; k-- {
		b[k] = serialAlphabet[v%36]
		v /= 36
	}
	b[0] = p.first(i)
	return string(b[:])
}

func (p serialPerm) first(i int) byte {
	return serialFirstChars[newRNG(p.seed, streamSerialFirst, uint64(i)).intn(len(serialFirstChars))]
}

// index reverses serial; ok is false for anything serial(i) could not produce.
func (p serialPerm) index(s string, n int) (int, bool) {
	if len(s) != 12 {
		return 0, false
	}
	var v uint64
	for k := 1; k < 12; k++ {
		c := s[k]
		var d uint64
		switch {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'A' && c <= 'Z':
			d = uint64(c-'A') + 10
		default:
			return 0, false
		}
		v = v*36 + d
	}
	i := mulmod((v+serialMod-p.b)%serialMod, p.ainv, serialMod)
	if i >= uint64(n) || p.first(int(i)) != s[0] {
		return 0, false
	}
	return int(i), true
}

// --- time stamps ------------------------------------------------------------

// stamp formats Unix seconds plus milliseconds with 0–3 fractional digits,
// trailing zeros trimmed, as Apple does (…14.192Z, …32.59Z, …07:00:00Z).
func stamp(sec int64, ms, digits int) string {
	b := time.Unix(sec, 0).UTC().AppendFormat(make([]byte, 0, 24), "2006-01-02T15:04:05")
	if digits > 0 {
		f := []byte(fmt.Sprintf("%03d", ms))[:digits]
		for len(f) > 0 && f[len(f)-1] == '0' {
			f = f[:len(f)-1]
		}
		if len(f) > 0 {
			b = append(append(b, '.'), f...)
		}
	}
	return string(append(b, 'Z'))
}

func (r *rng) stamp(lo, hi int64) (string, int64) {
	sec := r.between(lo, hi)
	return stamp(sec, r.intn(1000), r.intn(4)), sec
}

var (
	t2019 = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	t2026 = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).Unix()
	tNow  = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC).Unix() // the data set's "now": fixed for determinism
)

// --- MDM servers --------------------------------------------------------------

var serverProducts = []string{"Jamf Pro", "Kandji", "Intune", "Mosyle", "Workspace ONE", "Addigy", "Fleet", "SimpleMDM"}
var serverFamilies = []string{"APPLE_TV", "IPAD", "IPHONE", "MAC", "VISION", "WATCH"}

func genServer(seed int64, i int) MdmServer {
	r := newRNG(seed, streamServer, uint64(i))
	s := MdmServer{
		ID:         fmt.Sprintf("%016X%016X", r.next(), r.next()),
		ServerName: fmt.Sprintf("%s %02d", r.pick(serverProducts), i+1),
		ServerType: "MDM",
		Status:     "ACTIVE",
	}
	switch n := r.intn(100); {
	case n < 8:
		s.ServerType = "APPLE_CONFIGURATOR"
	case n < 12:
		s.ServerType = "APPLE_MDM"
	}
	if r.chance(10) {
		s.Status = "INACTIVE"
	}
	s.EnableMdmDisownFlag = r.chance(20)
	s.DefaultProductFamilies = []string{}
	for _, f := range serverFamilies {
		if r.chance(40) {
			s.DefaultProductFamilies = append(s.DefaultProductFamilies, f)
		}
	}
	var created int64
	s.CreatedDateTime, created = r.stamp(t2019, t2026)
	s.UpdatedDateTime, _ = r.stamp(created, tNow)
	if r.chance(85) {
		s.LastConnectedDateTime, _ = r.stamp(created, tNow)
		s.LastConnectedIP = fmt.Sprintf("198.51.100.%d", 10+r.intn(240))
	}
	return s
}

// --- devices --------------------------------------------------------------

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

// genCore draws the facts the data set keeps for generated device g: whether it
// is released and which of the eligible servers (index into eligible, or -1) it
// is assigned to. genDevice starts with the same draws.
func genCore(r *rng, eligible int) (released bool, slot int) {
	released = r.chance(2)
	assigned := r.chance(70)
	slot = r.intn(max(eligible, 1))
	if released || !assigned || eligible == 0 {
		return released, -1
	}
	return false, slot
}

func mac(prefix string, n uint32) string {
	return fmt.Sprintf("%s:%02x:%02x:%02x", prefix, byte(n>>16), byte(n>>8), byte(n))
}

// genDevice builds generated device g; serverID is its assigned server ("" if none).
func (ds *dataset) genDevice(g int) Device {
	r := newRNG(ds.seed, streamDevice, uint64(g))
	released, slot := genCore(r, len(ds.eligible))
	d := Device{SerialNumber: ds.perm.serial(g), Released: released, Status: "UNASSIGNED"}
	if slot >= 0 {
		d.Status = "ASSIGNED"
		d.AssignedServerID = ds.servers[ds.eligible[slot]].ID
	}

	w := r.intn(100)
	f := families[0]
	for _, fam := range families {
		if w < fam.weight {
			f = fam
			break
		}
		w -= fam.weight
	}
	m := f.models[r.intn(len(f.models))]
	d.ProductFamily, d.DeviceModel, d.ProductType = f.name, m.name, m.productType
	d.DeviceCapacity = r.pick(f.capacities)
	d.PartNumber = r.fromAlphabet("ABCDEFGHJKLMNPQRSTUVWXYZ", 2) + r.digits(3) + "LL/A"
	d.Color = r.pick(colors)

	var added int64
	d.AddedToOrgDateTime, added = r.stamp(t2019, t2026)
	d.UpdatedDateTime, _ = r.stamp(added, tNow)
	order := added - int64(r.intn(30*86400))
	d.OrderDateTime = stamp(order-order%86400+7*3600, 0, 0)
	if released {
		var rel int64
		d.ReleasedFromOrgDateTime, rel = r.stamp(added, tNow)
		d.UpdatedDateTime = stamp(rel, 0, 0)
	}

	switch n := r.intn(100); {
	case n < 45:
		d.PurchaseSourceType = "APPLE"
		d.PurchaseSourceID = "-" + strconv.FormatUint(1e15+r.next()%9e15, 10)
		d.OrderNumber = r.digits(10)
	case n < 85:
		d.PurchaseSourceType = "RESELLER"
		d.PurchaseSourceID = strconv.Itoa(1000000 + r.intn(9000000))
		d.OrderNumber = "PO-" + r.digits(6)
	default:
		d.PurchaseSourceType = "MANUALLY_ADDED"
		d.omit = d.omit.with(aPurchaseSourceID, aOrderNumber)
	}
	d.PurchaseSourceIDMisspelled = r.chance(5)

	if r.intn(100) < f.cellular {
		d.IMEI = []string{"35" + r.digits(13)}
		if r.chance(30) {
			d.IMEI = append(d.IMEI, "35"+r.digits(13))
		}
		d.MEID = []string{"35" + r.digits(12)}
		d.EID = "890490" + r.digits(26)
	} else {
		d.omit = d.omit.with(aIMEI, aMEID, aEID)
	}

	prefix := r.pick(macPrefixes)
	base := 0x100000 + uint32(g)*4 // distinct per device, clear of the fixtures' low addresses
	d.WifiMacAddress = []string{mac(prefix, base)}
	if d.WifiMacAddressIsArray = r.chance(50); d.WifiMacAddressIsArray && r.chance(30) {
		d.WifiMacAddress = append(d.WifiMacAddress, mac(prefix, base+3))
	}
	d.BluetoothMacAddress = []string{mac(prefix, base+1)}
	d.BluetoothMacAddressIsArray = r.chance(50)
	if f.ethernet {
		d.EthernetMacAddress = []string{mac(prefix, base+2)}
	} else {
		d.omit = d.omit.with(aEthernetMacAddress)
	}
	if r.chance(5) {
		d.omit = d.omit.with(aWifiMacAddress, aBluetoothMacAddress)
	}

	if r.chance(35) {
		d.IsMdmMigrationCapable = r.chance(60)
		if d.IsMdmMigrationCapable && r.chance(40) {
			d.MdmMigrationStatus = r.pick(migrationStatuses)
			d.MdmMigrationDeadlineDateTime, _ = r.stamp(tNow, tNow+90*86400)
		} else {
			d.omit = d.omit.with(aMdmMigrationStatus, aMdmMigrationDeadlineDateTime)
		}
	} else {
		d.omit = d.omit.union(migrationAttrs)
	}

	// Apple leaves out or nulls the odd key.
	for _, k := range []int{aColor, aPartNumber, aDeviceCapacity, aOrderDateTime} {
		if r.chance(3) {
			d.omit = d.omit.with(k)
		}
	}
	if r.chance(1) {
		d.null = d.null.with(aDeviceModel)
	}

	d.AppleCareCoverage = []AppleCareCoverage{}
	switch n := r.intn(100); {
	case n < 40:
	case n < 90:
		d.AppleCareCoverage = append(d.AppleCareCoverage, genCoverage(r, added, false))
	default:
		d.AppleCareCoverage = append(d.AppleCareCoverage, genCoverage(r, added, false), genCoverage(r, added, true))
	}
	return d
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

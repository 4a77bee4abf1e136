package fakeabm

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Managed devices: GET /v1/mdmDevices and GET /v1/mdmDevices/{id}/details
// (README: Managed devices, Activation Lock and device activities),
// devices enrolled in Apple's built-in device management. Apple publishes
// no example answers; the shapes follow its object pages.

const (
	RouteMdmDevices       = "mdmDevices"
	RouteMdmDeviceDetails = "mdmDeviceDetails"
)

var (
	mdmDeviceFields       = []string{"serialNumber", "deviceName", "productFamily", "enrolledUserId", "details"}
	mdmDeviceDetailFields = []string{"serialNumber", "deviceName", "deviceModel", "osVersion", "platform", "imei", "meid",
		"wifiMacAddress", "bluetoothMacAddress", "ethernetMacAddress", "lastCheckInDateTime", "isFirewallEnabled",
		"isFileVaultEnabled", "storageFreeCapacity", "storageTotalCapacity", "deviceLockStatus", "deviceEraseStatus", "lostModeStatus"}
)

// MdmDevice is the fake's own view of one managed device and its details.
// "" and nil mean Apple sends nothing (absent or null, SetUnsetAsNull).
type MdmDevice struct {
	ID             string
	SerialNumber   string
	DeviceName     string
	ProductFamily  string
	EnrolledUserID string
	Details        MdmDeviceDetail
}

// MdmDeviceDetail is what /details reports for a managed device.
type MdmDeviceDetail struct {
	DeviceModel          string
	OSVersion            string
	Platform             string
	IMEI, MEID           []string // nil: not sent
	WifiMacAddress       string
	BluetoothMacAddress  string
	EthernetMacAddress   string
	LastCheckInDateTime  string
	IsFirewallEnabled    *bool
	IsFileVaultEnabled   *bool
	StorageFreeCapacity  int64
	StorageTotalCapacity int64 // 0: neither capacity is sent
	DeviceLockStatus     string
	DeviceEraseStatus    string
	LostModeStatus       string
}

func bp(b bool) *bool { return &b }

// mdmFixtures come first in list order, the same for every seed.
var mdmFixtures = fixtureMdmDevices()

// fixtureMdmDevices are the fixed managed devices tests assert literally.
func fixtureMdmDevices() []MdmDevice {
	return []MdmDevice{
		{ // A Mac with every attribute: FileVault and firewall on.
			ID: "a1f4e1c2-0d53-4a8e-9c61-3f0b7e5d2a01", SerialNumber: "XABC123X0ABC123X0", DeviceName: "Reception iMac",
			ProductFamily: "Mac", EnrolledUserID: "2d5c7a10-6f4e-4b1a-9e3d-8c2b1a0f9e01",
			Details: MdmDeviceDetail{
				DeviceModel: `iMac 21.5"`, OSVersion: "15.5", Platform: "macOS", IMEI: []string{}, MEID: []string{},
				WifiMacAddress: "a4:83:e7:00:00:01", BluetoothMacAddress: "a4:83:e7:00:00:02", EthernetMacAddress: "a4:83:e7:00:00:03",
				LastCheckInDateTime: "2026-06-30T08:15:00.25Z", IsFirewallEnabled: bp(true), IsFileVaultEnabled: bp(true),
				StorageFreeCapacity: 412316860416, StorageTotalCapacity: 499963174912,
				DeviceLockStatus: "UNLOCKED", DeviceEraseStatus: "NOT_ERASED", LostModeStatus: "DISABLED",
			},
		},
		{ // A second Mac, compliant too; SetManagedDeviceSecurity breaks it.
			ID: "b7e2c9d4-1a3f-4e5b-8c7d-6e5f4a3b2c02", SerialNumber: "XMACBOOK0002", DeviceName: "Design MacBook Pro",
			ProductFamily: "Mac", EnrolledUserID: "2d5c7a10-6f4e-4b1a-9e3d-8c2b1a0f9e02",
			Details: MdmDeviceDetail{
				DeviceModel: "MacBook Pro (14-inch, 2024)", OSVersion: "15.4.1", Platform: "macOS", IMEI: []string{}, MEID: []string{},
				WifiMacAddress: "3c:22:fb:00:00:01", BluetoothMacAddress: "3c:22:fb:00:00:02",
				LastCheckInDateTime: "2026-06-29T17:40:12Z", IsFirewallEnabled: bp(true), IsFileVaultEnabled: bp(true),
				StorageFreeCapacity: 120034123776, StorageTotalCapacity: 994662584320,
				DeviceLockStatus: "UNLOCKED", DeviceEraseStatus: "NOT_ERASED", LostModeStatus: "DISABLED",
			},
		},
		{ // An iPhone without a user, locked and in lost mode; no FileVault or firewall.
			ID: "c3d8f0a6-2b4c-4d6e-9f80-7a6b5c4d3e03", SerialNumber: "XARRAYMAC0001", DeviceName: "Sales iPhone",
			ProductFamily: "iPhone",
			Details: MdmDeviceDetail{
				DeviceModel: "iPhone 15 Pro", OSVersion: "18.5", Platform: "iOS",
				IMEI: []string{"356789012345678", "356789012345679"}, MEID: []string{"35678901234567"},
				WifiMacAddress: "f0:18:98:00:00:01", BluetoothMacAddress: "f0:18:98:00:00:03",
				LastCheckInDateTime: "2026-06-28T06:00:00Z", StorageFreeCapacity: 98765432100, StorageTotalCapacity: 256000000000,
				DeviceLockStatus: "LOCKED", DeviceEraseStatus: "NOT_ERASED", LostModeStatus: "ENABLED",
			},
		},
		{ // A sparse iPad: name and family only, details with nothing but its serial number.
			ID: "d9a0b1c2-3e4f-4a5b-8c6d-7e8f9a0b1c04", SerialNumber: "XSPARSE00001", ProductFamily: "iPad",
		},
	}
}

// Generated managed devices, like generated org devices, are pure
// functions of (seed, index): nothing is stored.
const (
	streamMdmDevice = 101 + iota
	streamActivationLock
)

var (
	mdmFamilies  = []string{"Mac", "Mac", "iPhone", "iPhone", "iPad", "AppleTV", "Vision"}
	mdmPlatforms = map[string]string{"Mac": "macOS", "iPhone": "iOS", "iPad": "iPadOS", "AppleTV": "tvOS", "Vision": "visionOS"}
	mdmModels    = map[string][]string{
		"Mac":    {"MacBook Air (13-inch, M3, 2024)", "MacBook Pro (14-inch, 2024)", "Mac mini (2024)", "iMac (24-inch, 2024)"},
		"iPhone": {"iPhone 15", "iPhone 15 Pro", "iPhone 16"}, "iPad": {"iPad Air (M2)", "iPad (10th generation)"},
		"AppleTV": {"Apple TV 4K (3rd generation)"}, "Vision": {"Apple Vision Pro"},
	}
)

func (s *Server) mdmSerialPerm() serialPerm { return newSerialPerm(s.opts.Seed ^ 0x6D646D) }

// mdmIDKey hides the index in a generated id's last 48 bits, so an id maps
// back to its device without a table.
func (s *Server) mdmIDKey() uint64 {
	return newRNG(s.opts.Seed, streamMdmDevice, 1<<40).next() & 0xFFFFFFFFFFFF
}

func (s *Server) numMdmDevices() int { return len(mdmFixtures) + max(s.opts.MdmDevices, 0) }

// mdmDevice returns managed device i in list order.
func (s *Server) mdmDevice(i int) MdmDevice {
	if i < len(mdmFixtures) {
		return mdmFixtures[i]
	}
	g := i - len(mdmFixtures)
	r := newRNG(s.opts.Seed, streamMdmDevice, uint64(g))
	a := r.next()
	b := r.next()&^0xFFFFFFFFFFFF | (uint64(g)^s.mdmIDKey())&0xFFFFFFFFFFFF
	fam := r.pick(mdmFamilies)
	serial := s.mdmSerialPerm().serial(g)
	d := MdmDevice{ID: uuidFrom(a, b), SerialNumber: serial, DeviceName: fam + "-" + serial[len(serial)-4:], ProductFamily: fam}
	if r.chance(70) {
		d.EnrolledUserID = uuidFrom(r.next(), r.next())
	}
	total := []int64{128, 256, 512, 1024}[r.intn(4)] * 1_000_000_000
	det := MdmDeviceDetail{
		DeviceModel: r.pick(mdmModels[fam]), OSVersion: fmt.Sprintf("%d.%d", 15+r.intn(4), r.intn(6)), Platform: mdmPlatforms[fam],
		IMEI: []string{}, MEID: []string{},
		WifiMacAddress: mac("a8:5c:2c", uint32(g*2)), BluetoothMacAddress: mac("a8:5c:2c", uint32(g*2+1)),
		LastCheckInDateTime:  stamp(r.between(tNow-30*86400, tNow), r.intn(1000), r.intn(4)),
		StorageTotalCapacity: total, StorageFreeCapacity: total / int64(2+r.intn(8)),
		DeviceLockStatus: "UNLOCKED", DeviceEraseStatus: "NOT_ERASED", LostModeStatus: "DISABLED",
	}
	if fam == "Mac" {
		det.IsFileVaultEnabled, det.IsFirewallEnabled = bp(r.chance(90)), bp(r.chance(80))
	}
	if fam == "iPhone" {
		det.IMEI = []string{r.digits(15)}
	}
	d.Details = det
	return d
}

// mdmDeviceIndex finds a managed device by id.
func (s *Server) mdmDeviceIndex(id string) (int, bool) {
	for i, d := range mdmFixtures {
		if d.ID == id {
			return i, true
		}
	}
	if len(id) != 36 {
		return 0, false
	}
	v, err := strconv.ParseUint(id[24:], 16, 64)
	if err != nil {
		return 0, false
	}
	g := int((v ^ s.mdmIDKey()) & 0xFFFFFFFFFFFF)
	if g >= max(s.opts.MdmDevices, 0) {
		return 0, false
	}
	i := len(mdmFixtures) + g
	return i, s.mdmDevice(i).ID == id
}

// MdmDevices returns every managed device in list order, with its details
// as the fake sends them (knobs applied).
func (s *Server) MdmDevices() []MdmDevice {
	out := make([]MdmDevice, s.numMdmDevices())
	for i := range out {
		out[i] = s.withSecurity(s.mdmDevice(i))
	}
	return out
}

func (s *Server) withSecurity(d MdmDevice) MdmDevice {
	if sec, ok := s.statusKnobsNow().security[d.SerialNumber]; ok {
		d.Details.IsFileVaultEnabled, d.Details.IsFirewallEnabled = bp(sec[0]), bp(sec[1])
	}
	return d
}

func init() {
	apiRoutes = append(apiRoutes, func(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool) {
		switch {
		case len(seg) == 1 && seg[0] == "mdmDevices":
			return RouteMdmDevices, s.businessOnly(s.serveMdmDevices), true
		case len(seg) == 3 && seg[0] == "mdmDevices" && seg[2] == "details":
			return RouteMdmDeviceDetails, s.businessOnly(s.serveMdmDeviceDetails), true
		}
		return "", nil, false
	})
}

// managementOff answers as the knob says when built-in device management
// is off; it reports whether it answered.
func (s *Server) managementOff(w http.ResponseWriter, list bool) bool {
	switch s.statusKnobsNow().managementOff {
	case "403":
		s.writeError(w, apiError{status: 403, code: "FORBIDDEN_ERROR", title: "This request is forbidden for security reasons",
			detail: "Built-in device management is not turned on for this organization."})
	case "404":
		s.writeError(w, apiError{status: 404, code: "NOT_FOUND", title: "The specified resource doesn't exist",
			detail: "Built-in device management is not turned on for this organization."})
	case "empty":
		if list {
			return false // the list handler serves no devices
		}
		s.writeError(w, notFound("mdmDevices", "details"))
	default:
		return false
	}
	return true
}

// GET /v1/mdmDevices.
func (s *Server) serveMdmDevices(w http.ResponseWriter, r *http.Request, _ string) {
	if s.managementOff(w, true) {
		return
	}
	sel, e := parseFields(r, "mdmDevices", mdmDeviceFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	n := s.numMdmDevices()
	if s.statusKnobsNow().managementOff == "empty" {
		n = 0
	}
	p, e := s.parsePage(r, "/mdmDevices", n)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	k := s.statusKnobsNow()
	j := jw{b: make([]byte, 0, 400*(p.end()-p.offset)+512)}
	j.obj()
	j.key("data")
	j.arr()
	for i := p.offset; i < p.end(); i++ {
		d := s.mdmDevice(i)
		self := s.apiURL("/mdmDevices/" + url.PathEscape(d.ID))
		j.obj()
		j.kstr("type", "mdmDevices")
		j.kstr("id", d.ID)
		j.key("attributes")
		j.obj()
		optStr(&j, k, sel, "serialNumber", d.SerialNumber)
		optStr(&j, k, sel, "deviceName", d.DeviceName)
		optStr(&j, k, sel, "productFamily", d.ProductFamily)
		optStr(&j, k, sel, "enrolledUserId", d.EnrolledUserID)
		j.endObj()
		if sel.has("details") {
			j.key("relationships")
			j.obj()
			j.key("details")
			j.obj()
			j.key("links")
			j.obj()
			j.kstr("related", self+"/details")
			j.endObj()
			j.endObj()
			j.endObj()
		}
		j.key("links")
		j.obj()
		j.kstr("self", self)
		j.endObj()
		j.endObj()
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// GET /v1/mdmDevices/{id}/details. The detail's id is the device's [guess].
func (s *Server) serveMdmDeviceDetails(w http.ResponseWriter, r *http.Request, id string) {
	if s.managementOff(w, false) {
		return
	}
	sel, e := parseFields(r, "mdmDeviceDetails", mdmDeviceDetailFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	i, ok := s.mdmDeviceIndex(id)
	if !ok {
		s.writeError(w, notFound("mdmDevices", id))
		return
	}
	d := s.withSecurity(s.mdmDevice(i))
	k := s.statusKnobsNow()
	det := d.Details
	var j jw
	j.obj()
	j.key("data")
	j.obj()
	j.kstr("type", "mdmDeviceDetails")
	j.kstr("id", d.ID)
	j.key("attributes")
	j.obj()
	optStr(&j, k, sel, "serialNumber", d.SerialNumber)
	optStr(&j, k, sel, "deviceName", d.DeviceName)
	optStr(&j, k, sel, "deviceModel", det.DeviceModel)
	optStr(&j, k, sel, "osVersion", det.OSVersion)
	optStr(&j, k, sel, "platform", det.Platform)
	optStrs(&j, k, sel, "imei", det.IMEI)
	optStrs(&j, k, sel, "meid", det.MEID)
	optStr(&j, k, sel, "wifiMacAddress", det.WifiMacAddress)
	optStr(&j, k, sel, "bluetoothMacAddress", det.BluetoothMacAddress)
	optStr(&j, k, sel, "ethernetMacAddress", det.EthernetMacAddress)
	optStr(&j, k, sel, "lastCheckInDateTime", det.LastCheckInDateTime)
	optBool(&j, k, sel, "isFirewallEnabled", det.IsFirewallEnabled)
	optBool(&j, k, sel, "isFileVaultEnabled", det.IsFileVaultEnabled)
	if det.StorageTotalCapacity > 0 {
		if sel.has("storageFreeCapacity") {
			j.key("storageFreeCapacity")
			j.int(det.StorageFreeCapacity)
		}
		if sel.has("storageTotalCapacity") {
			j.key("storageTotalCapacity")
			j.int(det.StorageTotalCapacity)
		}
	} else {
		optStr(&j, k, sel, "storageFreeCapacity", "")
		optStr(&j, k, sel, "storageTotalCapacity", "")
	}
	optStr(&j, k, sel, "deviceLockStatus", det.DeviceLockStatus)
	optStr(&j, k, sel, "deviceEraseStatus", det.DeviceEraseStatus)
	optStr(&j, k, sel, "lostModeStatus", det.LostModeStatus)
	j.endObj()
	j.key("links")
	j.obj()
	j.kstr("self", s.apiURL("/mdmDevices/"+url.PathEscape(id)+"/details"))
	j.endObj()
	j.endObj()
	s.writeSelfLinks(&j, s.apiURL("/mdmDevices/"+url.PathEscape(id)+"/details"))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// optStr writes a selected string attribute; "" is a value Apple does not
// have, left out or sent as null as SetUnsetAsNull says.
func optStr(j *jw, k statusKnobs, sel fieldSel, key, v string) {
	if !sel.has(key) {
		return
	}
	if v != "" {
		j.kstr(key, v)
		return
	}
	if k.missing == "null" {
		j.key(key)
		j.null()
	}
}

func optStrs(j *jw, k statusKnobs, sel fieldSel, key string, v []string) {
	if !sel.has(key) {
		return
	}
	if v != nil {
		j.key(key)
		j.strs(v)
		return
	}
	optStr(j, k, sel, key, "")
}

func optBool(j *jw, k statusKnobs, sel fieldSel, key string, v *bool) {
	if !sel.has(key) {
		return
	}
	if v != nil {
		j.key(key)
		j.boolean(*v)
		return
	}
	optStr(j, k, sel, key, "")
}

package fakeabm

import "slices"

// dataset is the immutable organization the fake serves. Fixtures come first in
// list order, generated records after them.
type dataset struct {
	table    *deviceTable // the attributes of a device
	seed     int64
	fixtures []Device
	nGen     int
	perm     serialPerm

	servers    []server
	serverByID map[string]int
	eligible   []int // servers generated devices may be assigned to (ACTIVE, not the fixture configurator)

	listed []int32 // E1 order: indices of devices that are not released
}

type server struct {
	MdmServer
	devices []int32 // E8 order: indices of unreleased devices assigned here
}

func newDataset(seed int64, nDevices, nServers int) *dataset {
	return newDatasetOf(deviceAttrs, seed, nDevices, nServers)
}

// newDatasetOf is the data set whose devices have the attributes of table.
func newDatasetOf(table *deviceTable, seed int64, nDevices, nServers int) *dataset {
	if seed == 0 {
		seed = 1
	}
	ds := &dataset{table: table, seed: seed, fixtures: fixtureDevices(table), nGen: max(nDevices, 0), perm: newSerialPerm(seed)}
	for _, s := range fixtureServers() {
		ds.servers = append(ds.servers, server{MdmServer: s})
	}
	for i := range max(nServers, 0) {
		ds.servers = append(ds.servers, server{MdmServer: genServer(seed, i)})
	}
	ds.serverByID = make(map[string]int, len(ds.servers))
	for i, s := range ds.servers {
		ds.serverByID[s.ID] = i
		// The production fixture and ACTIVE generated servers take generated devices.
		if i == 0 || (i >= 3 && s.Status == "ACTIVE") {
			ds.eligible = append(ds.eligible, i)
		}
	}

	ds.listed = make([]int32, 0, len(ds.fixtures)+ds.nGen)
	for i, d := range ds.fixtures {
		if d.Released {
			continue
		}
		ds.listed = append(ds.listed, int32(i))
		if d.AssignedServerID != "" {
			si := ds.serverByID[d.AssignedServerID]
			ds.servers[si].devices = append(ds.servers[si].devices, int32(i))
		}
	}
	for g := range ds.nGen {
		released, slot := genCore(newRNG(seed, streamDevice, uint64(g)), len(ds.eligible))
		if released {
			continue
		}
		idx := int32(len(ds.fixtures) + g)
		ds.listed = append(ds.listed, idx)
		if slot >= 0 {
			si := ds.eligible[slot]
			ds.servers[si].devices = append(ds.servers[si].devices, idx)
		}
	}
	for i := range ds.servers {
		ds.servers[i].DeviceCount = len(ds.servers[i].devices)
	}
	return ds
}

func (ds *dataset) numDevices() int { return len(ds.fixtures) + ds.nGen }

// device returns device i (list order over all devices, released included).
func (ds *dataset) device(i int) Device {
	if i < len(ds.fixtures) {
		return ds.fixtures[i]
	}
	return ds.genDevice(i - len(ds.fixtures))
}

func (ds *dataset) deviceIndex(serial string) (int, bool) {
	for i, d := range ds.fixtures {
		if d.SerialNumber() == serial {
			return i, true
		}
	}
	g, ok := ds.perm.index(serial, ds.nGen)
	return len(ds.fixtures) + g, ok
}

func (ds *dataset) server(id string) (*server, bool) {
	i, ok := ds.serverByID[id]
	if !ok {
		return nil, false
	}
	return &ds.servers[i], true
}

// Devices returns every device, released ones included, in list order. The
// slices inside are copies the caller may keep.
func (s *Server) Devices() []Device {
	out := make([]Device, s.ds.numDevices())
	for i := range out {
		out[i] = s.ds.device(i).clone()
	}
	return out
}

// MdmServers returns every MDM server in list order, with its device serials.
func (s *Server) MdmServers() []MdmServer {
	out := make([]MdmServer, len(s.ds.servers))
	for i, sv := range s.ds.servers {
		m := sv.MdmServer
		m.DefaultProductFamilies = slices.Clone(m.DefaultProductFamilies)
		m.DeviceSerials = make([]string, len(sv.devices))
		for k, di := range sv.devices {
			m.DeviceSerials[k] = s.ds.serialOf(int(di))
		}
		out[i] = m
	}
	return out
}

func (ds *dataset) serialOf(i int) string {
	if i < len(ds.fixtures) {
		return ds.fixtures[i].SerialNumber()
	}
	return ds.perm.serial(i - len(ds.fixtures))
}

// ListedSerials is the serial number of every device Apple lists (released
// ones left out), in list order: what a complete device read returns.
func (s *Server) ListedSerials() []string {
	out := make([]string, len(s.ds.listed))
	for i, di := range s.ds.listed {
		out[i] = s.ds.serialOf(int(di))
	}
	return out
}

package fakeabm

import (
	"net/http"
	"net/url"
)

// E1 GET /v1/orgDevices — released devices are left out [seen], and list
// entries never carry a release time [doc].
func (s *Server) serveOrgDevices(w http.ResponseWriter, r *http.Request, _ string) {
	sel, e := parseFields(r, "orgDevices", orgDeviceFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	p, e := s.parsePage(r, "/orgDevices", len(s.ds.listed))
	if e != nil {
		s.writeError(w, *e)
		return
	}
	j := jw{b: make([]byte, 0, 1200*(p.end()-p.offset)+512)}
	j.obj()
	j.key("data")
	j.arr()
	mask := s.ds.table.mask(sel)
	for _, idx := range s.ds.listed[p.offset:p.end()] {
		s.writeDevice(&j, s.ds.device(int(idx)), sel, mask, true)
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// E2 GET /v1/orgDevices/{serial} — released devices too, with their release time.
func (s *Server) serveOrgDevice(w http.ResponseWriter, r *http.Request, serial string) {
	sel, e := parseFields(r, "orgDevices", orgDeviceFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	d, ok := s.lookupDevice(w, serial)
	if !ok {
		return
	}
	var j jw
	j.obj()
	j.key("data")
	s.writeDevice(&j, d, sel, s.ds.table.mask(sel), false)
	s.writeSelfLinks(&j, s.apiURL("/orgDevices/"+url.PathEscape(serial)))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// E3 GET /v1/orgDevices/{serial}/relationships/assignedServer.
func (s *Server) serveAssignedServerLinkage(w http.ResponseWriter, r *http.Request, serial string) {
	d, ok := s.lookupDevice(w, serial)
	if !ok {
		return
	}
	dev := s.apiURL("/orgDevices/" + url.PathEscape(serial))
	if d.AssignedServerID == "" && s.unassigned404(w, serial) {
		return
	}
	var j jw
	j.obj()
	j.key("data")
	if d.AssignedServerID == "" {
		j.null()
	} else {
		j.obj()
		j.kstr("type", "mdmServers")
		j.kstr("id", d.AssignedServerID)
		j.endObj()
	}
	j.key("links")
	j.obj()
	j.kstr("self", dev+"/relationships/assignedServer")
	j.kstr("related", dev+"/assignedServer")
	j.endObj()
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// E4 GET /v1/orgDevices/{serial}/assignedServer.
func (s *Server) serveAssignedServer(w http.ResponseWriter, r *http.Request, serial string) {
	sel, e := parseFields(r, "mdmServers", mdmServerFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	d, ok := s.lookupDevice(w, serial)
	if !ok {
		return
	}
	if d.AssignedServerID == "" && s.unassigned404(w, serial) {
		return
	}
	var j jw
	j.obj()
	j.key("data")
	if d.AssignedServerID == "" {
		j.null()
	} else {
		sv, _ := s.ds.server(d.AssignedServerID)
		s.writeServer(&j, sv, sel)
	}
	s.writeSelfLinks(&j, s.apiURL("/orgDevices/"+url.PathEscape(serial)+"/assignedServer"))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// unassigned404 answers 404 for an unassigned device when that mode is chosen;
// what Apple does there is undocumented (README.md, "Assigned server of a device").
func (s *Server) unassigned404(w http.ResponseWriter, serial string) bool {
	if s.knobsNow().unassignedLinkage != "404" {
		return false
	}
	s.writeError(w, apiError{status: 404, code: "NOT_FOUND", title: "The specified resource doesn't exist",
		detail: "The device '" + serial + "' is not assigned to a device management service."})
	return true
}

// E5 GET /v1/orgDevices/{serial}/appleCareCoverage.
func (s *Server) serveAppleCareCoverage(w http.ResponseWriter, r *http.Request, serial string) {
	sel, e := parseFields(r, "appleCareCoverage", appleCareFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	d, ok := s.lookupDevice(w, serial)
	if !ok {
		return
	}
	p, e := s.parsePage(r, "/orgDevices/"+serial+"/appleCareCoverage", len(d.AppleCareCoverage))
	if e != nil {
		s.writeError(w, *e)
		return
	}
	var j jw
	j.obj()
	j.key("data")
	j.arr()
	for _, c := range d.AppleCareCoverage[p.offset:p.end()] {
		writeCoverage(&j, c, sel)
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

func writeCoverage(j *jw, c AppleCareCoverage, sel fieldSel) {
	j.obj()
	j.kstr("type", "appleCareCoverage")
	j.kstr("id", c.ID)
	j.key("attributes")
	j.obj()
	for _, f := range appleCareFields {
		if !sel.has(f) {
			continue
		}
		j.key(f)
		switch f {
		case "status":
			j.str(c.Status)
		case "paymentType":
			j.str(c.PaymentType)
		case "description":
			j.str(c.Description)
		case "startDateTime":
			j.strOrNull(c.StartDateTime)
		case "endDateTime":
			j.strOrNull(c.EndDateTime)
		case "isRenewable":
			j.boolean(c.IsRenewable)
		case "isCanceled":
			j.boolean(c.IsCanceled)
		case "contractCancelDateTime":
			j.strOrNull(c.ContractCancelDateTime)
		case "agreementNumber":
			j.strOrNull(c.AgreementNumber)
		}
	}
	j.endObj()
	j.endObj()
}

func (s *Server) lookupDevice(w http.ResponseWriter, serial string) (Device, bool) {
	i, ok := s.ds.deviceIndex(serial)
	if !ok {
		s.writeError(w, notFound("orgDevices", serial))
		return Device{}, false
	}
	return s.ds.device(i), true
}

// writeSelfLinks writes the top-level "links":{"self":…} of a single-resource document.
func (s *Server) writeSelfLinks(j *jw, self string) {
	j.key("links")
	j.obj()
	j.kstr("self", self)
	j.endObj()
}

// sendsAny reports whether d sends any of the attributes in mask.
func (d Device) sendsAny(mask []bool) bool {
	for i, v := range d.vals {
		if mask[i] && v.presence != keyOmitted {
			return true
		}
	}
	return false
}

// writeDevice writes one OrgDevice resource object. Omitted keys stay omitted,
// nulls stay null, and each MAC keeps the string or array form it has.
func (s *Server) writeDevice(j *jw, d Device, sel fieldSel, mask []bool, inList bool) {
	serial := d.SerialNumber()
	self := s.apiURL("/orgDevices/" + url.PathEscape(serial))
	j.obj()
	j.kstr("type", "orgDevices")
	j.kstr("id", serial)
	if d.sendsAny(mask) {
		j.key("attributes")
		j.obj()
		for i, row := range d.t.rows {
			v := d.vals[i]
			if !mask[i] || v.presence == keyOmitted {
				continue
			}
			if v.alias {
				j.key(row.alias)
			} else {
				j.key(row.key)
			}
			if v.presence == keyNull {
				j.null()
				continue
			}
			row.kind.write(j, v, inList)
		}
		j.endObj()
	}
	rAS, rAC := sel.has("assignedServer"), sel.has("appleCareCoverage")
	if rAS || rAC {
		j.key("relationships")
		j.obj()
		if rAS {
			j.key("assignedServer")
			j.obj()
			j.key("links")
			j.obj()
			j.kstr("self", self+"/relationships/assignedServer")
			j.kstr("related", self+"/assignedServer")
			j.endObj()
			j.endObj()
		}
		if rAC {
			j.key("appleCareCoverage")
			j.obj()
			j.key("links")
			j.obj()
			j.kstr("related", self+"/appleCareCoverage")
			j.endObj()
			j.endObj()
		}
		j.endObj()
	}
	j.key("links")
	j.obj()
	j.kstr("self", self)
	j.endObj()
	j.endObj()
}

package fakeabm

import (
	"net/http"
	"net/url"
)

// Without fields[mdmServers] Apple's default subset leaves out the 2.1
// attributes [seen]; ask for them by name to get them.
var defaultServerFields = fieldSel{given: true, set: map[string]bool{
	"serverName": true, "serverType": true, "createdDateTime": true, "updatedDateTime": true, "devices": true,
}}

// E6 GET /v1/mdmServers.
func (s *Server) serveMdmServers(w http.ResponseWriter, r *http.Request, _ string) {
	sel, e := parseFields(r, "mdmServers", mdmServerFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	p, e := s.parsePage(r, "/mdmServers", len(s.ds.servers))
	if e != nil {
		s.writeError(w, *e)
		return
	}
	var j jw
	j.obj()
	j.key("data")
	j.arr()
	for i := p.offset; i < p.end(); i++ {
		s.writeServer(&j, &s.ds.servers[i], sel)
	}
	j.endArr()
	s.writeListTail(&j, r, p)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// E7 GET /v1/mdmServers/{id}.
func (s *Server) serveMdmServer(w http.ResponseWriter, r *http.Request, id string) {
	sel, e := parseFields(r, "mdmServers", mdmServerFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	sv, ok := s.ds.server(id)
	if !ok {
		s.writeError(w, notFound("mdmServers", id))
		return
	}
	var j jw
	j.obj()
	j.key("data")
	s.writeServer(&j, sv, sel)
	s.writeSelfLinks(&j, s.apiURL("/mdmServers/"+url.PathEscape(id)))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// E8 GET /v1/mdmServers/{id}/relationships/devices — linkages only, released
// devices left out, "data":[] for a server without devices.
func (s *Server) serveMdmServerDevices(w http.ResponseWriter, r *http.Request, id string) {
	sv, ok := s.ds.server(id)
	if !ok {
		s.writeError(w, notFound("mdmServers", id))
		return
	}
	s.serveLinkages(w, r, "/mdmServers/"+id+"/relationships/devices", "orgDevices", len(sv.devices),
		func(i int) string { return s.ds.serialOf(int(sv.devices[i])) })
}

func (s *Server) writeServer(j *jw, sv *server, sel fieldSel) {
	if !sel.given {
		sel = defaultServerFields
	}
	self := s.apiURL("/mdmServers/" + url.PathEscape(sv.ID))
	j.obj()
	j.kstr("type", "mdmServers")
	j.kstr("id", sv.ID)
	j.key("attributes")
	j.obj()
	if sel.has("serverName") {
		j.kstr("serverName", sv.ServerName)
	}
	if sel.has("serverType") {
		j.kstr("serverType", sv.ServerType)
	}
	if sel.has("enableMdmDisownFlag") {
		j.key("enableMdmDisownFlag")
		j.boolean(sv.EnableMdmDisownFlag)
	}
	if sel.has("defaultProductFamilies") {
		j.key("defaultProductFamilies")
		j.strs(nonNil(sv.DefaultProductFamilies))
	}
	if sel.has("status") {
		status := sv.Status
		if st, ok := s.knobsNow().serverStatus[sv.ID]; ok {
			status = st
		}
		j.kstr("status", status)
	}
	if sel.has("deviceCount") {
		j.kint("deviceCount", sv.DeviceCount)
	}
	// A server that never connected has no such keys at all.
	if sel.has("lastConnectedDateTime") && sv.LastConnectedDateTime != "" {
		j.kstr("lastConnectedDateTime", sv.LastConnectedDateTime)
	}
	if sel.has("lastConnectedIp") && sv.LastConnectedIP != "" {
		j.kstr("lastConnectedIp", sv.LastConnectedIP)
	}
	if sel.has("createdDateTime") {
		j.kstr("createdDateTime", sv.CreatedDateTime)
	}
	if sel.has("updatedDateTime") {
		j.kstr("updatedDateTime", sv.UpdatedDateTime)
	}
	j.endObj()
	if sel.has("devices") {
		j.key("relationships")
		j.obj()
		j.key("devices")
		j.obj()
		j.key("links")
		j.obj()
		j.kstr("self", self+"/relationships/devices")
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

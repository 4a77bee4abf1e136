package fakeabm

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// Route names of the built-in device management catalog, as used by Count
// and InjectFaults (README: Built-in device management catalog).
const (
	RouteApps           = "apps"           // GET /v1/apps
	RouteApp            = "app"            // GET /v1/apps/{id}
	RoutePackages       = "packages"       // GET /v1/packages
	RoutePackage        = "package"        // GET /v1/packages/{id}
	RouteBlueprints     = "blueprints"     // GET /v1/blueprints
	RouteBlueprint      = "blueprint"      // GET /v1/blueprints/{id}
	RouteConfigurations = "configurations" // GET /v1/configurations
	RouteConfiguration  = "configuration"  // GET /v1/configurations/{id}
)

// RouteBlueprintRelationship names GET /v1/blueprints/{id}/relationships/<rel>,
// e.g. "blueprintApps", "blueprintOrgDevices".
func RouteBlueprintRelationship(rel string) string {
	return "blueprint" + strings.ToUpper(rel[:1]) + rel[1:]
}

func init() {
	apiRoutes = append(apiRoutes, matchDeviceManagement)
}

// matchDeviceManagement routes the catalog's paths. Apple School Manager has
// none of them (README: API 2.x resources): under a school scope they are
// unknown paths (404).
func matchDeviceManagement(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool) {
	if s.opts.Scope == "school.api" {
		return "", nil, false
	}
	cat := s.catalog()
	colls := map[string]*dmCollection{"apps": &cat.apps, "packages": &cat.packages,
		"blueprints": &cat.blueprints, "configurations": &cat.configurations}
	c := colls[seg[0]]
	if c == nil {
		return "", nil, false
	}
	single := map[string]string{"apps": RouteApp, "packages": RoutePackage, "blueprints": RouteBlueprint,
		"configurations": RouteConfiguration}[c.typ]
	switch {
	case len(seg) == 1:
		return c.typ, s.dmGuard(func(w http.ResponseWriter, r *http.Request, _ string) { s.serveDMList(w, r, c) }), true
	case len(seg) == 2:
		return single, s.dmGuard(func(w http.ResponseWriter, r *http.Request, id string) { s.serveDMItem(w, r, c, id) }), true
	case len(seg) == 4 && c.typ == "blueprints" && seg[2] == "relationships" && contains(blueprintRelationships, seg[3]):
		rel := seg[3]
		return RouteBlueprintRelationship(rel), s.dmGuard(func(w http.ResponseWriter, r *http.Request, id string) {
			s.serveBlueprintLinkages(w, r, id, rel)
		}), true
	}
	return "", nil, false
}

// dmGuard answers 403 while built-in device management is off.
func (s *Server) dmGuard(h func(http.ResponseWriter, *http.Request, string)) func(http.ResponseWriter, *http.Request, string) {
	return func(w http.ResponseWriter, r *http.Request, id string) {
		if s.dmKnobsNow().off {
			s.writeError(w, apiError{status: 403, code: "FORBIDDEN_ERROR",
				title:  "This request is forbidden for security reasons",
				detail: "This endpoint requires the built-in device management service to be turned on for the organization."})
			return
		}
		h(w, r, id)
	}
}

// checkInclude validates the blueprints' include and limit[<rel>]
// parameters. The fake accepts them and writes no included[] (its shape is
// undocumented, README: What Apple leaves open, 12); the client never asks
// for it.
func checkInclude(r *http.Request) *apiError {
	q := r.URL.Query()
	for _, v := range q["include"] {
		for _, name := range strings.Split(v, ",") {
			if !contains(blueprintRelationships, strings.TrimSpace(name)) {
				e := invalidParam("include", "'"+name+"' is not a valid relationship name for 'blueprints'.")
				return &e
			}
		}
	}
	return nil
}

func (s *Server) serveDMList(w http.ResponseWriter, r *http.Request, c *dmCollection) {
	if c.typ == "blueprints" {
		if e := checkInclude(r); e != nil {
			s.writeError(w, *e)
			return
		}
	}
	k := s.dmKnobsNow()
	s.serveList(w, r, c.typ, c.fields, c.len(), func(j *jw, i int, sel fieldSel) {
		it := c.at(i)
		s.writeDMItem(j, c, &it, sel, k, true)
	})
}

func (s *Server) serveDMItem(w http.ResponseWriter, r *http.Request, c *dmCollection, id string) {
	sel, e := parseFields(r, c.typ, c.fields)
	if e == nil && c.typ == "blueprints" {
		e = checkInclude(r)
	}
	if e != nil {
		s.writeError(w, *e)
		return
	}
	it, ok := c.get(id)
	if !ok {
		s.writeError(w, notFound(c.typ, id))
		return
	}
	var j jw
	j.obj()
	j.key("data")
	s.writeDMItem(&j, c, &it, sel, s.dmKnobsNow(), false)
	s.writeSelfLinks(&j, s.apiURL("/"+c.typ+"/"+url.PathEscape(id)))
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// serveBlueprintLinkages is GET /v1/blueprints/{id}/relationships/<rel>:
// {type, id} linkages, paged like every list.
func (s *Server) serveBlueprintLinkages(w http.ResponseWriter, r *http.Request, id, rel string) {
	bp, ok := s.catalog().blueprints.get(id)
	if !ok {
		s.writeError(w, notFound("blueprints", id))
		return
	}
	if s.dmKnobsNow().forbidden[rel] {
		s.writeError(w, apiError{status: 403, code: "FORBIDDEN_ERROR",
			title:  "This request is forbidden for security reasons",
			detail: "The API account is not allowed to read the relationship '" + rel + "' of 'blueprints'."})
		return
	}
	ids := bp.rels[rel]
	s.serveLinkages(w, r, "/blueprints/"+id+"/relationships/"+rel, rel, len(ids), func(i int) string { return ids[i] })
}

// writeDMItem writes one resource: the selected attributes in the order of
// the collection's fields, relationships links for blueprints, links.self.
func (s *Server) writeDMItem(j *jw, c *dmCollection, it *dmItem, sel fieldSel, k dmKnobs, list bool) {
	self := s.apiURL("/" + c.typ + "/" + url.PathEscape(it.id))
	j.obj()
	j.kstr("type", c.typ)
	j.kstr("id", it.id)
	j.key("attributes")
	j.obj()
	for _, f := range c.fields {
		if !sel.has(f) || (c.typ == "blueprints" && contains(blueprintRelationships, f)) {
			continue
		}
		v := it.value(f)
		switch {
		case f == "appLicenseDeficient" && k.deficient[it.id]:
			v = true
		case f == "customSettingsValues" && list:
			// "this API will return null for customSettingsValues for all
			// configuration types, including CUSTOM_SETTING" (README:
			// Built-in device management catalog).
			j.key(f)
			j.null()
			continue
		}
		writeDMValue(j, f, v, k)
	}
	j.endObj()
	if c.typ == "blueprints" {
		s.writeBlueprintRelationships(j, self, sel)
	}
	j.key("links")
	j.obj()
	j.kstr("self", self)
	j.endObj()
	j.endObj()
}

func (it *dmItem) value(key string) any {
	for _, x := range it.attrs {
		if x.key == key {
			return x.val
		}
	}
	return nil
}

func writeDMValue(j *jw, key string, v any, k dmKnobs) {
	switch v := v.(type) {
	case nil:
		if k.absentAsNull {
			j.key(key)
			j.null()
		}
	case string:
		j.kstr(key, v)
	case bool:
		j.key(key)
		j.boolean(v)
	case []string:
		j.key(key)
		j.strs(v)
	case dmProfile:
		profile := v.xml
		if k.profileBase64 {
			profile = base64.StdEncoding.EncodeToString([]byte(v.xml))
		}
		j.key(key)
		j.obj()
		j.kstr("configurationProfile", profile)
		j.kstr("filename", v.filename)
		j.endObj()
	}
}

// writeBlueprintRelationships writes the links of the selected
// relationships (all without fields[blueprints]), as Apple's example does.
func (s *Server) writeBlueprintRelationships(j *jw, self string, sel fieldSel) {
	j.key("relationships")
	j.obj()
	for _, rel := range blueprintRelationships {
		if !sel.has(rel) {
			continue
		}
		j.key(rel)
		j.obj()
		j.key("links")
		j.obj()
		j.kstr("self", self+"/relationships/"+rel)
		j.kstr("related", self+"/"+rel)
		j.endObj()
		j.endObj()
	}
	j.endObj()
}

package fakeabm

import (
	"net/http"
	"strings"
)

// Route names, as used by Count, Counts and InjectFaults.
const (
	RouteToken                 = "token"
	RouteOrgDevices            = "orgDevices"            // E1
	RouteOrgDevice             = "orgDevice"             // E2
	RouteAssignedServerLinkage = "assignedServerLinkage" // E3
	RouteAssignedServer        = "assignedServer"        // E4
	RouteAppleCareCoverage     = "appleCareCoverage"     // E5
	RouteMdmServers            = "mdmServers"            // E6
	RouteMdmServer             = "mdmServer"             // E7
	RouteMdmServerDevices      = "mdmServerDevices"      // E8
	RouteADESession            = "adeSession"
	RouteADEAccount            = "adeAccount"
	routeForbiddenDevices      = "mdmServerDevicesForbidden" // GET /v1/mdmServers/{id}/devices
	routeOther                 = "other"                     // anything unknown (404)
)

type route struct {
	name   string
	api    bool   // under /v1: rate limited and needs a bearer token
	method string // the one allowed method
	serve  http.HandlerFunc
}

func (s *Server) route(r *http.Request) route {
	p := r.URL.Path
	switch p {
	case "/auth/oauth2/token", "/auth/oauth2/v2/token":
		return route{name: RouteToken, method: http.MethodPost, serve: s.serveToken}
	case "/session":
		return route{name: RouteADESession, method: http.MethodGet, serve: s.serveADESession}
	case "/account":
		return route{name: RouteADEAccount, method: http.MethodGet, serve: s.serveADEAccount}
	}
	notFound := route{name: routeOther, serve: func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, apiError{status: 404, code: "NOT_FOUND", title: "The specified resource doesn't exist",
			detail: "The URL path '" + r.URL.Path + "' does not match a valid resource."})
	}}
	if rt, ok := s.activityLogRoute(p); ok {
		return rt
	}
	rest, ok := strings.CutPrefix(p, "/v1/")
	if !ok {
		return notFound
	}
	seg := strings.Split(rest, "/")
	for _, x := range seg {
		if x == "" {
			return notFound
		}
	}
	api := func(name string, h func(http.ResponseWriter, *http.Request, string)) route {
		id := ""
		if len(seg) > 1 {
			id = seg[1]
		}
		return route{name: name, api: true, method: http.MethodGet,
			serve: func(w http.ResponseWriter, r *http.Request) { h(w, r, id) }}
	}
	switch {
	case len(seg) == 1 && seg[0] == "orgDevices":
		return api(RouteOrgDevices, s.serveOrgDevices)
	case len(seg) == 2 && seg[0] == "orgDevices":
		return api(RouteOrgDevice, s.serveOrgDevice)
	case len(seg) == 4 && seg[0] == "orgDevices" && seg[2] == "relationships" && seg[3] == "assignedServer":
		return api(RouteAssignedServerLinkage, s.serveAssignedServerLinkage)
	case len(seg) == 3 && seg[0] == "orgDevices" && seg[2] == "assignedServer":
		return api(RouteAssignedServer, s.serveAssignedServer)
	case len(seg) == 3 && seg[0] == "orgDevices" && seg[2] == "appleCareCoverage":
		return api(RouteAppleCareCoverage, s.serveAppleCareCoverage)
	case len(seg) == 1 && seg[0] == "mdmServers":
		return api(RouteMdmServers, s.serveMdmServers)
	case len(seg) == 2 && seg[0] == "mdmServers":
		return api(RouteMdmServer, s.serveMdmServer)
	case len(seg) == 4 && seg[0] == "mdmServers" && seg[2] == "relationships" && seg[3] == "devices":
		return api(RouteMdmServerDevices, s.serveMdmServerDevices)
	case len(seg) == 3 && seg[0] == "mdmServers" && seg[2] == "devices":
		// Apple answers 403 here; only the /relationships/devices form works [seen].
		return api(routeForbiddenDevices, func(w http.ResponseWriter, r *http.Request, _ string) {
			s.writeError(w, apiError{status: 403, code: "FORBIDDEN_ERROR",
				title:  "This request is forbidden for security reasons",
				detail: "The resource 'mdmServers' does not allow 'GET_RELATED' requests on relationship 'devices'."})
		})
	}
	for _, match := range apiRoutes {
		if name, h, ok := match(s, seg); ok {
			return api(name, h)
		}
	}
	return notFound
}

// apiRoutes are the /v1 routes of the resources added in API 2.x, each
// registered by the file that serves it (in its init), so every resource's
// routes live beside its handlers. A matcher gets the path's segments after
// /v1/ and returns the route's name and handler when the path is its.
var apiRoutes []func(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool)

package fakeabm

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Device activities: GET /v1/orgDeviceActivities/{id} (ABM and ASM) and
// the CSV log behind each completed activity's presigned downloadUrl
// (README: Managed devices, Activation Lock and device activities). The
// log is served outside /v1, as Apple's storage host would: it needs no
// token, and a request that carries one anyway is counted under
// RouteActivityLogTokenLeak.

const (
	RouteOrgDeviceActivity    = "orgDeviceActivity"
	RouteActivityLog          = "activityLog"
	RouteActivityLogTokenLeak = "activityLogTokenLeak" // log downloads that carried an Authorization header
	activityLogPrefix         = "/_blobstore/activity-logs/"
)

var activityFields = []string{"status", "subStatus", "createdDateTime", "completedDateTime", "downloadUrl"}

// Activity is the fake's own view of one device activity.
type Activity struct {
	ID                string
	Status            string
	SubStatus         string
	CreatedDateTime   string
	CompletedDateTime string // "" until completed
	Log               string // the CSV; "" when the activity has none (no downloadUrl)
}

// Fixture activities. The fake's "now" is 2026-07-01, so an activity
// created before 2026-06-01 is past Apple's 30 days and answers 404.
const (
	ActivityCompleted  = "84d7f133-b4a4-41be-ad0a-c2e4e53ea624"
	ActivityInProgress = "5e0b8c1d-9a7f-4c2e-b3d4-6f1a2b3c4d5e"
	ActivityEmptyLog   = "c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f"
	ActivityExpired    = "0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f"
)

var fixtureActivities = []Activity{
	{ID: ActivityCompleted, Status: "COMPLETED", SubStatus: "COMPLETED_WITH_ERROR",
		CreatedDateTime: "2026-06-25T14:22:40.512Z", CompletedDateTime: "2026-06-25T14:23:05Z",
		Log: "serial_number,operation_status,operation_substatus\r\n" +
			"XABC123X0ABC123X0,SUCCESS,\r\n" +
			"XARRAYMAC0001,FAILED,ALREADY_ASSIGNED\r\n" +
			"XNOTINORG0001,FAILED,DEVICE_NOT_FOUND\r\n"},
	{ID: ActivityInProgress, Status: "IN_PROGRESS", SubStatus: "PROCESSING", CreatedDateTime: "2026-06-30T23:59:01Z"},
	{ID: ActivityEmptyLog, Status: "COMPLETED", SubStatus: "COMPLETED_WITH_SUCCESS",
		CreatedDateTime: "2026-06-20T09:00:00Z", CompletedDateTime: "2026-06-20T09:00:30.1Z",
		Log: "serial_number,operation_status,operation_substatus\n"},
	{ID: ActivityExpired, Status: "COMPLETED", SubStatus: "COMPLETED_WITH_SUCCESS",
		CreatedDateTime: "2026-05-01T10:00:00Z", CompletedDateTime: "2026-05-01T10:01:00Z",
		Log: "serial_number,operation_status,operation_substatus\n"},
}

func activityByID(id string) (Activity, bool) {
	for _, a := range fixtureActivities {
		if a.ID == id {
			return a, true
		}
	}
	return Activity{}, false
}

// expired says whether an activity is past Apple's 30-day retention.
func (a Activity) expired() bool { return a.CreatedDateTime < "2026-06-01" }

func init() {
	apiRoutes = append(apiRoutes, func(s *Server, seg []string) (string, func(http.ResponseWriter, *http.Request, string), bool) {
		if len(seg) == 2 && seg[0] == "orgDeviceActivities" {
			return RouteOrgDeviceActivity, s.serveOrgDeviceActivity, true
		}
		return "", nil, false
	})
}

// ActivityLogURL is the presigned link the fake hands out for an activity's
// log (on SetActivityLogBase's host when set).
func (s *Server) ActivityLogURL(id string) string {
	base := s.URL()
	if b := s.statusKnobsNow().logBase; b != "" {
		base = b
	}
	name := "ABM-ActivityLog_" + id[:8] + ".csv"
	sig := uuidFrom(mix64(uint64(len(id))^uint64(s.opts.Seed)), mix64(uint64(id[0])))
	return base + activityLogPrefix + url.PathEscape(id) + ".csv?response-content-disposition=" +
		url.QueryEscape(`attachment;filename="`+name+`"`) + "&response-content-type=application%2Foctet-stream&Expires=1782918000&Signature=" + sig
}

func (s *Server) serveOrgDeviceActivity(w http.ResponseWriter, r *http.Request, id string) {
	sel, e := parseFields(r, "orgDeviceActivities", activityFields)
	if e != nil {
		s.writeError(w, *e)
		return
	}
	a, ok := activityByID(id)
	if !ok || a.expired() {
		s.writeError(w, notFound("orgDeviceActivities", id))
		return
	}
	k := s.statusKnobsNow()
	self := s.apiURL("/orgDeviceActivities/" + url.PathEscape(id))
	var j jw
	j.obj()
	j.key("data")
	j.obj()
	j.kstr("type", "orgDeviceActivities")
	j.kstr("id", a.ID)
	j.key("attributes")
	j.obj()
	optStr(&j, k, sel, "status", a.Status)
	optStr(&j, k, sel, "subStatus", a.SubStatus)
	optStr(&j, k, sel, "createdDateTime", a.CreatedDateTime)
	optStr(&j, k, sel, "completedDateTime", a.CompletedDateTime)
	link := ""
	if a.Status == "COMPLETED" && a.Log != "" {
		link = s.ActivityLogURL(a.ID)
	}
	optStr(&j, k, sel, "downloadUrl", link)
	j.endObj()
	s.writeSelfLinks(&j, self)
	j.endObj()
	s.writeSelfLinks(&j, self)
	j.endObj()
	writeJSON(w, http.StatusOK, j.b)
}

// activityLogRoute is the storage host's GET of a log, outside /v1.
func (s *Server) activityLogRoute(p string) (route, bool) {
	name, ok := strings.CutPrefix(p, activityLogPrefix)
	if !ok {
		return route{}, false
	}
	return route{name: RouteActivityLog, method: http.MethodGet, serve: func(w http.ResponseWriter, r *http.Request) {
		s.serveActivityLog(w, r, strings.TrimSuffix(name, ".csv"))
	}}, true
}

func (s *Server) serveActivityLog(w http.ResponseWriter, r *http.Request, id string) {
	if r.Header.Get("Authorization") != "" {
		s.count(RouteActivityLogTokenLeak)
	}
	k := s.statusKnobsNow()
	if k.logRedirect != "" {
		http.Redirect(w, r, k.logRedirect, http.StatusFound)
		return
	}
	a, ok := activityByID(id)
	if k.logExpired != 0 || !ok || a.Log == "" || r.URL.Query().Get("Signature") == "" {
		status := k.logExpired
		if status == 0 {
			status = http.StatusForbidden
		}
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(status)
		_, _ = fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>`)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.WriteHeader(http.StatusOK)
	_, _ = fmt.Fprint(w, a.Log)
	for i := range k.logExtraRows {
		_, _ = fmt.Fprintf(w, "XGEN%08d,SUCCESS,\r\n", i)
	}
}

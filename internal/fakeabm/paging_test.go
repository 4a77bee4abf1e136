package fakeabm

import (
	"net/url"
	"strings"
	"testing"
)

// walk follows meta.paging.nextCursor through a list and returns the ids seen.
func walk(t *testing.T, s *Server, tok, path string, limit string) (ids []string, pages int) {
	t.Helper()
	cursor := ""
	for {
		q := url.Values{}
		if limit != "" {
			q.Set("limit", limit)
		}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		v := getJSON(t, s, tok, path+"?"+q.Encode())
		pages++
		for _, d := range v["data"].([]any) {
			ids = append(ids, d.(map[string]any)["id"].(string))
		}
		paging := v["meta"].(map[string]any)["paging"].(map[string]any)
		links := v["links"].(map[string]any)
		next, _ := paging["nextCursor"].(string)
		if (links["next"] != nil) != (next != "") {
			t.Fatalf("links.next and nextCursor disagree: %v", v["links"])
		}
		if next == "" {
			return ids, pages
		}
		if !strings.HasPrefix(links["next"].(string), s.URL()+path+"?cursor=") || strings.Contains(links["next"].(string), "limit=") {
			t.Fatalf("next link %v", links["next"])
		}
		cursor = next
	}
}

func TestPagingListsEveryUnreleasedDeviceOnce(t *testing.T) {
	s := New(Options{Devices: 2500, Servers: 3})
	defer s.Close()
	tok := token(t, s)
	ids, pages := walk(t, s, tok, "/v1/orgDevices", "1000")
	var want []string
	for _, d := range s.Devices() {
		if !d.Released {
			want = append(want, d.SerialNumber())
		}
	}
	if pages != (len(want)+999)/1000 || strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Fatalf("%d pages, %d ids, want %d", pages, len(ids), len(want))
	}
	for _, id := range ids {
		if id == "XRELEASED0001" {
			t.Fatal("released device listed")
		}
	}
	if _, pages := walk(t, s, tok, "/v1/orgDevices", ""); pages != (len(want)+99)/100 {
		t.Errorf("default limit: %d pages", pages)
	}

	// E8 pages agree with the fake's own view.
	for _, m := range s.MdmServers() {
		got, _ := walk(t, s, tok, "/v1/mdmServers/"+m.ID+"/relationships/devices", "1000")
		if len(got) != m.DeviceCount || strings.Join(got, ",") != strings.Join(m.DeviceSerials, ",") {
			t.Errorf("server %s: %d linkages, deviceCount %d", m.ID, len(got), m.DeviceCount)
		}
	}
}

func TestPagingErrorsAndKnobs(t *testing.T) {
	s := New(Options{Devices: 30})
	defer s.Close()
	tok := token(t, s)
	for _, q := range []string{"limit=0", "limit=1001", "limit=ten", "cursor=garbage", "cursor=MDo1OjE"} {
		resp, b := get(t, s, tok, "/v1/orgDevices?"+q)
		code, param := errorCode(t, b)
		if resp.StatusCode != 400 || code != "PARAMETER_ERROR.INVALID" || param != strings.Split(q, "=")[0] {
			t.Errorf("%s: %d %s", q, resp.StatusCode, b)
		}
	}
	// A cursor from one list is no good on another.
	v := getJSON(t, s, tok, "/v1/orgDevices?limit=2")
	c := v["meta"].(map[string]any)["paging"].(map[string]any)["nextCursor"].(string)
	if resp, _ := get(t, s, tok, "/v1/mdmServers?cursor="+c); resp.StatusCode != 400 {
		t.Errorf("foreign cursor: %d", resp.StatusCode)
	}

	s.SetLimitOutOfRange("clamp")
	s.SetIncludeTotal(true)
	s.SetNextLinkIncludesLimit(true)
	v = getJSON(t, s, tok, "/v1/orgDevices?limit=5000")
	p := v["meta"].(map[string]any)["paging"].(map[string]any)
	listed := 0
	for _, d := range s.Devices() {
		if !d.Released {
			listed++
		}
	}
	if p["limit"].(float64) != 1000 || int(p["total"].(float64)) != listed || p["nextCursor"] != nil {
		t.Errorf("clamped paging %v", p)
	}
	v = getJSON(t, s, tok, "/v1/orgDevices?limit=10")
	if next := v["links"].(map[string]any)["next"].(string); !strings.HasSuffix(next, "&limit=10") {
		t.Errorf("next with limit: %s", next)
	}

	s.SetRepeatCursor(true)
	first := getJSON(t, s, tok, "/v1/orgDevices?limit=10")["meta"].(map[string]any)["paging"].(map[string]any)["nextCursor"].(string)
	again := getJSON(t, s, tok, "/v1/orgDevices?limit=10&cursor="+first)["meta"].(map[string]any)["paging"].(map[string]any)["nextCursor"]
	if again != first {
		t.Errorf("repeat cursor: %v then %v", first, again)
	}

	s.SetNextLinkHost("evil.example")
	next := getJSON(t, s, tok, "/v1/orgDevices?limit=10")["links"].(map[string]any)["next"].(string)
	if !strings.HasPrefix(next, "https://evil.example/v1/orgDevices?cursor=") {
		t.Errorf("hostile next %s", next)
	}
}

package fakeabm

import (
	"encoding/json"
	"strings"
	"testing"
)

func attrs(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	return v["data"].(map[string]any)["attributes"].(map[string]any)
}

func TestFixtureDevices(t *testing.T) {
	s := New(Options{Devices: 50})
	defer s.Close()
	tok := token(t, s)

	// Apple's own example, as a list entry.
	v := getJSON(t, s, tok, "/v1/orgDevices?limit=1")
	d := v["data"].([]any)[0].(map[string]any)
	b, _ := json.Marshal(d["attributes"])
	want := `{"addedToOrgDateTime":"2025-04-30T22:05:14.192Z","bluetoothMacAddress":"a4:83:e7:00:00:02","color":"SILVER","deviceCapacity":"750GB","deviceModel":"iMac 21.5\"","eid":"89049037640158663184237812557346","ethernetMacAddress":["a4:83:e7:00:00:03"],"imei":["123456789012345"],"meid":["12345678901237"],"orderDateTime":"2011-08-15T07:00:00Z","orderNumber":"1234567890","partNumber":"FD311LL/A","productFamily":"Mac","productType":"iMac16,2","purchaseSourceId":"-2085650007946880","purchaseSourceType":"APPLE","releasedFromOrgDateTime":null,"serialNumber":"XABC123X0ABC123X0","status":"UNASSIGNED","updatedDateTime":"2025-05-01T15:33:54.164Z","wifiMacAddress":"a4:83:e7:00:00:01"}`
	if string(b) != want {
		t.Errorf("example device:\n%s\nwant\n%s", b, want)
	}
	rel, _ := json.Marshal(d["relationships"])
	if !strings.Contains(string(rel), s.URL()+"/v1/orgDevices/XABC123X0ABC123X0/relationships/assignedServer") {
		t.Errorf("relationships %s", rel)
	}

	a := attrs(t, getJSON(t, s, tok, "/v1/orgDevices/XARRAYMAC0001"))
	if a["purchaseSourceUid"] != "1234567" || a["purchaseSourceId"] != nil || a["color"] != "" {
		t.Errorf("XARRAYMAC0001 %v", a)
	}
	if _, ok := a["ethernetMacAddress"]; ok {
		t.Error("ethernetMacAddress should be omitted")
	}
	if w, ok := a["wifiMacAddress"].([]any); !ok || len(w) != 2 {
		t.Errorf("wifi %v", a["wifiMacAddress"])
	}

	resp, body := get(t, s, tok, "/v1/orgDevices/XSPARSE00001")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"attributes":{"serialNumber":"XSPARSE00001","addedToOrgDateTime":"2024-01-02T03:04:05Z","updatedDateTime":"2024-01-02T03:04:05Z","deviceModel":null,"productFamily":"Watch","status":"UNASSIGNED","purchaseSourceType":"MANUALLY_ADDED","wifiMacAddress":""}`) {
		t.Errorf("sparse device %s", body)
	}

	a = attrs(t, getJSON(t, s, tok, "/v1/orgDevices/XRELEASED0001"))
	if a["releasedFromOrgDateTime"] != "2026-03-01T10:00:00Z" {
		t.Errorf("released %v", a)
	}
	resp, body = get(t, s, tok, "/v1/orgDevices/NOSUCHSERIAL")
	if code, _ := errorCode(t, body); resp.StatusCode != 404 || code != "NOT_FOUND" ||
		!strings.Contains(string(body), "There is no resource of type 'orgDevices' with id 'NOSUCHSERIAL'") {
		t.Errorf("unknown device %d %s", resp.StatusCode, body)
	}

	ac := getJSON(t, s, tok, "/v1/orgDevices/XABC123X0ABC123X0/appleCareCoverage")
	if n := len(ac["data"].([]any)); n != 2 {
		t.Errorf("AppleCare records %d", n)
	}
	ac = getJSON(t, s, tok, "/v1/orgDevices/XARRAYMAC0001/appleCareCoverage")
	if b, _ := json.Marshal(ac["data"]); string(b) != "[]" {
		t.Errorf("AppleCare data %s", b)
	}

	// Every generated device is reachable by its serial.
	for _, dv := range s.Devices() {
		if resp, _ := get(t, s, tok, "/v1/orgDevices/"+dv.SerialNumber()+"?fields[orgDevices]=status"); resp.StatusCode != 200 {
			t.Fatalf("%s: %d", dv.SerialNumber(), resp.StatusCode)
		}
	}
}

func TestLinkages(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	v := getJSON(t, s, tok, "/v1/orgDevices/XARRAYMAC0001/relationships/assignedServer")
	if b, _ := json.Marshal(v["data"]); string(b) != `{"id":"1F97349736CF4614A94F624E705841AD","type":"mdmServers"}` {
		t.Errorf("linkage %s", b)
	}
	v = getJSON(t, s, tok, "/v1/orgDevices/XABC123X0ABC123X0/relationships/assignedServer")
	if v["data"] != nil {
		t.Errorf("unassigned linkage %v", v)
	}
	v = getJSON(t, s, tok, "/v1/orgDevices/XAPPLETV0001/assignedServer?fields[mdmServers]=serverName,deviceCount")
	if b, _ := json.Marshal(attrs(t, v)); string(b) != `{"deviceCount":1,"serverName":"Apple Configurator"}` {
		t.Errorf("assigned server %s", b)
	}
	s.SetUnassignedLinkage("404")
	for _, p := range []string{"/relationships/assignedServer", "/assignedServer"} {
		if resp, _ := get(t, s, tok, "/v1/orgDevices/XABC123X0ABC123X0"+p); resp.StatusCode != 404 {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
	v = getJSON(t, s, tok, "/v1/mdmServers/3C6D1F108F2E4D8BA04C7B2E3F506B7C/relationships/devices")
	if b, _ := json.Marshal(v["data"]); string(b) != "[]" {
		t.Errorf("empty server linkages %s", b)
	}
	resp, body := get(t, s, tok, "/v1/mdmServers/1F97349736CF4614A94F624E705841AD/devices")
	if code, _ := errorCode(t, body); resp.StatusCode != 403 || code != "FORBIDDEN_ERROR" {
		t.Errorf("devices quirk: %d %s", resp.StatusCode, body)
	}
}

func TestSparseFields(t *testing.T) {
	s := New(Options{Devices: 10, Servers: 2})
	defer s.Close()
	tok := token(t, s)

	v := getJSON(t, s, tok, "/v1/orgDevices?fields[orgDevices]=serialNumber,status")
	for _, d := range v["data"].([]any) {
		m := d.(map[string]any)
		a := m["attributes"].(map[string]any)
		if len(a) != 2 || a["serialNumber"] == nil || a["status"] == nil || m["relationships"] != nil {
			t.Fatalf("sparse device %v", m)
		}
	}
	v = getJSON(t, s, tok, "/v1/orgDevices?fields[orgDevices]=status,assignedServer&limit=1")
	m := v["data"].([]any)[0].(map[string]any)["relationships"].(map[string]any)
	if m["assignedServer"] == nil || m["appleCareCoverage"] != nil {
		t.Errorf("relationships %v", m)
	}

	// Without fields the 2.1 server attributes are left out [seen].
	a := attrs(t, getJSON(t, s, tok, "/v1/mdmServers/1F97349736CF4614A94F624E705841AD"))
	if b, _ := json.Marshal(a); string(b) != `{"createdDateTime":"2025-05-01T03:21:44Z","serverName":"Production MDM","serverType":"MDM","updatedDateTime":"2026-05-12T11:02:18Z"}` {
		t.Errorf("default server attributes %s", b)
	}
	all := "serverName,serverType,createdDateTime,updatedDateTime,enableMdmDisownFlag,defaultProductFamilies,status,deviceCount,lastConnectedDateTime,lastConnectedIp"
	v = getJSON(t, s, tok, "/v1/mdmServers?fields[mdmServers]="+all)
	servers := v["data"].([]any)
	c := servers[1].(map[string]any)["attributes"].(map[string]any)
	if _, ok := c["lastConnectedDateTime"]; ok || c["deviceCount"].(float64) != 1 {
		t.Errorf("configurator %v", c)
	}
	if servers[0].(map[string]any)["relationships"] != nil {
		t.Error("devices relationship sent without being asked for")
	}
	if got := int(servers[0].(map[string]any)["attributes"].(map[string]any)["deviceCount"].(float64)); got != s.MdmServers()[0].DeviceCount {
		t.Errorf("deviceCount %d", got)
	}

	for path, param := range map[string]string{
		"/v1/orgDevices?fields[orgDevices]=serialNumber,nope":                       "fields[orgDevices]",
		"/v1/mdmServers?fields[mdmServers]=name":                                    "fields[mdmServers]",
		"/v1/orgDevices/XSPARSE00001/appleCareCoverage?fields[appleCareCoverage]=x": "fields[appleCareCoverage]",
	} {
		resp, b := get(t, s, tok, path)
		if code, p := errorCode(t, b); resp.StatusCode != 400 || code != "PARAMETER_ERROR.INVALID" || p != param {
			t.Errorf("%s: %d %s", path, resp.StatusCode, b)
		}
	}
}

package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// The device decoder is checked against a reference built on encoding/json:
// on every document both accept, they must agree field for field.

// refItem is one list item as encoding/json reads it; the attributes are
// interpreted from the declaration, so the reference follows every
// attribute the client declares without a list of its own.
type refItem struct {
	ID         string                     `json:"id"`
	Attributes map[string]json.RawMessage `json:"attributes"`
}

// cell is one attribute in a form both decoders can be compared in.
type cell struct {
	State string // absent, null or set
	Value any
}

// recordCells turns a decoded record into cells, through the accessors the
// provider uses.
func recordCells(res *Resource, r *Record) []cell {
	out := make([]cell, len(res.Attrs))
	for i := range res.Attrs {
		c := cell{State: "absent"}
		if r.Present(i) {
			c.State = "null"
		}
		switch res.Attrs[i].Kind {
		case String, MACs:
			if v, ok := r.Str(i); ok {
				c = cell{"set", v}
			}
		case Bool:
			if v, ok := r.Bool(i); ok {
				c = cell{"set", v}
			}
		case Int64:
			if v, ok := r.Int64(i); ok {
				c = cell{"set", v}
			}
		case Strings, MACList:
			if _, ok := r.Str(i); ok {
				c = cell{"set", append([]string{}, r.List(i)...)}
			}
		}
		out[i] = c
	}
	return out
}

// refValue decodes one attribute value by its kind with encoding/json.
func refValue(kind Kind, raw json.RawMessage) (cell, error) {
	if string(raw) == "null" {
		return cell{State: "null"}, nil
	}
	var err error
	var v any
	switch kind {
	case String:
		var s string
		err, v = json.Unmarshal(raw, &s), s
	case Bool:
		var b bool
		err, v = json.Unmarshal(raw, &b), b
	case Int64:
		var n int64
		err, v = json.Unmarshal(raw, &n), n
	case Strings:
		var list []string
		if err = json.Unmarshal(raw, &list); err == nil && list == nil {
			err = errors.New("not an array")
		}
		v = append([]string{}, list...)
	case MACs, MACList:
		var list []string
		var one string
		if json.Unmarshal(raw, &one) == nil {
			if one != "" {
				list = []string{one}
			}
		} else if err = json.Unmarshal(raw, &list); err == nil && list == nil {
			err = errors.New("not an array")
		}
		v = append([]string{}, list...)
		if kind == MACs {
			v = strings.Join(list, ",")
		}
	}
	return cell{"set", v}, err
}

func referenceDecode(res *Resource, body []byte) ([][]cell, []string, pageInfo, error) {
	var p page[refItem]
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, nil, pageInfo{}, err
	}
	if p.Data == nil {
		return nil, nil, pageInfo{}, errors.New("no data")
	}
	var out [][]cell
	var ids []string
	for _, item := range *p.Data {
		cells := make([]cell, len(res.Attrs))
		for i, a := range res.Attrs {
			c := cell{State: "absent"}
			if raw, ok := item.Attributes[a.Key]; ok {
				var err error
				if c, err = refValue(a.Kind, raw); err != nil {
					return nil, nil, pageInfo{}, err
				}
			}
			if raw, ok := item.Attributes[a.Alias]; ok && a.Alias != "" {
				alias, err := refValue(a.Kind, raw)
				if err != nil {
					return nil, nil, pageInfo{}, err
				}
				if c.State != "set" && alias.State == "set" {
					c = alias
				}
			}
			if a.FromID && c.State != "set" && item.ID != "" {
				c = cell{"set", item.ID}
			}
			cells[i] = c
		}
		out = append(out, cells)
		ids = append(ids, item.ID)
	}
	return out, ids, pageInfo{items: len(*p.Data), next: p.Links.Next, nextCursor: p.Meta.Paging.NextCursor}, nil
}

// scanPage decodes a page with the client's scanner into cells.
func scanPage(res *Resource, body []byte) ([][]cell, []string, pageInfo, error) {
	var out [][]cell
	var ids []string
	info, err := decodePage(body, res, func(r *Record) error {
		out = append(out, recordCells(res, r))
		ids = append(ids, r.ID)
		return nil
	})
	return out, ids, info, err
}

// exactKeys reports whether every structural key in the document (data,
// id, attributes, links, meta) is spelled exactly: encoding/json matches
// struct fields without regard to case, Apple's API and the scanner do not.
// Attribute keys are read into a map, which is exact.
func exactKeys(body []byte) bool {
	known := map[string]string{}
	for _, t := range []reflect.Type{reflect.TypeFor[page[refItem]](), reflect.TypeFor[refItem]()} {
		for i := range t.NumField() {
			name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
			known[strings.ToLower(name)] = name
		}
	}
	for _, k := range []string{"self", "next", "paging", "limit", "nextcursor", "total"} {
		known[k] = map[string]string{"nextcursor": "nextCursor"}[k]
		if known[k] == "" {
			known[k] = k
		}
	}
	type frame struct{ obj, expectKey bool }
	var stack []frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].expectKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			return false
		}
		if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].expectKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				valueDone()
				continue
			}
			key, _ := tok.(string)
			if exact, ok := known[strings.ToLower(key)]; ok && exact != key {
				return false
			}
			stack[n-1].expectKey = false
			continue
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				stack = append(stack, frame{obj: true, expectKey: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				valueDone()
			}
		default:
			valueDone()
		}
	}
}

func fixturePage() []byte {
	return []byte(`{"data":[
{"type":"orgDevices","id":"XABC123X0ABC123X0","attributes":{"serialNumber":"XABC123X0ABC123X0","addedToOrgDateTime":"2025-04-30T22:05:14.192Z","releasedFromOrgDateTime":null,"deviceModel":"iMac 21.5\"","productFamily":"Mac","color":"","status":"UNASSIGNED","imei":["1","2"],"meid":[],"purchaseSourceUid":"U1","wifiMacAddress":["a","b"],"bluetoothMacAddress":"c","ethernetMacAddress":"","isMdmMigrationCapable":true,"newAttribute":{"nested":[1,2,{"x":null}]}},"relationships":{"assignedServer":{"links":{"self":"x"}}}},
{"type":"orgDevices","id":"S2","attributes":{"deviceModel":"caf\u00e9 \ud83d\ude00 \u0041","purchaseSourceId":"ID","purchaseSourceUid":"U2","wifiMacAddress":null}},
{"type":"orgDevices","id":"S3"}
],"links":{"self":"s","next":"https://api/v1/orgDevices?cursor=abc"},"meta":{"paging":{"limit":1000,"nextCursor":"abc","total":3}}}`)
}

func TestDecodeOrgDevicePageMatchesReference(t *testing.T) {
	body := fixturePage()
	got, gotIDs, info, err := scanPage(OrgDevices, body)
	want, wantIDs, wantInfo, refErr := referenceDecode(OrgDevices, body)
	if err != nil || refErr != nil {
		t.Fatalf("scanner err %v, reference err %v", err, refErr)
	}
	if len(got) != 3 || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotIDs, wantIDs) || info != wantInfo {
		t.Errorf("scanner and reference differ\nscanner:   %+v %v %+v\nreference: %+v %v %+v", got, gotIDs, info, want, wantIDs, wantInfo)
	}
}

// Every kind of attribute is read the same way for every resource: the
// fixtures of the other resources agree with the reference too.
func TestDecodePagesOfEveryResourceMatchReference(t *testing.T) {
	bodies := map[*Resource]string{
		MdmServers: `{"data":[{"type":"mdmServers","id":"M1","attributes":{"serverName":"A","deviceCount":12,"enableMdmDisownFlag":false,` +
			`"defaultProductFamilies":["MAC",null],"lastConnectedIp":null}},{"id":"M2","attributes":{"deviceCount":-3,"serverName":"x","serverName":"y"}}]}`,
		AppleCareCoverage: `{"data":[{"id":"C1","attributes":{"status":"ACTIVE","isRenewable":true,"isCanceled":null,"endDateTime":"2027-01-01T00:00:00Z"}}]}`,
	}
	for res, body := range bodies {
		got, gotIDs, info, err := scanPage(res, []byte(body))
		want, wantIDs, wantInfo, refErr := referenceDecode(res, []byte(body))
		if err != nil || refErr != nil {
			t.Fatalf("%s: scanner err %v, reference err %v", res.Type, err, refErr)
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotIDs, wantIDs) || info != wantInfo {
			t.Errorf("%s: scanner and reference differ\nscanner:   %+v\nreference: %+v", res.Type, got, want)
		}
	}
}

// Apple's single-device document may leave serialNumber out: the id is the
// serial number. Its example spells purchaseSourceUid; the documented
// purchaseSourceId wins when both carry a value, and the misspelling fills
// in when the documented key is absent or null.
func TestDecodeOrgDeviceSerialFromIDAndPurchaseSourceSpellings(t *testing.T) {
	serial, source := OrgDevices.Index("serialNumber"), OrgDevices.Index("purchaseSourceId")
	cases := []struct{ body, wantSerial, wantSource string }{
		{`{"data":{"id":"S1","attributes":{"purchaseSourceId":"DOC","purchaseSourceUid":"UID"}}}`, "S1", "DOC"},
		{`{"data":{"id":"S1","attributes":{"purchaseSourceUid":"UID","purchaseSourceId":"DOC"}}}`, "S1", "DOC"},
		{`{"data":{"id":"S1","attributes":{"purchaseSourceUid":"UID"}}}`, "S1", "UID"},
		{`{"data":{"id":"S1","attributes":{"purchaseSourceId":null,"purchaseSourceUid":"UID"}}}`, "S1", "UID"},
		{`{"data":{"id":"S1","attributes":{"serialNumber":"OWN","purchaseSourceId":"DOC"}}}`, "OWN", "DOC"},
		{`{"data":{"id":"S1","attributes":{"serialNumber":null,"purchaseSourceId":"DOC"}}}`, "S1", "DOC"},
	}
	for _, c := range cases {
		r, err := decodeDocument([]byte(c.body), OrgDevices)
		if err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		if v, _ := r.Str(serial); v != c.wantSerial {
			t.Errorf("%s: serialNumber = %q, want %q", c.body, v, c.wantSerial)
		}
		if v, _ := r.Str(source); v != c.wantSource {
			t.Errorf("%s: purchaseSourceId = %q, want %q", c.body, v, c.wantSource)
		}
	}
}

func TestDecodeOrgDevicePageRejectsWrongTypes(t *testing.T) {
	cases := map[string]string{
		`{"data":[{"id":"S1","attributes":{"status":5}}]}`:                    "device 0 (S1): attribute status: expected a string, found a number",
		`{"data":[{"id":"S1","attributes":{"imei":"123"}}]}`:                  "attribute imei: expected an array",
		`{"data":[{"id":"S1","attributes":{"wifiMacAddress":{}}}]}`:           "expected a string or an array of strings, found an object",
		`{"data":[{"id":"S1","attributes":{"isMdmMigrationCapable":"yes"}}]}`: "expected a boolean",
		`{"data":{"id":"S1"}}`:  "expected an array, found an object",
		`{"data":null}`:         "the page has no data list",
		`{"data":[{"id":"S1"}]`: "malformed response body",
		`{"data":[]} x`:         "data after the end",
		`{"data":[{"id":"S1","attributes":{"color":"a` + "\x01" + `"}}]}`: "control character",
		``: "expected an object",
	}
	for body, want := range cases {
		_, err := decodePage([]byte(body), OrgDevices, func(*Record) error { return nil })
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", body, err, want)
		}
	}
	_, err := decodePage([]byte(`{"data":[{"id":"M1","attributes":{"deviceCount":1.5}}]}`), MdmServers, func(*Record) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "attribute deviceCount: expected an integer") {
		t.Errorf("deviceCount 1.5: err = %v", err)
	}
}

func FuzzDecodeOrgDevicePage(f *testing.F) {
	f.Add(fixturePage())
	f.Add([]byte(`{"data":[]}`))
	f.Add([]byte(`{"data":[],"links":null,"meta":{"paging":null}}`))
	f.Add([]byte(`{"data":[{"id":"A","attributes":{"wifiMacAddress":"","imei":[null,"x"]}}]}`))
	f.Add([]byte(`{"data":[{"id":"A","attributes":{"deviceModel":"\ud800\u0041"}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		got, gotIDs, info, err := scanPage(OrgDevices, body)
		if !json.Valid(body) {
			if err == nil {
				t.Fatalf("accepted invalid JSON %q", body)
			}
			return
		}
		want, wantIDs, wantInfo, refErr := referenceDecode(OrgDevices, body)
		if err != nil || refErr != nil || !exactKeys(body) {
			return
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotIDs, wantIDs) || info != wantInfo {
			t.Fatalf("scanner and reference differ on %q\nscanner:   %+v %+v\nreference: %+v %+v", body, got, info, want, wantInfo)
		}
	})
}

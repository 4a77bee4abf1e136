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

type refMAC struct{ MACList }

func (m *refMAC) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		m.MACList = MACList{}
		if s != "" {
			m.MACList = MACList{s}
		}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	if list == nil {
		list = []string{}
	}
	m.MACList = list
	return nil
}

type refAttributes struct {
	SerialNumber                 Field[string]   `json:"serialNumber"`
	AddedToOrgDateTime           Field[string]   `json:"addedToOrgDateTime"`
	ReleasedFromOrgDateTime      Field[string]   `json:"releasedFromOrgDateTime"`
	UpdatedDateTime              Field[string]   `json:"updatedDateTime"`
	DeviceModel                  Field[string]   `json:"deviceModel"`
	ProductFamily                Field[string]   `json:"productFamily"`
	ProductType                  Field[string]   `json:"productType"`
	DeviceCapacity               Field[string]   `json:"deviceCapacity"`
	PartNumber                   Field[string]   `json:"partNumber"`
	OrderNumber                  Field[string]   `json:"orderNumber"`
	Color                        Field[string]   `json:"color"`
	Status                       Field[string]   `json:"status"`
	OrderDateTime                Field[string]   `json:"orderDateTime"`
	IMEI                         Field[[]string] `json:"imei"`
	MEID                         Field[[]string] `json:"meid"`
	EID                          Field[string]   `json:"eid"`
	PurchaseSourceID             Field[string]   `json:"purchaseSourceId"`
	PurchaseSourceUID            Field[string]   `json:"purchaseSourceUid"`
	PurchaseSourceType           Field[string]   `json:"purchaseSourceType"`
	WifiMacAddress               Field[refMAC]   `json:"wifiMacAddress"`
	BluetoothMacAddress          Field[refMAC]   `json:"bluetoothMacAddress"`
	EthernetMacAddress           Field[refMAC]   `json:"ethernetMacAddress"`
	IsMdmMigrationCapable        Field[bool]     `json:"isMdmMigrationCapable"`
	MdmMigrationStatus           Field[string]   `json:"mdmMigrationStatus"`
	MdmMigrationDeadlineDateTime Field[string]   `json:"mdmMigrationDeadlineDateTime"`
}

func refMACField(f Field[refMAC]) Field[MACList] {
	return Field[MACList]{Present: f.Present, Valid: f.Valid, Value: f.Value.MACList}
}

func referenceDecode(body []byte) ([]*OrgDevice, pageInfo, error) {
	var p page[resource[refAttributes]]
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, pageInfo{}, err
	}
	if p.Data == nil {
		return nil, pageInfo{}, errors.New("no data")
	}
	var out []*OrgDevice
	for _, r := range *p.Data {
		a := r.Attributes
		d := &OrgDevice{
			ID: r.ID, SerialNumber: a.SerialNumber, AddedToOrgDateTime: a.AddedToOrgDateTime,
			ReleasedFromOrgDateTime: a.ReleasedFromOrgDateTime, UpdatedDateTime: a.UpdatedDateTime,
			DeviceModel: a.DeviceModel, ProductFamily: a.ProductFamily, ProductType: a.ProductType,
			DeviceCapacity: a.DeviceCapacity, PartNumber: a.PartNumber, OrderNumber: a.OrderNumber,
			Color: a.Color, Status: a.Status, OrderDateTime: a.OrderDateTime, IMEI: a.IMEI, MEID: a.MEID,
			EID: a.EID, PurchaseSourceID: a.PurchaseSourceID, PurchaseSourceType: a.PurchaseSourceType,
			WifiMacAddress: refMACField(a.WifiMacAddress), BluetoothMacAddress: refMACField(a.BluetoothMacAddress),
			EthernetMacAddress: refMACField(a.EthernetMacAddress), IsMdmMigrationCapable: a.IsMdmMigrationCapable,
			MdmMigrationStatus: a.MdmMigrationStatus, MdmMigrationDeadlineDateTime: a.MdmMigrationDeadlineDateTime,
		}
		finishOrgDevice(d, a.PurchaseSourceUID)
		out = append(out, d)
	}
	return out, pageInfo{items: len(*p.Data), next: p.Links.Next, nextCursor: p.Meta.Paging.NextCursor}, nil
}

// exactKeys reports whether every object key in the document is spelled
// exactly as the field it would match: encoding/json matches keys without
// regard to case, Apple's API and the scanner do not.
func exactKeys(body []byte) bool {
	known := map[string]string{}
	for _, t := range []reflect.Type{reflect.TypeFor[refAttributes](), reflect.TypeFor[page[resource[refAttributes]]](), reflect.TypeFor[resource[refAttributes]]()} {
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
	bodies := map[string][]byte{"fixtures": fixturePage()}
	for name, body := range bodies {
		var got []*OrgDevice
		info, err := decodeOrgDevicePage(body, func(d *OrgDevice) error { got = append(got, d); return nil })
		want, wantInfo, refErr := referenceDecode(body)
		if err != nil || refErr != nil {
			t.Fatalf("%s: scanner err %v, reference err %v", name, err, refErr)
		}
		if len(got) != 3 || !reflect.DeepEqual(got, want) || info != wantInfo {
			t.Errorf("%s: scanner and reference differ\nscanner:   %+v %+v\nreference: %+v %+v", name, got, info, want, wantInfo)
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
		`{"data":[{"id":"S1"}]`: "malformed response body",
		`{"data":[]} x`:         "data after the end",
		`{"data":[{"id":"S1","attributes":{"color":"a` + "\x01" + `"}}]}`: "control character",
		``: "expected an object",
	}
	for body, want := range cases {
		_, err := decodeOrgDevicePage([]byte(body), func(*OrgDevice) error { return nil })
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", body, err, want)
		}
	}
}

func FuzzDecodeOrgDevicePage(f *testing.F) {
	f.Add(fixturePage())
	f.Add([]byte(`{"data":[]}`))
	f.Add([]byte(`{"data":[],"links":null,"meta":{"paging":null}}`))
	f.Add([]byte(`{"data":[{"id":"A","attributes":{"wifiMacAddress":"","imei":[null,"x"]}}]}`))
	f.Add([]byte(`{"data":[{"id":"A","attributes":{"deviceModel":"\ud800\u0041"}}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var got []*OrgDevice
		info, err := decodeOrgDevicePage(body, func(d *OrgDevice) error { got = append(got, d); return nil })
		if !json.Valid(body) {
			if err == nil {
				t.Fatalf("accepted invalid JSON %q", body)
			}
			return
		}
		want, wantInfo, refErr := referenceDecode(body)
		if err != nil || refErr != nil || !exactKeys(body) {
			return
		}
		if !reflect.DeepEqual(got, want) || info != wantInfo {
			t.Fatalf("scanner and reference differ on %q\nscanner:   %+v %+v\nreference: %+v %+v", body, got, info, want, wantInfo)
		}
	})
}

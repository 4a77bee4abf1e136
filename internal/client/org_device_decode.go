package client

import (
	"errors"
	"fmt"
)

// decodeOrgDevicePage reads one page of GET /v1/orgDevices with the scanner
// and calls each for every device, in order. It follows the JSON:API shape:
// unknown members anywhere are skipped, and any attribute may be absent or
// null. A value of the wrong JSON type is an error naming the device and
// attribute, not a silently dropped field.
func decodeOrgDevicePage(body []byte, each func(*OrgDevice) error) (pageInfo, error) {
	s := &scanner{data: body}
	var info pageInfo
	sawData := false
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "data":
			sawData = true
			return s.array(func() error {
				d, err := decodeOrgDevice(s, info.items)
				if err != nil {
					return err
				}
				info.items++
				return each(d)
			})
		case "links":
			return decodeLinks(s, &info)
		case "meta":
			return decodeMeta(s, &info)
		}
		return s.skip()
	})
	if err == nil {
		err = s.end()
	}
	if err == nil && !sawData {
		return info, errors.New("malformed response body: the page has no data list")
	}
	return info, malformed(err)
}

// decodeOrgDeviceDocument reads GET /v1/orgDevices/{id}: one device under
// "data".
func decodeOrgDeviceDocument(body []byte) (*OrgDevice, error) {
	s := &scanner{data: body}
	var d *OrgDevice
	err := s.object(func(key []byte) error {
		if string(key) != "data" {
			return s.skip()
		}
		if isNull, err := s.null(); isNull || err != nil {
			return err
		}
		var err error
		d, err = decodeOrgDevice(s, 0)
		return err
	})
	if err == nil {
		err = s.end()
	}
	if err == nil && d == nil {
		err = errors.New("the answer has no device under data")
	}
	return d, malformed(err)
}

// malformed marks errors in the document itself, as opposed to errors the
// caller's callback returned.
func malformed(err error) error {
	var se *syntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("malformed response body: %w", err)
	}
	return err
}

func decodeLinks(s *scanner, info *pageInfo) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	return s.object(func(key []byte) error {
		if string(key) != "next" {
			return s.skip()
		}
		if isNull, err := s.null(); isNull || err != nil {
			return err
		}
		v, err := s.str()
		info.next = v
		return err
	})
}

func decodeMeta(s *scanner, info *pageInfo) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	return s.object(func(key []byte) error {
		if string(key) != "paging" {
			return s.skip()
		}
		if isNull, err := s.null(); isNull || err != nil {
			return err
		}
		return s.object(func(key []byte) error {
			if string(key) != "nextCursor" {
				return s.skip()
			}
			if isNull, err := s.null(); isNull || err != nil {
				return err
			}
			v, err := s.str()
			info.nextCursor = v
			return err
		})
	})
}

func decodeOrgDevice(s *scanner, index int) (*OrgDevice, error) {
	d := &OrgDevice{}
	var uid Field[string] // purchaseSourceUid, the misspelling in Apple's example
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "id":
			v, err := s.str()
			d.ID = v
			return err
		case "attributes":
			if isNull, err := s.null(); isNull || err != nil {
				return err
			}
			return s.object(func(key []byte) error {
				name := string(key)
				f := deviceAttribute(d, name, &uid)
				if f == nil {
					return s.skip()
				}
				if err := f(s); err != nil {
					return fmt.Errorf("attribute %s: %w", name, err)
				}
				return nil
			})
		}
		return s.skip()
	})
	if err != nil {
		if d.ID != "" {
			return nil, fmt.Errorf("device %d (%s): %w", index, d.ID, err)
		}
		return nil, fmt.Errorf("device %d: %w", index, err)
	}
	finishOrgDevice(d, uid)
	return d, nil
}

// finishOrgDevice applies the rules that need the whole record.
func finishOrgDevice(d *OrgDevice, uid Field[string]) {
	// Prefer the documented key; fall back to the misspelled one.
	if !d.PurchaseSourceID.Valid && uid.Valid {
		d.PurchaseSourceID = uid
	}
	// The serial number is the id; Apple may leave the attribute out.
	if !d.SerialNumber.Valid && d.ID != "" {
		d.SerialNumber = Field[string]{Present: true, Valid: true, Value: d.ID}
	}
}

// deviceAttribute returns the reader for one attribute, or nil for one this
// client does not know.
func deviceAttribute(d *OrgDevice, name string, uid *Field[string]) func(*scanner) error {
	str := func(f *Field[string]) func(*scanner) error { return func(s *scanner) error { return scanString(s, f) } }
	switch name {
	case "serialNumber":
		return str(&d.SerialNumber)
	case "addedToOrgDateTime":
		return str(&d.AddedToOrgDateTime)
	case "releasedFromOrgDateTime":
		return str(&d.ReleasedFromOrgDateTime)
	case "updatedDateTime":
		return str(&d.UpdatedDateTime)
	case "deviceModel":
		return str(&d.DeviceModel)
	case "productFamily":
		return str(&d.ProductFamily)
	case "productType":
		return str(&d.ProductType)
	case "deviceCapacity":
		return str(&d.DeviceCapacity)
	case "partNumber":
		return str(&d.PartNumber)
	case "orderNumber":
		return str(&d.OrderNumber)
	case "color":
		return str(&d.Color)
	case "status":
		return str(&d.Status)
	case "orderDateTime":
		return str(&d.OrderDateTime)
	case "eid":
		return str(&d.EID)
	case "purchaseSourceId":
		return str(&d.PurchaseSourceID)
	case "purchaseSourceUid":
		return str(uid)
	case "purchaseSourceType":
		return str(&d.PurchaseSourceType)
	case "mdmMigrationStatus":
		return str(&d.MdmMigrationStatus)
	case "mdmMigrationDeadlineDateTime":
		return str(&d.MdmMigrationDeadlineDateTime)
	case "imei":
		return func(s *scanner) error { return scanStrings(s, &d.IMEI) }
	case "meid":
		return func(s *scanner) error { return scanStrings(s, &d.MEID) }
	case "wifiMacAddress":
		return func(s *scanner) error { return scanMACs(s, &d.WifiMacAddress) }
	case "bluetoothMacAddress":
		return func(s *scanner) error { return scanMACs(s, &d.BluetoothMacAddress) }
	case "ethernetMacAddress":
		return func(s *scanner) error { return scanMACs(s, &d.EthernetMacAddress) }
	case "isMdmMigrationCapable":
		return func(s *scanner) error { return scanBool(s, &d.IsMdmMigrationCapable) }
	}
	return nil
}

func scanString(s *scanner, f *Field[string]) error {
	*f = Field[string]{Present: true}
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	v, err := s.str()
	if err != nil {
		return err
	}
	f.Valid, f.Value = true, v
	return nil
}

func scanBool(s *scanner, f *Field[bool]) error {
	*f = Field[bool]{Present: true}
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	v, err := s.boolean()
	if err != nil {
		return err
	}
	f.Valid, f.Value = true, v
	return nil
}

func scanStrings(s *scanner, f *Field[[]string]) error {
	*f = Field[[]string]{Present: true}
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	list, err := scanStringArray(s)
	if err != nil {
		return err
	}
	f.Valid, f.Value = true, list
	return nil
}

func scanStringArray(s *scanner) ([]string, error) {
	list := []string{}
	err := s.array(func() error {
		if isNull, err := s.null(); isNull || err != nil {
			list = append(list, "") // encoding/json leaves a null element as ""
			return err
		}
		v, err := s.str()
		list = append(list, v)
		return err
	})
	return list, err
}

// scanMACs reads a MAC attribute: a string, "" or an array of strings.
func scanMACs(s *scanner, f *Field[MACList]) error {
	*f = Field[MACList]{Present: true}
	switch s.peek() {
	case 'n':
		return s.literal("null")
	case '"':
		v, err := s.str()
		if err != nil {
			return err
		}
		f.Valid, f.Value = true, MACList{}
		if v != "" {
			f.Value = MACList{v}
		}
		return nil
	case '[':
		list, err := scanStringArray(s)
		if err != nil {
			return err
		}
		f.Valid, f.Value = true, list
		return nil
	}
	return s.fail("expected a string or an array of strings, found %s", s.kind())
}

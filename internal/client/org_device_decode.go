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
				if err := scanDeviceAttribute(s, d, key, &uid); err != nil {
					return fmt.Errorf("attribute %s: %w", key, err)
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

// scanDeviceAttribute reads the value of one attribute into d, or skips it
// when this client does not know the attribute. It runs once per attribute
// of every device, so it dispatches directly rather than through a table of
// closures.
func scanDeviceAttribute(s *scanner, d *OrgDevice, key []byte, uid *Field[string]) error {
	switch string(key) {
	case "serialNumber":
		return scanString(s, &d.SerialNumber)
	case "addedToOrgDateTime":
		return scanString(s, &d.AddedToOrgDateTime)
	case "releasedFromOrgDateTime":
		return scanString(s, &d.ReleasedFromOrgDateTime)
	case "updatedDateTime":
		return scanString(s, &d.UpdatedDateTime)
	case "deviceModel":
		return scanString(s, &d.DeviceModel)
	case "productFamily":
		return scanString(s, &d.ProductFamily)
	case "productType":
		return scanString(s, &d.ProductType)
	case "deviceCapacity":
		return scanString(s, &d.DeviceCapacity)
	case "partNumber":
		return scanString(s, &d.PartNumber)
	case "orderNumber":
		return scanString(s, &d.OrderNumber)
	case "color":
		return scanString(s, &d.Color)
	case "status":
		return scanString(s, &d.Status)
	case "orderDateTime":
		return scanString(s, &d.OrderDateTime)
	case "eid":
		return scanString(s, &d.EID)
	case "purchaseSourceId":
		return scanString(s, &d.PurchaseSourceID)
	case "purchaseSourceUid":
		return scanString(s, uid)
	case "purchaseSourceType":
		return scanString(s, &d.PurchaseSourceType)
	case "mdmMigrationStatus":
		return scanString(s, &d.MdmMigrationStatus)
	case "mdmMigrationDeadlineDateTime":
		return scanString(s, &d.MdmMigrationDeadlineDateTime)
	case "imei":
		return scanStrings(s, &d.IMEI)
	case "meid":
		return scanStrings(s, &d.MEID)
	case "wifiMacAddress":
		return scanMACs(s, &d.WifiMacAddress)
	case "bluetoothMacAddress":
		return scanMACs(s, &d.BluetoothMacAddress)
	case "ethernetMacAddress":
		return scanMACs(s, &d.EthernetMacAddress)
	case "isMdmMigrationCapable":
		return scanBool(s, &d.IsMdmMigrationCapable)
	}
	return s.skip()
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

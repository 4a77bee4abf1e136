package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// CustomSettingsValues declares the profile of a CUSTOM_SETTING
// configuration (Apple's CustomSettingsValues object).
var CustomSettingsValues = NewResource("customSettingsValues", "custom settings",
	Attribute{Key: "configurationProfile", Kind: String, Doc: "The configuration profile's text (a `.mobileconfig` property list). Apple's schema says Base64 and its live API sends raw XML: Base64 is decoded, XML kept as sent. A profile whose decoded bytes are not text (a signed profile) stays Base64."},
	Attribute{Key: "filename", Kind: String, Doc: "File name of the profile, ending in `.mobileconfig`."},
)

// Configurations declares the attributes of a configuration of built-in
// device management (JSON:API type configurations).
var Configurations = NewResource("configurations", "configuration",
	Attribute{Key: "type", Kind: String, Doc: "Kind of configuration, as Apple sends it: `CUSTOM_SETTING` (a custom profile, the only kind the API writes), `AIR_DROP`, `FILE_VAULT`, `WIFI`, `VPN`, … (23 documented; Apple adds more)."},
	Attribute{Key: "name", Kind: String, Doc: "Name of the configuration."},
	Attribute{Key: "configuredForPlatforms", Kind: Strings, Doc: "Platforms the configuration applies to: `PLATFORM_MACOS`, `PLATFORM_IOS` (iOS and iPadOS), `PLATFORM_TVOS`, `PLATFORM_VISIONOS`. Empty when Apple sends none."},
	Attribute{Key: "customSettingsValues", Kind: Object, Of: CustomSettingsValues, Doc: "The profile of a `CUSTOM_SETTING` configuration; null for other types. Apple's list always sends null, so a list shows it only when asked to read each custom configuration."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the configuration was created."},
	Attribute{Key: "updatedDateTime", Kind: String, Doc: "When the configuration was last updated."},
)

func configurationQuery() url.Values {
	return url.Values{"fields[configurations]": {Configurations.Keys()}}
}

// ListConfigurations calls each for every configuration of the
// organization, of every type. Apple sends customSettingsValues as null in
// this list whatever the type; GetConfiguration has it.
func (c *Client) ListConfigurations(ctx context.Context, each func(*Record) error) error {
	if err := c.listRecords(ctx, "configurations", "/configurations", configurationQuery(), Configurations, each); err != nil {
		return fmt.Errorf("list configurations: %w", err)
	}
	return nil
}

// GetConfiguration reads one configuration by id, with the profile of a
// CUSTOM_SETTING configuration. An unknown id gives an *APIError whose
// NotFound is true.
func (c *Client) GetConfiguration(ctx context.Context, id string) (*Record, error) {
	r, err := c.getRecord(ctx, "configuration", c.apiURL("/configurations/"+url.PathEscape(id), configurationQuery()), Configurations)
	if err != nil {
		return nil, fmt.Errorf("get configuration %q: %w", id, err)
	}
	return r, nil
}

// ProfileText is a configurationProfile as text. Apple's schema types it as
// Base64 ("byte") and its live API sends the raw XML, so both arrive: text
// that starts like XML is kept as sent; Base64 is decoded when the result is
// text. Anything else (a signed profile is binary) is returned as sent.
func ProfileText(v string) string {
	trimmed := strings.TrimLeft(v, " \t\r\n\ufeff")
	if strings.HasPrefix(trimmed, "<") || trimmed == "" {
		return v
	}
	compact := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, v)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		b, err := enc.DecodeString(compact)
		if err != nil {
			continue
		}
		if utf8.Valid(b) && !bytes.ContainsRune(b, 0) {
			return string(b)
		}
		return v
	}
	return v
}

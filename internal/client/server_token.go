package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ServerToken is a decrypted device-enrollment (ADE) server token: the OAuth
// 1.0a credentials of one MDM server. Its fields are secrets.
type ServerToken struct {
	ConsumerKey       string `json:"consumer_key"`
	ConsumerSecret    string `json:"consumer_secret"`
	AccessToken       string `json:"access_token"`
	AccessSecret      string `json:"access_secret"`
	AccessTokenExpiry string `json:"access_token_expiry"`
}

const (
	beginMessage = "-----BEGIN MESSAGE-----"
	endMessage   = "-----END MESSAGE-----"
)

// ParseServerToken reads a decrypted server token: the JSON itself, or the
// decrypted MIME text that holds it between the BEGIN/END MESSAGE markers.
// Errors never quote the token, which is secret.
func ParseServerToken(data []byte) (*ServerToken, error) {
	text := strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff"))
	if text == "" {
		return nil, errors.New("the server token is empty")
	}
	if !strings.HasPrefix(text, "{") {
		start := strings.Index(text, beginMessage)
		if start < 0 {
			if strings.Contains(text, "application/pkcs7-mime") || strings.Contains(text, "smime.p7m") {
				return nil, errors.New("the server token is still encrypted (S/MIME); decrypt the .p7m with the MDM server's private key first")
			}
			return nil, fmt.Errorf("the server token is neither JSON nor MIME text with %s", beginMessage)
		}
		rest := text[start+len(beginMessage):]
		end := strings.Index(rest, endMessage)
		if end < 0 {
			return nil, fmt.Errorf("the server token has %s but no %s", beginMessage, endMessage)
		}
		text = strings.TrimSpace(rest[:end])
	}
	var tok ServerToken
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	if err := dec.Decode(&tok); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return nil, fmt.Errorf("the server token is not valid JSON (syntax error at byte %d)", syn.Offset)
		case errors.As(err, &typ) && typ.Field == "":
			return nil, errors.New("the server token is not a JSON object; expected the object with consumer_key, consumer_secret, access_token and access_secret")
		case errors.As(err, &typ):
			return nil, fmt.Errorf("the server token's %q is not a string", typ.Field)
		default:
			return nil, errors.New("the server token is not valid JSON")
		}
	}
	var missing []string
	for name, v := range map[string]string{
		"consumer_key": tok.ConsumerKey, "consumer_secret": tok.ConsumerSecret,
		"access_token": tok.AccessToken, "access_secret": tok.AccessSecret,
	} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return nil, fmt.Errorf("the server token lacks %s", strings.Join(missing, ", "))
	}
	return &tok, nil
}

// Expiry is the token's access_token_expiry, if it has a readable one.
func (t *ServerToken) Expiry() (time.Time, bool) {
	if t.AccessTokenExpiry == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02 15:04:05"} {
		if e, err := time.Parse(layout, t.AccessTokenExpiry); err == nil {
			return e, true
		}
	}
	return time.Time{}, false
}

package provider

import (
	"strings"
	"testing"
)

// checkEndpointURL is the one rule for api_url, token_url and ade_url, from
// the configuration (urlValidator) and from the environment (resolveSettings).

func TestCheckEndpointURLAccepts(t *testing.T) {
	for _, raw := range []string{
		"https://api-business.apple.com",
		"https://account.apple.com/auth/oauth2/token",
		"HTTPS://mdmenrollment.apple.com/",
		"http://localhost:8080",
		"http://LOCALHOST/token",
		"http://127.0.0.1:51234",
		"http://127.8.9.10/auth/oauth2/token",
		"http://[::1]:8443/v1",
	} {
		if err := checkEndpointURL(raw); err != nil {
			t.Errorf("%s refused: %v", raw, err)
		}
	}
}

func TestCheckEndpointURLRefuses(t *testing.T) {
	cases := map[string]struct{ raw, want string }{
		"http to a remote host":     {"http://api-business.apple.com", "uses http:// with a host that is not loopback; use https://"},
		"http to a private address": {"http://10.0.0.1/", "not loopback"},
		"loopback look-alike host":  {"http://127.0.0.1.nip.io", "not loopback"},
		"localhost look-alike host": {"http://localhost.attacker.example/token", "not loopback"},
		"no host":                   {"https://", "not an absolute URL; expected https://host[/path]"},
		"no scheme":                 {"api-business.apple.com", "not an absolute URL"},
		"relative path":             {"/just/a/path", "not an absolute URL"},
		"javascript scheme":         {"javascript:alert(1)", "not an absolute URL"},
		"space in host":             {"https://exa mple.com/token", "not a valid URL"},
		"bad percent escape":        {"https://api.example.com/%zz", "not a valid URL"},
		"leading colons":            {"::not a url", "not a valid URL"},
		"fragment":                  {"https://api.example.com/#top", "query or fragment"},
		"query string":              {"https://example.com/?a=b", "query or fragment"},
		"ftp scheme":                {"ftp://example.com", `has scheme "ftp"; expected https://`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			err := checkEndpointURL(tc.raw)
			if err == nil {
				t.Fatalf("%q accepted", tc.raw)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

// A URL with a password in it is refused without repeating the password.
func TestCheckEndpointURLRedactsUserInformation(t *testing.T) {
	err := checkEndpointURL("https://admin:hunter2-secret@example.com/v1")
	if err == nil {
		t.Fatal("URL with user information accepted")
	}
	msg := err.Error()
	if !strings.Contains(msg, "carries user information; credentials go in their own attributes") {
		t.Errorf("error %q does not explain the refusal", msg)
	}
	for _, secret := range []string{"hunter2-secret", "admin"} {
		if strings.Contains(msg, secret) {
			t.Errorf("error %q quotes %q", msg, secret)
		}
	}
	if !strings.Contains(msg, "REDACTED@example.com/v1") {
		t.Errorf("error %q does not show the URL with its user information redacted", msg)
	}
}

package provider

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// providerData is what Configure hands to every data source of one provider
// instance. The API client is built on first use, so credentials are only
// required, read and checked when a data source needs them.
type providerData struct {
	settings settings

	once  sync.Once
	fleet *fleet
	diags diag.Diagnostics
	reads reads // the data source reads in flight, for the instance notices
}

// organization returns the shared view of the organization, or the
// diagnostics that explain why there is none. Every problem is one
// diagnostic naming the attribute and its environment variable.
func (d *providerData) organization() (*fleet, diag.Diagnostics) {
	d.once.Do(func() {
		c, diags := buildClient(d.settings)
		d.diags = diags
		if c != nil {
			d.fleet = &fleet{c: c, cacheTrouble: d.settings.CacheTrouble}
		}
	})
	return d.fleet, d.diags
}

func buildClient(s settings) (*client.Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	missing := func(attribute, what string) {
		diags.AddError("Missing "+attribute,
			fmt.Sprintf("The provider needs %s to read from Apple: set %s in the provider block or the environment variable %s. "+
				"It comes from Apple Business Manager (or Apple School Manager) → Preferences → API.", what, "`"+attribute+"`", attrEnv[attribute]))
	}
	if s.ClientID == "" {
		missing("client_id", "the API account's client ID")
	}
	if s.KeyID == "" {
		missing("key_id", "the API account's key ID")
	}
	if s.Scope == "" && s.ClientID != "" {
		diags.AddError("Cannot tell the scope",
			fmt.Sprintf("The client ID %q starts with neither BUSINESSAPI. nor SCHOOLAPI., so the scope cannot be derived from it. "+
				"Check %s, or set %s to business.api or school.api.", s.ClientID, where("client_id"), where("scope")))
	}
	pemText := s.PrivateKey.Text
	switch {
	case s.PrivateKey.Text == "" && s.PrivateKey.File == "":
		diags.AddError("Missing private key",
			"The provider needs the API account's private key: set `private_key` (environment variable ABM_PRIVATE_KEY) to the PEM text, "+
				"or `private_key_file` (environment variable ABM_PRIVATE_KEY_FILE) to the path of the .pem file downloaded from Apple.")
	case s.PrivateKey.File != "":
		b, err := os.ReadFile(s.PrivateKey.File)
		if err != nil {
			diags.AddError("Cannot read the private key file",
				fmt.Sprintf("%s names %q, which cannot be read: %v", s.PrivateKey.Source, s.PrivateKey.File, pathError(err)))
		}
		pemText = string(b)
	}
	if diags.HasError() {
		return nil, diags
	}
	key, err := client.ParsePrivateKey([]byte(pemText))
	if err != nil {
		diags.AddError("Invalid private key", fmt.Sprintf("The private key from %s is not usable: %v.", s.PrivateKey.Source, err))
	}
	serverToken := readServerToken(s, &diags)
	if diags.HasError() {
		return nil, diags
	}
	c, err := client.New(client.Config{
		ClientID:          s.ClientID,
		KeyID:             s.KeyID,
		PrivateKey:        key,
		Scope:             s.Scope,
		APIURL:            s.APIURL,
		TokenURL:          s.TokenURL,
		ServerToken:       serverToken,
		ADEURL:            s.ADEURL,
		UserAgent:         s.UserAgent,
		HTTPClient:        newHTTPClient(),
		MaxRetries:        s.MaxRetries,
		RequestsPerMinute: s.RequestsPerMinute,
		CacheDir:          s.CacheDir,
		TokenCache:        s.TokenCache,
		ReadCacheMaxAge:   s.ReadCacheMaxAge,
		Logger:            tflogLogger{},
	})
	if err != nil {
		diags.AddError("Invalid provider configuration", err.Error())
		return nil, diags
	}
	return c, nil
}

// readServerToken reads and parses the server token when one is configured;
// without one it returns nil and abm_organization leaves the account fields
// null.
func readServerToken(s settings, diags *diag.Diagnostics) *client.ServerToken {
	text := s.ServerToken.Text
	fromFile := s.ServerToken.File != "" && text == ""
	if fromFile {
		b, err := os.ReadFile(s.ServerToken.File)
		if err != nil {
			diags.AddError("Cannot read the server token file",
				fmt.Sprintf("%s names %q, which cannot be read: %v", s.ServerToken.Source, s.ServerToken.File, pathError(err)))
			return nil
		}
		text = string(b)
	}
	// An empty file named on purpose is a mistake to report, not the
	// absence of a token.
	if text == "" && !fromFile {
		return nil
	}
	tok, err := client.ParseServerToken([]byte(text))
	if err != nil {
		diags.AddError("Invalid server token",
			fmt.Sprintf("The server token from %s is not usable: %v. It must be the decrypted token of an MDM server "+
				"(the JSON with consumer_key, consumer_secret, access_token and access_secret, or the MIME text around it).", s.ServerToken.Source, err))
		return nil
	}
	return tok
}

// pathError drops the path from an *os.PathError, which the message already
// names.
func pathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// tflogLogger sends the client's log to Terraform's log (TF_LOG): each
// request at DEBUG, each wait and the progress of list reads at INFO.
type tflogLogger struct{}

func (tflogLogger) Log(ctx context.Context, level client.LogLevel, msg string, fields map[string]any) {
	if level == client.LevelInfo {
		tflog.Info(ctx, msg, fields)
		return
	}
	tflog.Debug(ctx, msg, fields)
}

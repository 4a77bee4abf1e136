package client_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

func adeClient(t *testing.T, f *fakeabm.Server) *client.Client {
	t.Helper()
	tok, err := client.ParseServerToken(f.ServerTokenMIME())
	if err != nil {
		t.Fatalf("ParseServerToken(MIME): %v", err)
	}
	c, _ := newClient(t, f, func(cfg *client.Config) {
		cfg.ServerToken = tok
		cfg.ADEURL = f.URL()
	})
	return c
}

func TestADEAccountDetailSignsOAuth1AndReadsTheOrganization(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c := adeClient(t, f)
	d, err := c.AccountDetail(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "org_name", d.OrgName, "Example Corp")
	checkString(t, "org_id", d.OrgID, "780420")
	checkString(t, "org_type", d.OrgType, "org")
	checkString(t, "admin_id", d.AdminID, "it-admin@example.com")
	checkString(t, "server_uuid", d.ServerUUID, "F6E1E81A93837E1E87D6F4D99E235117")
	// The second read reuses the (refreshed) session.
	if _, err := c.AccountDetail(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := f.Count("adeSession"); n != 1 {
		t.Errorf("sessions opened = %d, want 1", n)
	}
}

func TestADEAccountDetailRenewsARefusedSessionOnce(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c := adeClient(t, f)
	if _, err := c.AccountDetail(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.ExpireADESessions()
	if _, err := c.AccountDetail(context.Background()); err != nil {
		t.Fatalf("after sessions expired: %v", err)
	}
	if n := f.Count("adeSession"); n != 2 {
		t.Errorf("sessions opened = %d, want 2", n)
	}
}

func TestADEAccountDetailExplainsTermsAndExpiry(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c := adeClient(t, f)
	f.SetADETermsNotSigned(true)
	_, err := c.AccountDetail(context.Background())
	var ae *client.ADEError
	if !errors.As(err, &ae) || ae.HTTPStatus != 403 || !strings.Contains(err.Error(), "accept") {
		t.Fatalf("terms not signed: %v", err)
	}
	f.SetADETermsNotSigned(false)
	f.SetADETokenExpired(true)
	f.ExpireADESessions()
	_, err = c.AccountDetail(context.Background())
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("token expired: %v", err)
	}
}

func TestADEAccountDetailWithWrongSecretIsRefused(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	tok, err := client.ParseServerToken(f.ServerTokenJSON())
	if err != nil {
		t.Fatal(err)
	}
	tok.AccessSecret = "AS_wrong"
	c, _ := newClient(t, f, func(cfg *client.Config) { cfg.ServerToken = tok; cfg.ADEURL = f.URL() })
	_, err = c.AccountDetail(context.Background())
	var ae *client.ADEError
	if !errors.As(err, &ae) || ae.HTTPStatus != 401 {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "AS_wrong") {
		t.Error("error quotes the secret")
	}
}

func TestParseServerToken(t *testing.T) {
	good := `{"consumer_key":"CK_1","consumer_secret":"CS_1","access_token":"AT_1","access_secret":"AS_1","access_token_expiry":"2027-01-01T00:00:00Z"}`
	mime := "Content-Type: text/plain;charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n-----BEGIN MESSAGE-----\r\n" + good + "\r\n-----END MESSAGE-----\r\n"
	for name, text := range map[string]string{"json": good, "mime": mime, "bom": "\ufeff" + good} {
		tok, err := client.ParseServerToken([]byte(text))
		if err != nil || tok.ConsumerKey != "CK_1" || tok.AccessSecret != "AS_1" {
			t.Errorf("%s: tok=%+v err=%v", name, tok, err)
		}
	}
	bad := map[string]string{
		"":                            "empty",
		"hello":                       "neither JSON nor MIME",
		"-----BEGIN MESSAGE-----\n{}": "no -----END MESSAGE-----",
		`{"consumer_key":"CK_1"`:      "not valid JSON",
		`{"consumer_key":1}`:          "not a string",
		`{"consumer_key":"CK_1","access_secret":"AS_secret"}`:             "lacks access_token, consumer_secret",
		"Content-Type: application/pkcs7-mime; smime-type=enveloped-data": "still encrypted",
	}
	for text, want := range bad {
		_, err := client.ParseServerToken([]byte(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", text, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "AS_secret") {
			t.Errorf("%q: error quotes a secret", text)
		}
	}
}

func TestAppleCareCoverage(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	cov, err := c.ListAppleCareCoverage(context.Background(), "XABC123X0ABC123X0")
	if err != nil {
		t.Fatal(err)
	}
	if len(cov) != 2 {
		t.Fatalf("coverage records = %d, want 2", len(cov))
	}
	if cov[0].ID != "H2WVKX7Q9N" || cov[1].ID != "K8PLQ2M4R7" {
		t.Errorf("order = %s, %s", cov[0].ID, cov[1].ID)
	}
	checkString(t, "paymentType", keyOf(cov[0], client.AppleCareCoverage, "paymentType"), "PAID_UP_FRONT")
	checkString(t, "endDateTime", keyOf(cov[0], client.AppleCareCoverage, "endDateTime"), "2028-04-29T00:00:00Z")
	if keyOf(cov[1], client.AppleCareCoverage, "endDateTime").Valid || !keyOf(cov[1], client.AppleCareCoverage, "endDateTime").Present {
		t.Errorf("subscription endDateTime = %+v, want present null", keyOf(cov[1], client.AppleCareCoverage, "endDateTime"))
	}
	checkString(t, "agreementNumber", keyOf(cov[1], client.AppleCareCoverage, "agreementNumber"), "AG-104233")
	none, err := c.ListAppleCareCoverage(context.Background(), "XSPARSE00001")
	if err != nil || none == nil || len(none) != 0 {
		t.Errorf("no coverage: %v %v", none, err)
	}
}

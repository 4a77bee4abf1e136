package client_test

import (
	"context"
	"encoding/base64"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// listAll walks a catalog list into a map by id, checking Apple's order is
// kept in ids.
func listAll(t *testing.T, list func(context.Context, func(*client.Record) error) error) (map[string]*client.Record, []string) {
	t.Helper()
	got := map[string]*client.Record{}
	var ids []string
	if err := list(context.Background(), func(r *client.Record) error {
		got[r.ID] = r
		ids = append(ids, r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got, ids
}

func TestListAppsDecodesEveryAttributeAndPages(t *testing.T) {
	f := newFake(t, fakeabm.Options{Catalog: 2500})
	c, rec := newClient(t, f)
	got, ids := listAll(t, c.ListApps)
	if len(ids) != 5+2500 || ids[0] != "361309726" {
		t.Fatalf("listed %d apps, first %s", len(ids), ids[0])
	}
	if n := f.Count(fakeabm.RouteApps); n != 3 {
		t.Errorf("%d requests for 2505 apps, want 3 (1000 a page)", n)
	}
	if q := rec.requests()[1].URL.Query().Get("fields[apps]"); q != client.Apps.Keys() {
		t.Errorf("fields[apps] = %q", q)
	}
	pages := got["361309726"]
	checkString(t, "name", keyOf(pages, client.Apps, "name"), "Pages")
	checkString(t, "bundleId", keyOf(pages, client.Apps, "bundleId"), "com.apple.iWork.Pages")
	checkString(t, "appStoreUrl", keyOf(pages, client.Apps, "appStoreUrl"), "https://apps.apple.com/app/pages/id361309726")
	if os := listOf(pages, client.Apps, "supportedOS"); !reflect.DeepEqual(os, []string{"SUPPORTED_OS_IOS", "SUPPORTED_OS_IPADOS", "SUPPORTED_OS_MACOS"}) {
		t.Errorf("supportedOS = %v", os)
	}
	if v, ok := pages.Bool(client.Apps.Index("isCustomApp")); !ok || v {
		t.Errorf("isCustomApp = %v %v", v, ok)
	}
	sparse := got["1000000002"]
	for _, k := range []string{"websiteUrl", "version", "appStoreUrl"} {
		if keyOf(sparse, client.Apps, k).Present {
			t.Errorf("sparse app has %s", k)
		}
	}
}

func TestGetAppUnknownIsNotFound(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	_, err := c.GetApp(context.Background(), "999")
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || !apiErr.NotFound() {
		t.Fatalf("err = %v, want a 404", err)
	}
}

func TestDeviceManagementOffIsForbidden(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	f.SetDeviceManagementOff(true)
	c, _ := newClient(t, f)
	for name, list := range map[string]func(context.Context, func(*client.Record) error) error{
		"apps": c.ListApps, "packages": c.ListPackages, "blueprints": c.ListBlueprints, "configurations": c.ListConfigurations,
	} {
		err := list(context.Background(), func(*client.Record) error { return nil })
		var apiErr *client.APIError
		if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 403 || !strings.Contains(err.Error(), "device management") {
			t.Errorf("%s: err = %v, want 403 naming device management", name, err)
		}
	}
}

func TestNullAndAbsentDecodeAlike(t *testing.T) {
	for _, asNull := range []bool{false, true} {
		f := newFake(t, fakeabm.Options{})
		f.SetUnsetAsNull(asNull)
		c, _ := newClient(t, f)
		got, _ := listAll(t, c.ListPackages)
		sparse := got["pkg-sparse"]
		for _, k := range []string{"url", "hash", "description", "version", "updatedDateTime"} {
			if v := keyOf(sparse, client.Packages, k); v.Valid {
				t.Errorf("null=%v: %s = %+v, want no value", asNull, k, v)
			}
		}
		if l := listOf(sparse, client.Packages, "bundleIds"); len(l) != 0 {
			t.Errorf("null=%v: bundleIds = %v", asNull, l)
		}
		checkString(t, "createdDateTime", keyOf(sparse, client.Packages, "createdDateTime"), "2024-01-01T00:00:00Z")
	}
}

func TestBlueprintRelationshipsWalkAndRefuse(t *testing.T) {
	f := newFake(t, fakeabm.Options{})
	c, _ := newClient(t, f)
	b, err := c.GetBlueprint(context.Background(), "blueprint-12345")
	if err != nil {
		t.Fatal(err)
	}
	checkString(t, "status", keyOf(b, client.Blueprints, "status"), "ACTIVE")
	want := map[string][]string{
		"apps": {"361309726", "1000000001"}, "configurations": {"config-12345", "config-airdrop"}, "packages": {"pkg-12345"},
		"orgDevices": {"XABC123X0ABC123X0", "XARRAYMAC0001"}, "users": {"USER-1001", "USER-1002", "USER-1003"}, "userGroups": {"GROUP-2001"},
	}
	for _, rel := range client.BlueprintRelationships {
		var ids []string
		if err := c.ListBlueprintRelated(context.Background(), "blueprint-12345", rel, func(id string) error {
			ids = append(ids, id)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ids, want[rel]) {
			t.Errorf("%s = %v, want %v", rel, ids, want[rel])
		}
		if n := f.Count(fakeabm.RouteBlueprintRelationship(rel)); n != 1 {
			t.Errorf("%s: %d requests", rel, n)
		}
	}
	f.SetBlueprintRelationshipForbidden("users", true)
	err = c.ListBlueprintRelated(context.Background(), "blueprint-12345", "users", func(string) error { return nil })
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 403 || !strings.Contains(err.Error(), "users of blueprint") {
		t.Errorf("err = %v, want a 403 naming the users", err)
	}
}

func TestConfigurationProfileBothEncodings(t *testing.T) {
	for _, b64 := range []bool{false, true} {
		f := newFake(t, fakeabm.Options{})
		f.SetProfileBase64(b64)
		c, _ := newClient(t, f)
		got, _ := listAll(t, c.ListConfigurations)
		if got["config-12345"].Object(client.Configurations.Index("customSettingsValues"), client.CustomSettingsValues) != nil {
			t.Error("the list carried customSettingsValues")
		}
		r, err := c.GetConfiguration(context.Background(), "config-12345")
		if err != nil {
			t.Fatal(err)
		}
		cs := r.Object(client.Configurations.Index("customSettingsValues"), client.CustomSettingsValues)
		if cs == nil {
			t.Fatal("no customSettingsValues")
		}
		raw, _ := cs.Str(client.CustomSettingsValues.Index("configurationProfile"))
		if b64 == strings.HasPrefix(raw, "<?xml") {
			t.Errorf("base64=%v: Apple's form %.20q", b64, raw)
		}
		if text := client.ProfileText(raw); text != fakeabm.FixtureProfileXML {
			t.Errorf("base64=%v: ProfileText = %.60q", b64, text)
		}
		checkString(t, "filename", keyOf(cs, client.CustomSettingsValues, "filename"), "corporate-wifi.mobileconfig")
	}
}

func TestProfileTextKeepsWhatIsNotBase64Text(t *testing.T) {
	binary := base64.StdEncoding.EncodeToString([]byte{0x30, 0x82, 0x00, 0xff, 0xfe})
	wrapped := base64.StdEncoding.EncodeToString([]byte("<plist/>"))
	for in, want := range map[string]string{
		binary:                           binary, // a signed (DER) profile is not text
		"not base64!":                    "not base64!",
		"":                               "",
		"  <?xml?>":                      "  <?xml?>",
		wrapped[:4] + "\n" + wrapped[4:]: "<plist/>",
	} {
		if got := client.ProfileText(in); got != want {
			t.Errorf("ProfileText(%q) = %q, want %q", in, got, want)
		}
	}
}

package fakeabm

import (
	"strings"
	"testing"
	"time"
)

// The catalog's documents follow Apple's (README: Built-in device management catalog).

func TestCatalogFieldsPruneAndRelationshipLinks(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	doc := getJSON(t, s, tok, "/v1/blueprints/blueprint-12345?fields[blueprints]=name,apps")
	data := doc["data"].(map[string]any)
	attrs := data["attributes"].(map[string]any)
	if len(attrs) != 1 || attrs["name"] != "Sales iPads" {
		t.Errorf("attributes = %v, want only name", attrs)
	}
	rels := data["relationships"].(map[string]any)
	if len(rels) != 1 || !strings.HasSuffix(rels["apps"].(map[string]any)["links"].(map[string]any)["self"].(string), "/v1/blueprints/blueprint-12345/relationships/apps") {
		t.Errorf("relationships = %v", rels)
	}
	resp, b := get(t, s, tok, "/v1/apps?fields[apps]=name,nope")
	if code, param := errorCode(t, b); resp.StatusCode != 400 || code != "PARAMETER_ERROR.INVALID" || param != "fields[apps]" {
		t.Errorf("unknown field: %d %s %s", resp.StatusCode, code, param)
	}
	resp, b = get(t, s, tok, "/v1/blueprints?include=apps,nope")
	if code, param := errorCode(t, b); resp.StatusCode != 400 || code != "PARAMETER_ERROR.INVALID" || param != "include" {
		t.Errorf("unknown include: %d %s %s", resp.StatusCode, code, param)
	}
	resp, b = get(t, s, tok, "/v1/configurations/nope")
	if code, _ := errorCode(t, b); resp.StatusCode != 404 || code != "NOT_FOUND" {
		t.Errorf("unknown id: %d %s", resp.StatusCode, code)
	}
	resp, _ = get(t, s, tok, "/v1/blueprints/nope/relationships/apps")
	if resp.StatusCode != 404 {
		t.Errorf("relationships of an unknown blueprint: %d", resp.StatusCode)
	}
}

func TestCatalogListsSendNullCustomSettings(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	for _, it := range getJSON(t, s, tok, "/v1/configurations?fields[configurations]=name,customSettingsValues")["data"].([]any) {
		attrs := it.(map[string]any)["attributes"].(map[string]any)
		if v, ok := attrs["customSettingsValues"]; !ok || v != nil {
			t.Errorf("%v: customSettingsValues = %v (present %v), want null", attrs["name"], v, ok)
		}
	}
	one := getJSON(t, s, tok, "/v1/configurations/config-12345")["data"].(map[string]any)["attributes"].(map[string]any)
	if cs, _ := one["customSettingsValues"].(map[string]any); cs["filename"] != "corporate-wifi.mobileconfig" {
		t.Errorf("customSettingsValues = %v", one["customSettingsValues"])
	}
}

func TestCatalogKnobs(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tok := token(t, s)
	s.SetAppLicenseDeficient("blueprint-12345", true)
	attrs := getJSON(t, s, tok, "/v1/blueprints/blueprint-12345")["data"].(map[string]any)["attributes"].(map[string]any)
	if attrs["appLicenseDeficient"] != true {
		t.Errorf("appLicenseDeficient = %v", attrs["appLicenseDeficient"])
	}
	sparse := getJSON(t, s, tok, "/v1/apps/1000000002")["data"].(map[string]any)["attributes"].(map[string]any)
	if _, ok := sparse["version"]; ok {
		t.Errorf("absent version sent: %v", sparse)
	}
	s.SetUnsetAsNull(true)
	sparse = getJSON(t, s, tok, "/v1/apps/1000000002")["data"].(map[string]any)["attributes"].(map[string]any)
	if v, ok := sparse["version"]; !ok || v != nil {
		t.Errorf("version = %v (present %v), want null", v, ok)
	}
	s.SetDeviceManagementOff(true)
	for _, p := range []string{"/v1/apps", "/v1/packages/pkg-12345", "/v1/blueprints/blueprint-12345/relationships/users", "/v1/configurations"} {
		resp, b := get(t, s, tok, p)
		if code, _ := errorCode(t, b); resp.StatusCode != 403 || code != "FORBIDDEN_ERROR" {
			t.Errorf("%s with device management off: %d %s", p, resp.StatusCode, code)
		}
	}
}

func TestCatalogAbsentFromSchools(t *testing.T) {
	s := New(Options{Scope: "school.api"})
	defer s.Close()
	resp, _ := get(t, s, token(t, s), "/v1/apps")
	if resp.StatusCode != 404 {
		t.Errorf("/v1/apps in a school: %d, want 404", resp.StatusCode)
	}
}

func TestCatalogGenerationIsFastAndDeterministic(t *testing.T) {
	start := time.Now()
	a := newDMData(7, 100_000)
	for i := range a.apps.len() {
		_ = a.apps.at(i)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("100,000 apps took %v", d)
	}
	b := newDMData(7, 100_000)
	if a.blueprints.len() != 100_004 || a.apps.at(50_000).attrs[3].val != b.apps.at(50_000).attrs[3].val ||
		a.blueprints.at(99_999).rels["apps"][0] != b.blueprints.at(99_999).rels["apps"][0] {
		t.Error("generation is not deterministic")
	}
	// Every generated item is found by its id, and nothing else is.
	for _, c := range []*dmCollection{&a.apps, &a.packages, &a.blueprints, &a.configurations} {
		for _, i := range []int{0, 4, 77_777, c.len() - 1} {
			if it, ok := c.get(c.at(i).id); !ok || it.id != c.at(i).id {
				t.Errorf("%s: item %d (%s) not found by id", c.typ, i, c.at(i).id)
			}
		}
	}
	for _, id := range []string{"2000100000", "pkg-gen-100000", "bp-gen-1", "cfg-gen-00000x"} {
		if _, ok := a.apps.get(id); ok && id == "2000100000" {
			t.Errorf("apps found %s beyond the catalog", id)
		}
		if _, ok := a.blueprints.get(id); ok {
			t.Errorf("blueprints found %s", id)
		}
	}
}

package fakeabm

import (
	"net/http"
	"strings"
)

// Sparse fieldsets (README.md, "Sparse fieldsets"). Relationship names are field names too: they
// decide whether the relationship is written.
var (
	orgDeviceFields = append(deviceAttrs.keys(), "assignedServer", "appleCareCoverage")
	mdmServerFields = []string{"serverName", "serverType", "createdDateTime", "updatedDateTime", "devices",
		"enableMdmDisownFlag", "defaultProductFamilies", "status", "deviceCount",
		"lastConnectedDateTime", "lastConnectedIp"}
	appleCareFields = []string{"status", "paymentType", "description", "startDateTime", "endDateTime",
		"isRenewable", "isCanceled", "contractCancelDateTime", "agreementNumber"}
)

// fieldSel is a parsed fields[type] parameter; without one, given is false and
// each resource writes its default set.
type fieldSel struct {
	given bool
	set   map[string]bool
}

func (f fieldSel) has(name string) bool { return !f.given || f.set[name] }

func parseFields(r *http.Request, typ string, allowed []string) (fieldSel, *apiError) {
	param := "fields[" + typ + "]"
	vals, ok := r.URL.Query()[param]
	if !ok {
		return fieldSel{}, nil
	}
	sel := fieldSel{given: true, set: map[string]bool{}}
	for _, v := range vals {
		for _, name := range strings.Split(v, ",") {
			name = strings.TrimSpace(name)
			if !contains(allowed, name) {
				e := invalidParam(param, "'"+name+"' is not a valid field name for '"+typ+"'.")
				return fieldSel{}, &e
			}
			sel.set[name] = true
		}
	}
	return sel, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

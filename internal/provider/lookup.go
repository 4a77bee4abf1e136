package provider

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// lookupKey is how a singular data source names the item it reads from a
// shared list: the argument the user set, and the record attribute it
// matches (idColumn for Apple's id).
type lookupKey struct {
	arg   string // the argument, e.g. "name"
	index int    // position in a record, or idColumn
	fold  bool   // compare without regard to case (e-mail-like values)
}

// lookupOne finds the one record whose key equals value. None, or more than
// one, is an error on the argument: not found lists what exists (at most
// ten), ambiguous lists the matching ids so the user can look up by id.
func lookupOne(diags *diag.Diagnostics, noun string, records []*client.Record, key lookupKey, value string, describe func(*client.Record) string) *client.Record {
	var matches []*client.Record
	for _, r := range records {
		v := r.ID
		if key.index != idColumn {
			var ok bool
			if v, ok = r.Str(key.index); !ok {
				continue
			}
		}
		if v == value || (key.fold && strings.EqualFold(v, value)) {
			matches = append(matches, r)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0]
	case 0:
		diags.AddAttributeError(path.Root(key.arg), strings.ToUpper(noun[:1])+noun[1:]+" not found",
			fmt.Sprintf("The organization has no %s with %s %q. It has %d: %s.", noun, key.arg, value, len(records), describeSome(records, describe)))
	default:
		ids := make([]string, len(matches))
		for i, r := range matches {
			ids[i] = r.ID
		}
		sort.Strings(ids)
		diags.AddAttributeError(path.Root(key.arg), fmt.Sprintf("Several %ss have this %s", noun, strings.ReplaceAll(key.arg, "_", " ")),
			fmt.Sprintf("%d %ss have %s %q: %s. Look it up by `id` instead.", len(matches), noun, key.arg, value, strings.Join(ids, ", ")))
	}
	return nil
}

// describeSome lists records for messages, at most ten.
func describeSome(records []*client.Record, describe func(*client.Record) string) string {
	var parts []string
	for i, r := range records {
		if i == 10 {
			parts = append(parts, fmt.Sprintf("and %d more", len(records)-10))
			break
		}
		parts = append(parts, describe(r))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

package provider

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

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

// addLookupError reports a failed read of one item by id: a 404 is an
// error on the argument, a 403 names the permission.
func addLookupError(diags *diag.Diagnostics, what, noun, arg, value string, err error, a access) {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.HTTPStatus == 404 {
		diags.AddAttributeError(path.Root(arg), strings.ToUpper(noun[:1])+noun[1:]+" not found",
			fmt.Sprintf("The organization has no %s with %s %q (Apple answered 404 Not Found).", noun, arg, value))
		return
	}
	addAccessError(diags, what, err, a)
}

// configLookup is the lookup argument a singular data source was given and
// its value: the first of names that is set (the schema requires exactly one).
func configLookup(attrs configArgs, names ...string) (string, string, error) {
	for _, name := range names {
		v, set, err := attrs.str(name)
		if err != nil || set {
			return name, v, err
		}
	}
	return "", "", fmt.Errorf("none of %s is set", strings.Join(names, ", "))
}

// lookupArgument is a singular data source's lookup key: an argument that
// is also the attribute it matches, so it is Optional and Computed.
func lookupArgument(doc string, oneOf validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		Optional: true, Computed: true, MarkdownDescription: doc,
		Validators: []validator.String{oneOf, stringvalidator.LengthAtLeast(1)},
	}
}

// requiredKey is the argument a data source reads one item by (a serial
// number, an activity id): required and never empty.
func requiredKey(doc string) schema.StringAttribute {
	return schema.StringAttribute{
		Required: true, MarkdownDescription: doc,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

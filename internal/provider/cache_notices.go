package provider

import (
	"fmt"
	"time"
)

// readCacheNotice is the warning given once per provider instance that
// served reads from the read cache: a plan that did not ask Apple says so,
// and how old what it shows is.
var readCacheNotice = instanceNotice{
	key: "read-cache",
	check: func(f *fleet) (string, string, bool) {
		u := f.c.Usage()
		if u.FromReadCache == 0 {
			return "", "", false
		}
		age := time.Since(u.ReadCacheOldest)
		return readCacheWarning(u.FromReadCache, age, f.c.ReadCacheMaxAge())
	},
}

// readCacheWarning words the read cache's warning: n reads served, the
// oldest of them read from Apple age ago.
func readCacheWarning(n int64, age, maxAge time.Duration) (summary, detail string, ok bool) {
	reads := "reads"
	if n == 1 {
		reads = "read"
	}
	summary = fmt.Sprintf("Data read from the read cache, up to %s old", seconds(age))
	detail = fmt.Sprintf("%d %s of this provider configuration came from the read cache instead of Apple (read_cache_max_age = %q); "+
		"the oldest was read from Apple %s ago, and Apple may have changed since. "+
		"Audit events and device activities are always read from Apple. "+
		"For a fresh read, set read_cache_max_age = \"0s\" (or ABM_READ_CACHE_MAX_AGE=0s) for this run.",
		n, reads, maxAge.String(), seconds(age))
	return summary, detail, true
}

// cacheTroubleNotice is the warning given once per provider instance whose
// cache directory could not be used: it read without the caches, so each
// Terraform command costs Apple a token grant.
var cacheTroubleNotice = instanceNotice{
	key: "cache-trouble",
	check: func(f *fleet) (string, string, bool) {
		trouble := f.cacheTrouble
		if trouble == "" {
			trouble = f.c.Usage().CacheTrouble
		}
		if trouble == "" {
			return "", "", false
		}
		return "Reading without the token cache", "The provider keeps its access token (and, with read_cache_max_age, its reads) " +
			"sealed in a cache directory, and could not: " + trouble + ". Every Terraform command asks Apple for a new token meanwhile. " +
			"Set " + where("cache_dir") + " to a directory this user can write, or " + where("token_cache") + " to false " +
			"to read without the cache and without this warning.", true
	},
}

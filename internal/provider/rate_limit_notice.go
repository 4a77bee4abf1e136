package provider

import (
	"fmt"
	"strings"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
)

// rateLimitNoticeAfter is how long a provider instance must have waited on
// Apple's rate limit before it says so: shorter waits cost nothing a user
// would notice.
const rateLimitNoticeAfter = 5 * time.Second

// rateLimitNotice is the warning given once per provider instance whose
// reads waited rateLimitNoticeAfter or more on Apple's rate limit: the
// figures, then what helps. It holds counts and durations only.
var rateLimitNotice = instanceNotice{
	key: "rate-limit",
	check: func(f *fleet) (string, string, bool) {
		u := f.c.Usage()
		if u.Waited() < rateLimitNoticeAfter {
			return "", "", false
		}
		return rateLimitWarning(u, f.c.RequestsPerMinute(), f.c.ReadCacheMaxAge())
	},
}

// rateLimitWarning words the warning for a provider instance's usage;
// perMinute is its requests_per_minute (0 when it does not pace), maxAge
// its read_cache_max_age (0 when off).
func rateLimitWarning(u client.Usage, perMinute int, maxAge time.Duration) (summary, detail string, ok bool) {
	summary = fmt.Sprintf("Apple's rate limit made this run wait %s", seconds(u.Waited()))
	var b strings.Builder
	fmt.Fprintf(&b, "The reads of this provider configuration sent %d requests to Apple (token requests and refused attempts included).", u.Requests)
	switch {
	case u.Throttled > 0:
		fmt.Fprintf(&b, " Apple answered %d of them with HTTP 429 (too many requests), and the reads waited %s in all for the Retry-After it asked for.",
			u.Throttled, seconds(u.ThrottleWait))
	default:
		b.WriteString(" Apple answered none of them with HTTP 429 (too many requests).")
	}
	if u.PaceWait > 0 {
		fmt.Fprintf(&b, " Pacing to requests_per_minute = %d held requests back %s.", perMinute, seconds(u.PaceWait))
	}
	b.WriteString("\n\nWhat helps:\n")
	b.WriteString(`- Runs that repeat: every Terraform command reads Apple again, so save the plan and apply it ` +
		`(terraform plan -out=tfplan, then terraform apply tfplan), which reads once instead of twice.` + "\n")
	if maxAge == 0 {
		b.WriteString(`- Several runs over one organization (workspaces, pipeline stages): read_cache_max_age (ABM_READ_CACHE_MAX_AGE), ` +
			`for example "15m", lets them share one read from Apple, sealed on disk, for that long.` + "\n")
	}
	if perMinute > 0 {
		fmt.Fprintf(&b, "- requests_per_minute (ABM_REQUESTS_PER_MINUTE) is %d: raise it if no other tool uses this API account's share of Apple's limit "+
			"(roughly 20 requests a minute in all), lower it if another does and Apple still answers 429.\n", perMinute)
	} else {
		b.WriteString("- Another tool using the same API account: set requests_per_minute (ABM_REQUESTS_PER_MINUTE) to this provider's share of " +
			"Apple's limit (roughly 20 requests a minute in all), so it paces itself instead of being throttled.\n")
	}
	b.WriteString("- Large fleets: every data source of one provider configuration shares one read of each collection, one request per 1000 items. " +
		"Read what the question needs: abm_org_device_summary for counts and abm_org_device_index for one attribute per serial number, " +
		"and assignments (include_assigned_server, mdm_server_ids) only where needed, as they cost one more request per 1000 devices of each MDM server.")
	return summary, b.String(), true
}

// seconds writes a wait to the second: 2m5s, 48s.
func seconds(d time.Duration) string { return d.Round(time.Second).String() }

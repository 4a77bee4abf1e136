package client

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// OrgDeviceActivities declares the attributes of a device activity (an
// assignment or release Apple ran; JSON:API type orgDeviceActivities).
// Apple keeps an activity for 30 days.
var OrgDeviceActivities = NewResource("orgDeviceActivities", "device activity",
	Attribute{Key: "status", Kind: String, Doc: "`COMPLETED`, `IN_PROGRESS`, `STOPPED` or `FAILED`."},
	Attribute{Key: "subStatus", Kind: String, Doc: "`SUBMITTED`, `PRE_PROCESSING`, `PENDING`, `PROCESSING`, `POST_PROCESSING`, `STOPPING`, " +
		"`COMPLETED_WITH_SUCCESS`, `COMPLETED_WITH_ERROR`, `COMPLETED_WITH_FAILURE` (some devices failed) or `COMPLETED_POST_PROCESSING_FAILED`."},
	Attribute{Key: "createdDateTime", Kind: String, Doc: "When the activity was created."},
	Attribute{Key: "completedDateTime", Kind: String, Doc: "When the activity completed; null until it has."},
	Attribute{Key: "downloadUrl", Kind: String, Doc: "Presigned, expiring link to the activity's CSV log; null until the activity has completed. Sensitive: anyone holding it can read the log until it expires."},
)

// GetOrgDeviceActivity reads one device activity by id. An activity older
// than 30 days, like an unknown id, gives an *APIError whose NotFound is
// true.
func (c *Client) GetOrgDeviceActivity(ctx context.Context, id string) (*Record, error) {
	u := c.apiURL("/orgDeviceActivities/"+url.PathEscape(id), url.Values{"fields[orgDeviceActivities]": {OrgDeviceActivities.Keys()}})
	r, err := c.getRecord(ctx, "orgDeviceActivity", u, OrgDeviceActivities)
	if err != nil {
		return nil, fmt.Errorf("get device activity %q: %w", id, err)
	}
	return r, nil
}

// ActivityLogRow is one row of an activity's CSV log: what happened to one
// device.
type ActivityLogRow struct {
	SerialNumber       string
	OperationStatus    string // e.g. SUCCESS, FAILED
	OperationSubstatus string // e.g. DEVICE_NOT_FOUND, ALREADY_ASSIGNED; "" when the row has none
}

// maxActivityLogBytes caps an activity log. One row is under 100 bytes, so
// this holds far more devices than one activity can name; a test lowers it.
var maxActivityLogBytes int64 = 32 << 20

// ActivityLogExpiredError is a download link Apple's storage no longer
// honours: presigned links expire soon after they are handed out.
type ActivityLogExpiredError struct{ Status int }

func (e *ActivityLogExpiredError) Error() string {
	return fmt.Sprintf("the activity log's download link has expired or was revoked (HTTP %d from the storage host); "+
		"Apple's presigned links expire soon after the activity is read, so read the activity again for a fresh link "+
		"(Apple keeps activities for 30 days)", e.Status)
}

// DownloadActivityLog fetches the CSV log behind an activity's downloadUrl.
// The link is presigned, so the request carries no credentials: it goes
// through a plain http.Client on the client's transport (its timeouts), never
// through the API's token-carrying path. Only https links are followed,
// http only to a loopback host (a local test server), redirects included.
func (c *Client) DownloadActivityLog(ctx context.Context, link string) ([]ActivityLogRow, error) {
	u, err := url.Parse(link)
	if err != nil {
		return nil, errors.New("download activity log: the download URL Apple sent does not parse")
	}
	if err := checkDownloadURL(u); err != nil {
		return nil, fmt.Errorf("download activity log: %w", err)
	}
	hc := &http.Client{
		Transport: c.http.Transport,
		Timeout:   c.http.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			return checkDownloadURL(req.URL)
		},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("download activity log: %w", err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	resp, err := hc.Do(req)
	if err != nil {
		// The URL carries the link's signature: keep only the cause.
		return nil, fmt.Errorf("download activity log from %s: %s", u.Host, redactURLError(err))
	}
	defer resp.Body.Close()
	c.log(ctx, LevelDebug, "activity log downloaded", map[string]any{"host": u.Host, "status": resp.StatusCode})
	switch {
	case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		return nil, &ActivityLogExpiredError{Status: resp.StatusCode}
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("download activity log from %s: HTTP %d", u.Host, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxActivityLogBytes+1))
	if err != nil {
		return nil, fmt.Errorf("download activity log from %s: %s", u.Host, redactURLError(err))
	}
	if int64(len(body)) > maxActivityLogBytes {
		return nil, fmt.Errorf("download activity log from %s: the log is larger than %d MiB; refusing to read it", u.Host, maxActivityLogBytes>>20)
	}
	return parseActivityLog(body)
}

// checkDownloadURL allows https, and http only to a loopback host, so a
// link never sends the log's signature across a network in clear.
func checkDownloadURL(u *url.URL) error {
	switch {
	case u.Scheme == "https" && u.Host != "":
		return nil
	case u.Scheme == "http" && isLoopbackHost(u.Hostname()):
		return nil
	}
	return fmt.Errorf("refusing to download from %s://%s: only https:// links are followed (http:// only to a loopback host)", u.Scheme, u.Host)
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// parseActivityLog reads the log's CSV by its header, so columns may come
// in any order and ones this client does not know are skipped. Apple does
// not document the format; the known columns are serial_number,
// operation_status and operation_substatus.
func parseActivityLog(body []byte) ([]ActivityLogRow, error) {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(body), "\ufeff")))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err == io.EOF {
		return []ActivityLogRow{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("activity log: malformed CSV: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	serial, ok := col["serial_number"]
	if !ok {
		return nil, fmt.Errorf("activity log: the CSV has no serial_number column (columns: %s)", strings.Join(header, ", "))
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	rows := []ActivityLogRow{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("activity log: malformed CSV: %w", err)
		}
		if serial >= len(rec) || strings.TrimSpace(rec[serial]) == "" {
			continue // a blank line or a row without a device
		}
		rows = append(rows, ActivityLogRow{
			SerialNumber:       rec[serial],
			OperationStatus:    field(rec, "operation_status"),
			OperationSubstatus: field(rec, "operation_substatus"),
		})
	}
}

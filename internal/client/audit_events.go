package client

import (
	"context"
	"fmt"
	"net/url"
)

// AuditEvents declares the attributes of an event of the organization's
// audit trail (JSON:API type auditEvents, Apple Business Manager only).
// Every attribute but type may be left out; enums are open (Apple sends
// values its documentation does not list).
var AuditEvents = NewResource("auditEvents", "audit event",
	Attribute{Key: "eventDateTime", Kind: String, Doc: "When the event happened, RFC 3339 in UTC as Apple sends it (often with milliseconds)."},
	Attribute{Key: "type", Kind: String, Doc: "The event type, e.g. `DEVICE_ADDED_TO_ORG`, `DEVICE_REMOVED_FROM_ORG`, `DEVICE_ASSIGNED_TO_SERVER`, `API_ACCOUNT_KEY_GENERATED` (33 types documented in API 2.4, more since); passed through as Apple sends it."},
	Attribute{Key: "category", Kind: String, Doc: "The event category: `ORGANIZATION`, `ACCOUNT_ACTIVITY`, `DEVICE_INVENTORY`, `PURCHASING`, `DEVICE_MANAGEMENT`, and values Apple sends without documenting them (`DEVICE_ACTIVITY`)."},
	Attribute{Key: "actorType", Kind: String, Doc: "Who acted: `USER`, `API_USER` or `SYSTEM`."},
	Attribute{Key: "actorId", Kind: String, Doc: "The id of the user or API account that acted; null when Apple leaves it out (system events)."},
	Attribute{Key: "actorName", Kind: String, Doc: "The actor's name; Apple does not populate it for every event."},
	Attribute{Key: "subjectType", Kind: String, Doc: "What the event is about: `ORGANIZATION`, `USER`, `LOCATION`, `DEVICE`, `COLLECTION`, `DEVICE_MANAGEMENT_SETTING`, `SUBSCRIPTION`, `DOMAIN`, `API_USER`, `ROLE`, `IDP`, `INVITATION`."},
	Attribute{Key: "subjectId", Kind: String, Doc: "The id of the subject (a device's serial number for device events); null when Apple leaves it out."},
	Attribute{Key: "subjectName", Kind: String, Doc: "The subject's name; Apple does not populate it for every event."},
	Attribute{Key: "outcome", Kind: String, Doc: "`SUCCESS` or `FAILURE`; Apple does not populate it for every event."},
	Attribute{Key: "groupId", Kind: String, Doc: "Groups related events (one action that caused several); null when Apple leaves it out."},
	Attribute{Key: "eventDataPropertyKey", Kind: String, Doc: "The name of the key that holds the event's payload in Apple's answer, e.g. `eventDataDeviceAddedToOrg`."},
	Attribute{Key: "eventData", Name: "event_data", Kind: JSON, NamedBy: "eventDataPropertyKey",
		Doc: "The event's payload object (the value of the key `event_data_property_key` names), as a JSON string exactly as Apple sent it: " +
			"`jsondecode(e.event_data).serialNumber`. Null when the event has none. Device events carry `serialNumber`; " +
			"`DEVICE_REMOVED_FROM_ORG` also `releaseEntityType` (`USER`, `MDM`, `RESELLER`, `API`, `REPLACEMENT`) and `releaseEntityId`; " +
			"`DEVICE_ASSIGNED_TO_SERVER` also `targetServerName`; `DEVICE_ADDED_TO_ORG` also `purchaseSourceType` and `purchaseSourceId`; " +
			"API key events `keyId`. Types Apple adds later work the same way."},
)

// AuditQuery selects audit events. Start and End are RFC 3339 timestamps
// (Apple requires both); the other filters are optional and take one value
// each, as Apple's do.
type AuditQuery struct {
	Start, End string
	ActorID    string
	SubjectID  string
	Type       string
}

// values is the query as Apple's filter parameters. No fields[auditEvents]:
// naming fields would leave out the payload of every type not named, types
// Apple adds later included.
func (q AuditQuery) values() url.Values {
	v := url.Values{"filter[startTimestamp]": {q.Start}, "filter[endTimestamp]": {q.End}}
	for k, s := range map[string]string{"filter[actorId]": q.ActorID, "filter[subjectId]": q.SubjectID, "filter[type]": q.Type} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}

// ListAuditEvents calls each for every audit event the query selects, in
// Apple's order (undocumented). One request per 1000 events.
func (c *Client) ListAuditEvents(ctx context.Context, q AuditQuery, each func(*Record) error) error {
	if err := c.listRecords(ctx, "auditEvents", "/auditEvents", q.values(), AuditEvents, each); err != nil {
		what := "list audit events"
		if q.Type != "" {
			what += " of type " + q.Type
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

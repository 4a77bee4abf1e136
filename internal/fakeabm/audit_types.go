package fakeabm

import "strings"

// The audit event types the fake knows (README.md, "Audit events"): the 33 of
// API 2.0–2.4 with the payload fields Apple documents [doc] or clients read
// from Apple's pages [seen], and the types of 2.6 whose payload fields Apple
// publishes, with the type strings and payload keys the 2.0 naming pattern
// gives them [guess].

// auditType is one AuditEventType: its payload key, the category and subject
// type its events carry [guess], and how its payload is written.
type auditType struct {
	typ, key    string
	category    string
	subjectType string
	payload     payloadKind
	api24       bool // listed by Apple's 2.4 filter[type]; false for the 2.6 additions
}

// payloadKind is the shape of a type's payload object.
type payloadKind uint8

const (
	payloadNone             payloadKind = iota // no documented fields: {} (see the empty-payload knob)
	payloadDeviceAdded                         // serialNumber, purchaseSourceType, purchaseSourceId
	payloadDeviceRemoved                       // serialNumber, releaseEntityId, releaseEntityType
	payloadDeviceAssigned                      // serialNumber, targetServerName
	payloadSerial                              // serialNumber
	payloadSubscriptionID                      // subscriptionId
	payloadConfig                              // configType, configId, configVersion
	payloadCollection                          // name, description
	payloadPlan                                // planCaption
	payloadRoleLocations                       // accountRoleLocationList
	payloadAPIRoleLocations                    // apiAccountRoleLocationList
	payloadKeyID                               // keyId
	payloadNewName                             // newName
	payloadServicesSettings                    // settingsEnabled, settingsDisabled (2.6)
	payloadIdpSync                             // vendorName, activityId (2.6)
	payloadIdpCreated                          // vendorName, protocol (2.6)
	payloadPrivileges                          // privilegesAdded, privilegesRemoved (2.6)
)

// auditTypes in Apple's order of AuditEventType; generated events pick from it.
var auditTypes = []auditType{
	{"DEVICE_ADDED_TO_ORG", "eventDataDeviceAddedToOrg", "DEVICE_INVENTORY", "DEVICE", payloadDeviceAdded, true},
	{"DEVICE_REMOVED_FROM_ORG", "eventDataDeviceRemovedFromOrg", "DEVICE_INVENTORY", "DEVICE", payloadDeviceRemoved, true},
	{"DEVICE_ASSIGNED_TO_SERVER", "eventDataDeviceAssignedToServer", "DEVICE_MANAGEMENT", "DEVICE", payloadDeviceAssigned, true},
	{"DEVICE_UNASSIGNED_FROM_SERVER", "eventDataDeviceUnassignedFromServer", "DEVICE_MANAGEMENT", "DEVICE", payloadSerial, true},
	{"SUBJECT_HAS_ICLOUD_STORAGE_PURCHASE_ADDED", "eventDataSubjectHasICloudStoragePurchaseAdded", "PURCHASING", "SUBSCRIPTION", payloadSubscriptionID, true},
	{"SUBJECT_HAS_ICLOUD_STORAGE_PURCHASE_REMOVED", "eventDataSubjectHasICloudStoragePurchaseRemoved", "PURCHASING", "SUBSCRIPTION", payloadSubscriptionID, true},
	{"SUBJECT_HAS_APPLECARE_PURCHASE_ADDED", "eventDataSubjectHasAppleCarePurchaseAdded", "PURCHASING", "SUBSCRIPTION", payloadSubscriptionID, true},
	{"SUBJECT_HAS_APPLECARE_PURCHASE_REMOVED", "eventDataSubjectHasAppleCarePurchaseRemoved", "PURCHASING", "SUBSCRIPTION", payloadSubscriptionID, true},
	{"DEVICE_IS_ERASED", "eventDataDeviceIsErased", "DEVICE_MANAGEMENT", "DEVICE", payloadNone, true},
	{"CONFIG_SETTINGS_CREATED", "eventDataConfigSettingsCreated", "DEVICE_MANAGEMENT", "DEVICE_MANAGEMENT_SETTING", payloadConfig, true},
	{"CONFIG_SETTINGS_UPDATED", "eventDataConfigSettingsUpdated", "DEVICE_MANAGEMENT", "DEVICE_MANAGEMENT_SETTING", payloadConfig, true},
	{"CONFIG_SETTINGS_DELETED", "eventDataConfigSettingsDeleted", "DEVICE_MANAGEMENT", "DEVICE_MANAGEMENT_SETTING", payloadConfig, true},
	{"COLLECTION_CREATED", "eventDataCollectionCreated", "DEVICE_MANAGEMENT", "COLLECTION", payloadCollection, true},
	{"COLLECTION_UPDATED", "eventDataCollectionUpdated", "DEVICE_MANAGEMENT", "COLLECTION", payloadCollection, true},
	{"COLLECTION_DELETED", "eventDataCollectionDeleted", "DEVICE_MANAGEMENT", "COLLECTION", payloadCollection, true},
	{"SUBSCRIPTION_CREATED", "eventDataSubscriptionCreated", "PURCHASING", "SUBSCRIPTION", payloadPlan, true},
	{"SUBSCRIPTION_UPDATED", "eventDataSubscriptionUpdated", "PURCHASING", "SUBSCRIPTION", payloadPlan, true},
	{"SUBSCRIPTION_DELETED", "eventDataSubscriptionDeleted", "PURCHASING", "SUBSCRIPTION", payloadPlan, true},
	{"ACCOUNT_ROLE_LOCATION_CHANGED", "eventDataAccountRoleLocationChanged", "ACCOUNT_ACTIVITY", "USER", payloadRoleLocations, true},
	{"ACCOUNT_ADDED", "eventDataAccountAdded", "ACCOUNT_ACTIVITY", "USER", payloadNone, true},
	{"ACCOUNT_DELETED", "eventDataAccountDeleted", "ACCOUNT_ACTIVITY", "USER", payloadNone, true},
	{"EXTERNAL_ACCOUNT_ASSOCIATED", "eventDataExternalAccountAssociated", "ACCOUNT_ACTIVITY", "USER", payloadNone, true},
	{"EXTERNAL_ACCOUNT_DISASSOCIATED", "eventDataExternalAccountDisassociated", "ACCOUNT_ACTIVITY", "USER", payloadNone, true},
	{"DOMAIN_ADDED", "eventDataDomainAdded", "ORGANIZATION", "DOMAIN", payloadNone, true},
	{"DOMAIN_REMOVED", "eventDataDomainRemoved", "ORGANIZATION", "DOMAIN", payloadNone, true},
	{"DOMAIN_VERIFIED", "eventDataDomainVerified", "ORGANIZATION", "DOMAIN", payloadNone, true},
	{"API_ACCOUNT_CREATED_WITH_KEY", "eventDataApiAccountCreatedWithKey", "ACCOUNT_ACTIVITY", "API_USER", payloadKeyID, true},
	{"API_ACCOUNT_CREATED_WITHOUT_KEY", "eventDataApiAccountCreatedWithoutKey", "ACCOUNT_ACTIVITY", "API_USER", payloadNone, true},
	{"API_ACCOUNT_DELETED", "eventDataApiAccountDeleted", "ACCOUNT_ACTIVITY", "API_USER", payloadNone, true},
	{"API_ACCOUNT_KEY_REVOKED", "eventDataApiAccountKeyRevoked", "ACCOUNT_ACTIVITY", "API_USER", payloadKeyID, true},
	{"API_ACCOUNT_KEY_GENERATED", "eventDataApiAccountKeyGenerated", "ACCOUNT_ACTIVITY", "API_USER", payloadKeyID, true},
	{"API_ACCOUNT_ROLE_LOCATION_CHANGED", "eventDataApiAccountRoleLocationChanged", "ACCOUNT_ACTIVITY", "API_USER", payloadAPIRoleLocations, true},
	{"API_ACCOUNT_NAME_CHANGED", "eventDataApiAccountNameChanged", "ACCOUNT_ACTIVITY", "API_USER", payloadNewName, true},
	// 2.6 [doc] objects; type strings and keys [guess].
	{"APPLE_SERVICES_SETTINGS_UPDATED", "eventDataAppleServicesSettingsUpdated", "ORGANIZATION", "ORGANIZATION", payloadServicesSettings, false},
	{"IDP_ACCOUNT_SYNC_ENABLED", "eventDataIdpAccountSyncEnabled", "ORGANIZATION", "IDP", payloadIdpSync, false},
	{"IDP_CREATED", "eventDataIdpCreated", "ORGANIZATION", "IDP", payloadIdpCreated, false},
	{"ROLE_UPDATED", "eventDataRoleUpdated", "ACCOUNT_ACTIVITY", "ROLE", payloadPrivileges, false},
}

// auditDeviceTypes is how many of auditTypes (the first ones) are about devices.
const auditDeviceTypes = 4

var auditTypeByName = func() map[string]*auditType {
	m := make(map[string]*auditType, len(auditTypes))
	for i := range auditTypes {
		m[auditTypes[i].typ] = &auditTypes[i]
	}
	return m
}()

// auditCommonFields are the common attributes fields[auditEvents] names.
var auditCommonFields = []string{"eventDateTime", "type", "category", "actorType", "actorId", "actorName",
	"subjectType", "subjectId", "subjectName", "outcome", "groupId", "eventDataPropertyKey"}

// auditFields is every name fields[auditEvents] accepts: the common
// attributes and every payload key, in both casings
// (README: What Apple leaves open, 8).
var auditFields = func() []string {
	out := append([]string(nil), auditCommonFields...)
	for _, t := range auditTypes {
		out = append(out, t.key)
		if k := icloudCasing(t.key); k != t.key {
			out = append(out, k)
		}
	}
	return out
}()

// icloudCasing is a payload key as Apple's schema object names spell it
// (Icloud, Applecare) rather than its fields list (ICloud, AppleCare).
func icloudCasing(key string) string {
	return strings.NewReplacer("ICloud", "Icloud", "AppleCare", "Applecare").Replace(key)
}

// writePayload writes the payload object of an event of kind k. Values are
// drawn from r for generated events; subject is the event's subject id.
func writePayload(j *jw, k payloadKind, r *rng, subject string) {
	j.obj()
	switch k {
	case payloadDeviceAdded:
		j.kstr("serialNumber", subject)
		src := r.pick([]string{"APPLE", "RESELLER", "MANUALLY_ADDED"})
		j.kstr("purchaseSourceType", src)
		j.kstr("purchaseSourceId", r.digits(7))
	case payloadDeviceRemoved:
		j.kstr("serialNumber", subject)
		ent := r.pick([]string{"USER", "MDM", "RESELLER", "API", "REPLACEMENT"})
		if ent != "USER" { // not populated for USER: the subject says who [doc]
			j.kstr("releaseEntityId", r.alnum(10))
		}
		j.kstr("releaseEntityType", ent)
	case payloadDeviceAssigned:
		j.kstr("serialNumber", subject)
		j.kstr("targetServerName", r.pick(serverProducts)+" Server")
	case payloadSerial:
		j.kstr("serialNumber", subject)
	case payloadSubscriptionID:
		j.kstr("subscriptionId", "SUB-"+r.digits(8))
	case payloadConfig:
		j.kstr("configType", r.pick([]string{"WiFi", "VPN", "CUSTOM_SETTING"}))
		j.kstr("configId", subject)
		j.kstr("configVersion", r.digits(1))
	case payloadCollection:
		j.kstr("name", "Collection "+r.digits(3))
		j.kstr("description", "Generated collection")
	case payloadPlan:
		j.kstr("planCaption", r.pick([]string{"AppleCare+ for Business", "iCloud+ 200 GB"}))
	case payloadRoleLocations, payloadAPIRoleLocations:
		key := "accountRoleLocationList"
		if k == payloadAPIRoleLocations {
			key = "apiAccountRoleLocationList"
		}
		j.key(key)
		j.arr()
		j.obj()
		j.kstr("roleName", r.pick([]string{"Organization Administrator", "People Manager", "Device Enrollment Manager"}))
		j.kstr("locationUniqueIdentifier", "LOC-"+r.digits(6))
		j.endObj()
		j.endArr()
	case payloadKeyID:
		j.kstr("keyId", uuidFrom(r.next(), r.next()))
	case payloadNewName:
		j.kstr("newName", "API account "+r.digits(3))
	case payloadServicesSettings:
		j.key("settingsEnabled")
		j.strs([]string{"FIND_MY"})
		j.key("settingsDisabled")
		j.strs([]string{})
	case payloadIdpSync:
		j.kstr("vendorName", r.pick([]string{"GOOGLE", "MICROSOFT", "MICROSOFT_OIDC", "GENERIC_IDP"}))
		j.kstr("activityId", uuidFrom(r.next(), r.next()))
	case payloadIdpCreated:
		j.kstr("vendorName", r.pick([]string{"GOOGLE", "MICROSOFT", "MICROSOFT_OIDC", "GENERIC_IDP"}))
		j.kstr("protocol", "SAML") // AuditEventIdpProtocol's values are unpublished [guess]
	case payloadPrivileges:
		j.key("privilegesAdded")
		j.strs([]string{"VIEW_DEVICES"})
		j.key("privilegesRemoved")
		j.strs([]string{"MANAGE_DEVICES"})
	}
	j.endObj()
}

// raw writes JSON text as it is.
func (w *jw) raw(v string) {
	w.sep()
	w.b = append(w.b, v...)
}

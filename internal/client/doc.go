// Package client talks to Apple Business Manager and Apple School Manager:
// the OAuth 2 token service and the REST API. It knows nothing of Terraform,
// so it can be tested against the fake server in internal/fakeabm and reused
// by anything else that needs to read an organization's data.
package client

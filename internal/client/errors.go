package client

import (
	"fmt"
	"strings"
)

// APIError is an error answer from the ABM REST API. Status, Code, Title and
// Detail come from Apple's ErrorResponse when the body held one; gateways
// answer with HTML, and then only HTTPStatus and Path are known.
type APIError struct {
	HTTPStatus int    // HTTP status code of the response
	Method     string // request method
	Path       string // request path, without host or query
	Status     string // Apple's "status" (a string in the JSON)
	Code       string // Apple's machine-readable code, e.g. NOT_FOUND
	Title      string
	Detail     string
	RetryAfter string // Retry-After header, if Apple sent one
	Retries    int    // retries spent on this request before this answer

	body errorBody // what the answer's body was
}

// errorBody tells Apple's own error document from whatever else answered.
type errorBody int

const (
	bodyNotApple  errorBody = iota // HTML, plain text, nothing, or JSON that is not an ErrorResponse
	bodyApple                      // an ErrorResponse with at least one error
	bodyEmptyList                  // an ErrorResponse whose errors list is empty
)

// fromApple reports whether the answer carried Apple's ErrorResponse with an
// error in it: a proxy or gateway in front of Apple never writes one.
func (e *APIError) fromApple() bool { return e.body == bodyApple }

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: HTTP %d", e.Method, e.Path, e.HTTPStatus)
	if e.Code != "" {
		fmt.Fprintf(&b, " %s", e.Code)
	}
	if e.Title != "" {
		fmt.Fprintf(&b, ": %s", e.Title)
	}
	if e.Detail != "" && e.Detail != e.Title {
		fmt.Fprintf(&b, " (%s)", e.Detail)
	}
	switch e.body {
	case bodyApple:
		if e.Code == "" && e.Title == "" && e.Detail == "" {
			b.WriteString(" (Apple's error carried no code, title or detail)")
		}
	case bodyEmptyList:
		b.WriteString(" (Apple's error list was empty)")
	case bodyNotApple:
		b.WriteString(" (no Apple error body)")
	}
	if e.Retries > 0 && e.HTTPStatus >= 500 {
		fmt.Fprintf(&b, "; still failing after %d retries", e.Retries)
	}
	return b.String()
}

// NotFound reports whether Apple said the resource does not exist.
func (e *APIError) NotFound() bool {
	return e.HTTPStatus == 404 || e.Code == "NOT_FOUND"
}

// TokenError is a failed access-token request. Apple answers every client
// assertion mistake with a bare {"error":"invalid_client"}, so the message
// then lists what to check instead of repeating Apple's one word; when Apple
// does say more (error_description), that is the message.
type TokenError struct {
	HTTPStatus  int
	Code        string // RFC 6749 "error"
	Description string // RFC 6749 "error_description", when sent
}

func (e *TokenError) Error() string {
	msg := fmt.Sprintf("access token request failed: HTTP %d", e.HTTPStatus)
	if e.Code != "" {
		msg += " " + e.Code
	}
	if e.Description != "" {
		msg += ": " + e.Description
	}
	if e.Code == "invalid_client" && e.Description == "" {
		msg += ". Apple gives no detail for this answer; check that the client ID is the API account's " +
			"(BUSINESSAPI.… or SCHOOLAPI.…), that the key ID belongs to the same API account as the private key, " +
			"that the private key is the .pem downloaded for that account (and was not revoked), " +
			"that the scope matches the client ID prefix (business.api or school.api), " +
			"and that this machine's clock is correct"
	}
	return msg
}

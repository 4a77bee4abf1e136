package client

import (
	"errors"
	"net/http"
)

// maxThrottleWaits bounds how many 429 answers in a row one request sits
// through when the context has no deadline to bound it instead.
const maxThrottleWaits = 100

// step is what the retry loop does after one attempt.
type step int

const (
	stepAnswer   step = iota // hand the answer, whatever its status, to the caller
	stepRetry                // back off and send again: a transport error or 502/503/504
	stepThrottle             // wait as long as Retry-After asks and send again: 429
	stepRenew                // get a new access token and send again at once: 401
	stepGiveUp               // the retries or waits allowed are spent: fail
	stepStop                 // fail without retrying: sending again cannot help
)

// tally is what one request has spent so far.
type tally struct {
	retries   int  // on transport errors and 502/503/504 answers
	throttled int  // 429 answers waited out
	renewed   bool // a 401 has already had its new token
}

// classify decides what follows an attempt. It is the whole retry policy:
//   - a transport error, or a success whose body was cut off, is retried up
//     to maxRetries times, but a cut-off body only for a GET, which is
//     idempotent; an answer too large to read, or a read whose context has
//     ended, is final;
//   - 502, 503 and 504 (gateways in front of Apple) are retried up to
//     maxRetries times, then the last one is the answer;
//   - 429 is waited out, up to maxThrottleWaits times in a row;
//   - 401 on a request carrying an access token (bearer) gets one new token,
//     as Apple documents; a second 401 is the answer;
//   - any other status is the answer.
func classify(a answer, t tally, bearer bool, maxRetries int) step {
	if a.err != nil {
		var tooLarge *bodyTooLargeError
		switch {
		case a.ctxDone, errors.As(a.err, &tooLarge):
			return stepStop
		case a.status != 0 && a.method != http.MethodGet:
			return stepStop
		case t.retries >= maxRetries:
			return stepGiveUp
		}
		return stepRetry
	}
	switch a.status {
	case http.StatusTooManyRequests:
		if t.throttled >= maxThrottleWaits {
			return stepGiveUp
		}
		return stepThrottle
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		if t.retries < maxRetries {
			return stepRetry
		}
	case http.StatusUnauthorized:
		if bearer && !t.renewed {
			return stepRenew
		}
	}
	return stepAnswer
}

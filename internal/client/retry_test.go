package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"
)

func TestClassify(t *testing.T) {
	const maxRetries = 3
	reset := errors.New("connection reset by peer")
	cutOff := fmt.Errorf("reading the response: %w", io.ErrUnexpectedEOF)
	tooLarge := &bodyTooLargeError{limit: maxBodyBytes}
	get := func(status int) answer { return answer{method: http.MethodGet, status: status} }
	post := func(status int) answer { return answer{method: http.MethodPost, status: status} }
	failed := func(a answer, err error) answer { a.err = err; return a }
	ended := func(a answer) answer { a.ctxDone = true; return a }
	cases := []struct {
		name   string
		a      answer
		t      tally
		bearer bool
		want   step
	}{
		{"200", get(200), tally{}, true, stepAnswer},
		{"404 is the answer", get(404), tally{}, true, stepAnswer},
		{"400 is the answer", post(400), tally{}, false, stepAnswer},
		{"500 is not retried", get(500), tally{}, true, stepAnswer},
		{"502 retried", get(502), tally{}, true, stepRetry},
		{"503 retried", get(503), tally{retries: maxRetries - 1}, true, stepRetry},
		{"504 retried", get(504), tally{}, false, stepRetry},
		{"503 after the last retry is the answer", get(503), tally{retries: maxRetries}, true, stepAnswer},
		{"429 waited", get(429), tally{retries: maxRetries}, true, stepThrottle},
		{"429 waited up to the limit", get(429), tally{throttled: maxThrottleWaits - 1}, true, stepThrottle},
		{"429 past the limit", get(429), tally{throttled: maxThrottleWaits}, true, stepGiveUp},
		{"401 renews the token", get(401), tally{}, true, stepRenew},
		{"401 renews once", get(401), tally{renewed: true}, true, stepAnswer},
		{"401 without a token is the answer", post(401), tally{}, false, stepAnswer},
		{"transport error retried", failed(get(0), reset), tally{}, true, stepRetry},
		{"transport error on a POST retried", failed(post(0), reset), tally{}, false, stepRetry},
		{"transport error after the last retry", failed(get(0), reset), tally{retries: maxRetries}, true, stepGiveUp},
		{"cut-off body of a GET retried", failed(get(200), cutOff), tally{}, true, stepRetry},
		{"cut-off body of a GET after the last retry", failed(get(200), cutOff), tally{retries: maxRetries}, true, stepGiveUp},
		{"cut-off body of a POST is final", failed(post(200), cutOff), tally{}, false, stepStop},
		{"oversized body is final", failed(get(200), tooLarge), tally{}, true, stepStop},
		{"ended context is final", ended(failed(get(0), context.Canceled)), tally{}, true, stepStop},
		{"ended context is final with retries left", ended(failed(get(0), reset)), tally{}, true, stepStop},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := classify(tc.a, tc.t, tc.bearer, maxRetries); got != tc.want {
				t.Errorf("classify = %s, want %s", stepNames[got], stepNames[tc.want])
			}
		})
	}
}

var stepNames = map[step]string{
	stepAnswer: "answer", stepRetry: "retry", stepThrottle: "throttle",
	stepRenew: "renew", stepGiveUp: "give up", stepStop: "stop",
}

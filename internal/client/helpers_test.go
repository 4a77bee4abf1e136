package client_test

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/abm-terraform/terraform-provider-abm/internal/client"
	"github.com/abm-terraform/terraform-provider-abm/internal/fakeabm"
)

// newFake starts a fake Apple for one test.
func newFake(t *testing.T, opts fakeabm.Options) *fakeabm.Server {
	t.Helper()
	f := fakeabm.New(opts)
	t.Cleanup(f.Close)
	return f
}

// newClient returns a client for the fake with fast backoff, and the
// recorder that sees every request it sends.
func newClient(t *testing.T, f *fakeabm.Server, edit ...func(*client.Config)) (*client.Client, *recorder) {
	t.Helper()
	rec := &recorder{next: http.DefaultTransport}
	cfg := client.Config{
		ClientID:   f.ClientID(),
		KeyID:      f.KeyID(),
		PrivateKey: f.PrivateKey(),
		APIURL:     f.URL(),
		TokenURL:   f.TokenURL(),
		HTTPClient: &http.Client{Transport: rec},
		MaxRetries: 3,
		MinBackoff: time.Millisecond,
		MaxBackoff: 5 * time.Millisecond,
		UserAgent:  "terraform-provider-abm/test Terraform/1.11.4",
	}
	for _, e := range edit {
		e(&cfg)
	}
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client.New: %v", err)
	}
	return c, rec
}

// recorder is a RoundTripper that keeps each request and can run a hook
// before the n-th one.
type recorder struct {
	next http.RoundTripper

	mu     sync.Mutex
	reqs   []*http.Request
	bodies []string
	codes  []string // the status of each answer, in the order they came
	before func(n int, r *http.Request)
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var body string
	if req.Body != nil && req.GetBody != nil {
		rc, err := req.GetBody()
		if err == nil {
			b := make([]byte, 0, 1024)
			buf := make([]byte, 1024)
			for {
				n, err := rc.Read(buf)
				b = append(b, buf[:n]...)
				if err != nil {
					break
				}
			}
			body = string(b)
		}
	}
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	r.bodies = append(r.bodies, body)
	n := len(r.reqs)
	hook := r.before
	r.mu.Unlock()
	if hook != nil {
		hook(n, req)
	}
	resp, err := r.next.RoundTrip(req)
	if err == nil {
		r.mu.Lock()
		r.codes = append(r.codes, strconv.Itoa(resp.StatusCode))
		r.mu.Unlock()
	}
	return resp, err
}

// statuses is the status of every answer so far, e.g. "200 401 200".
func (r *recorder) statuses() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.codes, " ")
}

func (r *recorder) requests() []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*http.Request(nil), r.reqs...)
}

func (r *recorder) body(i int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.bodies[i]
}

// keyOf reads one attribute of a record by Apple's JSON key, in the Field
// form (booleans are "1" or "0", numbers their decimal text, lists empty).
func keyOf(r *client.Record, res *client.Resource, key string) client.Field[string] {
	return r.Field(res.Index(key))
}

// listOf reads a list attribute of a record by Apple's JSON key.
func listOf(r *client.Record, res *client.Resource, key string) []string {
	return r.List(res.Index(key))
}

package client

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Default endpoints.
const (
	DefaultBusinessAPIURL = "https://api-business.apple.com"
	DefaultSchoolAPIURL   = "https://api-school.apple.com"
	DefaultTokenURL       = "https://account.apple.com/auth/oauth2/token"
	ScopeBusiness         = "business.api"
	ScopeSchool           = "school.api"
	DefaultMaxRetries     = 5
	// MaxInFlight is how many requests one client sends at once.
	MaxInFlight = 4
)

// Config is everything a Client needs. APIURL is the host root; the client
// adds /v1.
type Config struct {
	ClientID   string
	KeyID      string
	PrivateKey *ecdsa.PrivateKey
	Scope      string
	APIURL     string
	TokenURL   string

	// ServerToken, when set, lets AccountDetail read the organization from
	// the device-enrollment service at ADEURL (default DefaultADEURL).
	ServerToken *ServerToken
	ADEURL      string

	UserAgent         string
	HTTPClient        *http.Client
	MaxRetries        int // retries of one request after 5xx or transport errors
	RequestsPerMinute int // client-side pacing; 0 means none

	// MinBackoff and MaxBackoff bound the exponential backoff between retries
	// of 5xx answers and transport errors. Zero means 1s and 30s.
	MinBackoff time.Duration
	MaxBackoff time.Duration

	// CacheDir is where the client keeps sealed entries: the access token
	// when TokenCache is set, and the answers of reads when ReadCacheMaxAge
	// is more than zero. Empty means neither. A directory that cannot be
	// used means running without it (Usage().CacheTrouble says why).
	CacheDir        string
	TokenCache      bool
	ReadCacheMaxAge time.Duration

	// Logger receives one line per request, retry and wait, and the progress
	// of each list read. Secrets are never passed to it.
	Logger Logger
}

// Logger is how the client reports what it does; the provider bridges it to
// tflog. Fields never hold secrets, nor any value Apple sent: only routes,
// paths without their query, counts and durations.
type Logger interface {
	Log(ctx context.Context, level LogLevel, msg string, fields map[string]any)
}

// LogLevel says who a log line is for.
type LogLevel int

const (
	// LevelDebug is one line per request: for following the exchange itself.
	LevelDebug LogLevel = iota
	// LevelInfo is what a user follows a long read by: each wait with its
	// reason and length, and list progress every ten pages and at the end.
	LevelInfo
)

// Client reads an organization's data from the ABM or ASM REST API.
type Client struct {
	cfg      Config
	base     *url.URL
	http     *http.Client
	tokens   *tokenSource
	pace     *pacer
	ade      *ade          // nil without a server token
	inflight chan struct{} // semaphore: at most MaxInFlight requests at once
	clock    clock         // every reading of the time and every wait; a fake one in tests
	requests atomic.Int64  // requests sent, for logs and Usage
	// throttled counts 429 answers; throttleWait and paceWait measure the
	// time lost to Apple's rate limit (Usage).
	throttled    atomic.Int64
	throttleWait waitMeter
	paceWait     waitMeter

	tokenCache *tokenCache // nil without the token cache
	readCache  *readCache  // nil without the read cache
	trouble    struct {
		once sync.Once
		msg  atomic.Pointer[string]
	}
}

// ScopeForClientID derives the OAuth scope from a client ID's prefix, or ""
// when the prefix is not one Apple uses.
func ScopeForClientID(clientID string) string {
	switch {
	case strings.HasPrefix(clientID, "BUSINESSAPI."):
		return ScopeBusiness
	case strings.HasPrefix(clientID, "SCHOOLAPI."):
		return ScopeSchool
	}
	return ""
}

// DefaultAPIURL is the API host for a scope.
func DefaultAPIURL(scope string) string {
	if scope == ScopeSchool {
		return DefaultSchoolAPIURL
	}
	return DefaultBusinessAPIURL
}

// New checks the configuration and returns a client. It makes no request.
func New(cfg Config) (*Client, error) {
	if cfg.ClientID == "" {
		return nil, errors.New("client ID is empty")
	}
	if cfg.KeyID == "" {
		return nil, errors.New("key ID is empty")
	}
	if cfg.PrivateKey == nil {
		return nil, errors.New("private key is missing")
	}
	if cfg.Scope == "" {
		cfg.Scope = ScopeForClientID(cfg.ClientID)
		if cfg.Scope == "" {
			return nil, fmt.Errorf("cannot tell the scope from client ID %q: it starts with neither BUSINESSAPI. nor SCHOOLAPI.; set the scope", cfg.ClientID)
		}
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL(cfg.Scope)
	}
	if cfg.TokenURL == "" {
		cfg.TokenURL = DefaultTokenURL
	}
	base, err := url.Parse(strings.TrimRight(cfg.APIURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("API URL %q is not an absolute URL", cfg.APIURL)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Transport: http.DefaultTransport}
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.MaxBackoff < cfg.MinBackoff {
		cfg.MaxBackoff = cfg.MinBackoff
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "terraform-provider-abm/dev"
	}
	c := &Client{cfg: cfg, base: base, http: cfg.HTTPClient, clock: systemClock{}}
	c.tokens = &tokenSource{c: c}
	c.inflight = make(chan struct{}, MaxInFlight)
	c.pace = newPacer(cfg.RequestsPerMinute)
	if err := c.openCaches(); err != nil {
		return nil, err
	}
	if cfg.ServerToken != nil {
		if cfg.ADEURL == "" {
			cfg.ADEURL = DefaultADEURL
		}
		adeBase, err := url.Parse(strings.TrimRight(cfg.ADEURL, "/"))
		if err != nil || adeBase.Scheme == "" || adeBase.Host == "" {
			return nil, fmt.Errorf("ADE URL %q is not an absolute URL", cfg.ADEURL)
		}
		c.ade = &ade{base: adeBase, token: cfg.ServerToken}
	}
	return c, nil
}

// Scope is the OAuth scope the client asks for.
func (c *Client) Scope() string { return c.cfg.Scope }

// ClientID is the API account's client ID.
func (c *Client) ClientID() string { return c.cfg.ClientID }

// CheckToken fetches (or reuses) an access token, so a configuration mistake
// shows up as one clear error before any read.
func (c *Client) CheckToken(ctx context.Context) error {
	_, err := c.tokens.get(ctx)
	return err
}

func (c *Client) now() time.Time { return c.clock.Now() }

func (c *Client) log(ctx context.Context, level LogLevel, msg string, fields map[string]any) {
	if c.cfg.Logger != nil {
		c.cfg.Logger.Log(ctx, level, msg, fields)
	}
}

// apiURL builds an absolute URL for a path under /v1.
func (c *Client) apiURL(path string, query url.Values) *url.URL {
	u := *c.base
	u.Path = strings.TrimRight(c.base.Path, "/") + "/v1" + path
	u.RawQuery = query.Encode()
	return &u
}

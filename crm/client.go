package crm

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"konnyuszamla/domain"
)

// DefaultBaseURL is the MiniCRM host. Test systems (r3-test.minicrm.hu) and
// other regions (r3.minicrm.io) use other hosts.
const DefaultBaseURL = "https://r3.minicrm.hu"

// Rate limit of /Api/R3: 60 requests per minute per system.
const (
	RateLimit       = 60
	RateLimitWindow = time.Minute
)

// Config configures a Client. Only SystemID and APIKey are required.
type Config struct {
	// BaseURL is the scheme and host, DefaultBaseURL if empty. If it carries
	// "id:key@" credentials (the form MiniCRM shows), they fill an empty
	// SystemID/APIKey and are removed from the URL.
	BaseURL  string
	SystemID int64  // the number after r3.minicrm.hu/ in the browser
	APIKey   string // Beállítások → Rendszer → API kulcs
	// UserAgent identifies the app, e.g. "KonnyuSzamla/1.2.0".
	UserAgent string
	// HTTPClient sends the requests; nil means a client with timeouts that
	// does not follow redirects (a redirect means a wrong base URL, and Go
	// would turn a PUT into a GET on 301/302).
	HTTPClient *http.Client
	// Clock drives the limiter and the backoff; nil means the system clock.
	Clock Clock
	// Limiter is shared by every request; nil means a new 60/min limiter on
	// Clock. Pass the same Limiter to clients of the same system.
	Limiter *Limiter
	// Logger receives retry and rate-limit notes at Debug/Warn level; nil
	// means no logging. Lines never contain the API key.
	Logger *slog.Logger
	// MaxAttempts bounds the tries of a read or update on 5xx, timeout or
	// network errors (default 4). Creates are tried once.
	MaxAttempts int
	// MaxRateLimitRetries bounds the retries after HTTP 429 (default 5).
	MaxRateLimitRetries int
	// MaxRetryAfter is the longest server-requested wait the client sits
	// through; a longer Retry-After returns ErrRateLimited (default 2 min).
	MaxRetryAfter time.Duration
}

// String hides the API key, so that logging a Config cannot leak it.
func (c Config) String() string {
	return fmt.Sprintf("crm.Config{BaseURL:%q SystemID:%d APIKey:[REDACTED] UserAgent:%q}", redactURL(c.BaseURL), c.SystemID, c.UserAgent)
}

// GoString hides the API key from %#v as well.
func (c Config) GoString() string { return c.String() }

// Client talks to one MiniCRM system. It is safe for concurrent use.
type Client struct {
	base       *url.URL
	systemID   int64
	authHeader string
	secrets    []string // strings that must never leave the client in text
	userAgent  string
	hc         *http.Client
	clock      Clock
	limiter    *Limiter
	log        *slog.Logger

	maxAttempts   int
	max429        int
	maxRetryAfter time.Duration
	retryBase     time.Duration // first backoff after 5xx/network errors
	retryCap      time.Duration
	limitBase     time.Duration // first backoff after a 429 without Retry-After
	limitCap      time.Duration
}

// NewClient checks cfg and returns a Client. The error is a *domain.Error
// with a Hungarian message when the settings are incomplete.
func NewClient(cfg Config) (*Client, error) {
	raw := strings.TrimSpace(cfg.BaseURL)
	if raw == "" {
		raw = DefaultBaseURL
	}
	base, err := url.Parse(raw)
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" {
		// err's text would echo the URL, which may hold the key.
		return nil, domain.Errorf(domain.EInvalid, "A MiniCRM címe érvénytelen; ilyen formát várunk: %s", DefaultBaseURL)
	}
	if base.User != nil {
		if cfg.SystemID == 0 {
			cfg.SystemID, _ = strconv.ParseInt(base.User.Username(), 10, 64)
		}
		if pw, ok := base.User.Password(); ok && cfg.APIKey == "" {
			cfg.APIKey = pw
		}
		base.User = nil
	}
	// Users paste the whole API URL; the client adds /Api/R3/… itself.
	if i := strings.Index(base.Path, "/Api/"); i >= 0 {
		base.Path = base.Path[:i]
	}
	base.Path = strings.TrimSuffix(base.Path, "/")
	base.RawPath = ""
	base.RawQuery, base.Fragment = "", ""
	if cfg.SystemID <= 0 {
		return nil, domain.Errorf(domain.EInvalid, "Hiányzik a MiniCRM rendszerazonosító (a böngésző címsorában az r3.minicrm.hu/ utáni szám).")
	}
	if strings.TrimSpace(cfg.APIKey) == "" {
		return nil, domain.Errorf(domain.EInvalid, "Hiányzik a MiniCRM API kulcs (Beállítások → Rendszer → API kulcs).")
	}
	c := &Client{
		base:          base,
		systemID:      cfg.SystemID,
		userAgent:     cfg.UserAgent,
		hc:            cfg.HTTPClient,
		clock:         cfg.Clock,
		limiter:       cfg.Limiter,
		log:           cfg.Logger,
		maxAttempts:   cfg.MaxAttempts,
		max429:        cfg.MaxRateLimitRetries,
		maxRetryAfter: cfg.MaxRetryAfter,
		retryBase:     500 * time.Millisecond,
		retryCap:      30 * time.Second,
		limitBase:     5 * time.Second,
		limitCap:      time.Minute,
	}
	creds := strconv.FormatInt(cfg.SystemID, 10) + ":" + cfg.APIKey
	encoded := base64.StdEncoding.EncodeToString([]byte(creds))
	c.authHeader = "Basic " + encoded
	c.secrets = []string{encoded, cfg.APIKey, url.QueryEscape(cfg.APIKey)}
	if c.userAgent == "" {
		c.userAgent = "KonnyuSzamla"
	}
	if c.hc == nil {
		c.hc = defaultHTTPClient()
	}
	if c.clock == nil {
		c.clock = systemClock{}
	}
	if c.limiter == nil {
		c.limiter = NewLimiter(RateLimit, RateLimitWindow, c.clock)
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.maxAttempts <= 0 {
		c.maxAttempts = 4
	}
	if c.max429 <= 0 {
		c.max429 = 5
	}
	if c.maxRetryAfter <= 0 {
		c.maxRetryAfter = 2 * time.Minute
	}
	return c, nil
}

// SystemID returns the MiniCRM system id the client authenticates as.
func (c *Client) SystemID() int64 { return c.systemID }

// String describes the client without its API key.
func (c *Client) String() string {
	return fmt.Sprintf("crm.Client{%s system %d}", c.base, c.systemID)
}

func defaultHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSHandshakeTimeout = 10 * time.Second
	tr.ResponseHeaderTimeout = 30 * time.Second
	return &http.Client{
		Transport: tr,
		Timeout:   60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// redact removes the credentials from s.
func (c *Client) redact(s string) string {
	for _, sec := range c.secrets {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, "[REDACTED]")
		}
	}
	return s
}

// redactURL drops the userinfo of a URL-ish string for display.
func redactURL(s string) string {
	if at := strings.LastIndex(s, "@"); at >= 0 {
		if scheme := strings.Index(s, "://"); scheme >= 0 && scheme < at {
			return s[:scheme+3] + "[REDACTED]@" + s[at+1:]
		}
		return "[REDACTED]@" + s[at+1:]
	}
	return s
}

// errRedacted wraps an error so that its text is redacted but errors.Is/As
// still see the original.
type errRedacted struct {
	err    error
	redact func(string) string
}

func (e *errRedacted) Error() string { return e.redact(e.err.Error()) }
func (e *errRedacted) Unwrap() error { return e.err }

package crm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"konnyuszamla/domain"
)

// DefaultTestTimeout bounds a whole connection test, retries included.
const DefaultTestTimeout = 20 * time.Second

// ErrConnectionNotFound marks a plain 404 (ErrNotFound, which it wraps)
// answered to a connection test. The test asks for the module list, which
// every system has, so a 404 there means that the system id, the key or
// the MiniCRM address is wrong, never a deleted record; Explain says so.
var ErrConnectionNotFound = errors.New("minicrm: connection test: not found")

// TestConnection checks cfg with one Category call, the cheapest request
// that needs valid credentials, and returns the modules of the system. A
// failure is one of the client's errors (use Explain). A person is waiting
// for the answer, so the retries are few: one more try after a 5xx or a
// network error, one after a 429.
func TestConnection(ctx context.Context, cfg Config) ([]Category, error) {
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = 2
	}
	if cfg.MaxRateLimitRetries == 0 {
		cfg.MaxRateLimitRetries = 1
	}
	if cfg.MaxRetryAfter == 0 {
		cfg.MaxRetryAfter = 10 * time.Second
	}
	c, err := NewClient(cfg)
	if err != nil {
		return nil, fmt.Errorf("test connection: %w", err)
	}
	cats, err := c.Categories(ctx)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("test connection: %w: %w", ErrConnectionNotFound, err)
	}
	if err != nil {
		return nil, fmt.Errorf("test connection: %w", err)
	}
	return cats, nil
}

// Connector implements domain.MiniCRMConnector with this package; main.go
// hands one to the settings tab and the minicrm commands. The zero value
// is ready to use.
type Connector struct {
	// UserAgent identifies the app, e.g. "KonnyuSzamla/0.1.0".
	UserAgent string
	// HTTPClient, Clock: see Config (tests point them at minicrmtest).
	HTTPClient *http.Client
	Clock      Clock
	// Timeout bounds one connection test (default DefaultTestTimeout).
	Timeout time.Duration
}

var _ domain.MiniCRMConnector = Connector{}

// TestConnection implements domain.MiniCRMConnector.
func (c Connector) TestConnection(ctx context.Context, s domain.MiniCRMSettings, apiKey string) ([]domain.MiniCRMModule, error) {
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return nil, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTestTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cats, err := TestConnection(ctx, Config{
		BaseURL:    s.BaseURL,
		SystemID:   s.SystemIDNumber(),
		APIKey:     apiKey,
		UserAgent:  c.UserAgent,
		HTTPClient: c.HTTPClient,
		Clock:      c.Clock,
	})
	if err != nil {
		return nil, err
	}
	mods := make([]domain.MiniCRMModule, len(cats))
	for i, cat := range cats {
		mods[i] = domain.MiniCRMModule{ID: cat.ID, Name: cat.Name}
	}
	return mods, nil
}

// ExplainError implements domain.MiniCRMConnector with Explain.
func (Connector) ExplainError(err error) string { return Explain(err) }

// ParseAPIURL implements domain.MiniCRMConnector with the package's
// ParseAPIURL, and also keeps the host when it is not the default one (a
// test system such as r3-test.minicrm.hu, or a local fake).
func (Connector) ParseAPIURL(text string) (domain.MiniCRMAPIURL, error) {
	id, key, err := ParseAPIURL(text)
	if err != nil {
		return domain.MiniCRMAPIURL{}, err
	}
	out := domain.MiniCRMAPIURL{SystemID: strconv.FormatInt(id, 10), APIKey: key, BaseURL: DefaultBaseURL}
	raw := strings.TrimSpace(text)
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	// ParseAPIURL accepted it, so it parses; the scheme is http or https.
	if u, perr := url.Parse(raw); perr == nil && u.Host != "" {
		out.BaseURL = strings.ToLower(u.Scheme) + "://" + u.Host
	}
	return out, nil
}

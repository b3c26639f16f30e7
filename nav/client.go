package nav

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"konnyuszamla/domain"
)

// The NAV API endpoints (invoicing-hu.md B.8).
const (
	TestBaseURL       = "https://api-test.onlineszamla.nav.gov.hu/invoiceService/v3"
	ProductionBaseURL = "https://api.onlineszamla.nav.gov.hu/invoiceService/v3"
)

// BaseURL returns the API of the system the settings choose.
func BaseURL(s domain.NAVSettings) string {
	if s.Production {
		return ProductionBaseURL
	}
	return TestBaseURL
}

// MaxBatch is the most invoices one manageInvoice request may carry.
const MaxBatch = 100

// timestampLayout is the header timestamp: UTC with milliseconds.
const timestampLayout = "2006-01-02T15:04:05.000Z"

// Client talks to the NAV Online Számla v3 API with one technical user.
// It is safe for concurrent use; requests are spaced by MinInterval,
// since NAV delays clients that send more than one request a second.
type Client struct {
	BaseURL  string
	HTTP     *http.Client // default: 60 s timeout, NAV's absolute limit
	Settings domain.NAVSettings
	Secrets  domain.NAVSecrets
	Software Software
	// Now and NewRequestID are replaced by tests.
	Now          func() time.Time
	NewRequestID func() string
	MinInterval  time.Duration

	mu   sync.Mutex
	last time.Time
}

// ErrOutcomeUnknown marks a failed manageInvoice whose request may have
// reached NAV (a timeout, a lost answer): it must not be resent before
// NAV is asked whether it arrived.
var ErrOutcomeUnknown = errors.New("nav: the outcome of the request is unknown")

// APIError is NAV's refusal of a whole request (funcCode ERROR): nothing
// of it was stored, so it is safe to send again once the cause is fixed.
type APIError struct {
	Operation string
	Status    int
	Code      string // errorCode, e.g. INVALID_SECURITY_USER
	Message   string
	Technical []domain.NAVMessage
}

func (e *APIError) Error() string {
	return fmt.Sprintf("nav %s: HTTP %d %s: %s", e.Operation, e.Status, e.Code, e.Message)
}

// TokenExchange gets a one-time exchange token and decrypts it.
func (c *Client) TokenExchange(ctx context.Context) (string, error) {
	req := &TokenExchangeRequest{BasicRequest: c.basic(nil)}
	var resp TokenExchangeResponse
	if err := c.call(ctx, "tokenExchange", req, &resp); err != nil {
		return "", err
	}
	token, err := DecryptExchangeToken(resp.EncodedExchangeToken, c.Secrets.ExchangeKey)
	if err != nil {
		return "", err
	}
	return token, nil
}

// ManageInvoice sends up to MaxBatch invoices (index order = slice order,
// the base64 data already encoded) with a fresh token and returns NAV's
// transaction id. An error matching ErrOutcomeUnknown means the request may
// have been stored.
func (c *Client) ManageInvoice(ctx context.Context, ops []OperationData) (string, error) {
	if len(ops) == 0 || len(ops) > MaxBatch {
		return "", fmt.Errorf("nav manageInvoice: %d invoices, want 1–%d", len(ops), MaxBatch)
	}
	token, err := c.TokenExchange(ctx)
	if err != nil {
		return "", fmt.Errorf("nav manageInvoice: token: %w", err)
	}
	req := &ManageInvoiceRequest{BasicRequest: c.basic(ops), ExchangeToken: token}
	for i, op := range ops {
		req.Operations = append(req.Operations, InvoiceOperation{Index: i + 1, Operation: string(op.Operation), InvoiceData: op.Base64Data})
	}
	var resp ManageInvoiceResponse
	err = c.call(ctx, "manageInvoice", req, &resp)
	var apiErr *APIError
	switch {
	case err == nil:
		return resp.TransactionID, nil
	case errors.As(err, &apiErr) || neverSent(err):
		return "", err
	}
	return "", fmt.Errorf("%w: %w", ErrOutcomeUnknown, err)
}

// QueryTransactionStatus returns the processing results of a transaction,
// with the invoice data as sent when original is true.
func (c *Client) QueryTransactionStatus(ctx context.Context, txID string, original bool) ([]ProcessingResult, error) {
	req := &QueryTransactionStatusRequest{BasicRequest: c.basic(nil), TransactionID: txID, ReturnOriginalRequest: original}
	var resp QueryTransactionStatusResponse
	if err := c.call(ctx, "queryTransactionStatus", req, &resp); err != nil {
		return nil, err
	}
	return resp.Results, nil
}

// QueryTransactionList returns every transaction of the technical user's
// taxpayer received between from and to (all pages).
func (c *Client) QueryTransactionList(ctx context.Context, from, to time.Time) ([]Transaction, error) {
	var all []Transaction
	for page := 1; ; page++ {
		req := &QueryTransactionListRequest{BasicRequest: c.basic(nil), Page: page,
			DateTimeFrom: from.UTC().Format(timestampLayout), DateTimeTo: to.UTC().Format(timestampLayout)}
		var resp QueryTransactionListResponse
		if err := c.call(ctx, "queryTransactionList", req, &resp); err != nil {
			return nil, err
		}
		all = append(all, resp.Transactions...)
		if page >= resp.AvailablePage || page >= 100 {
			return all, nil
		}
	}
}

// basic fills the header, the user block with its signature, and the
// software block.
func (c *Client) basic(ops []OperationData) BasicRequest {
	now := c.now()
	id := c.requestID()
	return BasicRequest{
		Header: Header{RequestID: id, Timestamp: now.UTC().Format(timestampLayout), RequestVersion: "3.0", HeaderVersion: "1.0"},
		User: User{
			Login:            c.Settings.Login,
			PasswordHash:     Crypto{Value: PasswordHash(c.Secrets.Password), CryptoType: "SHA-512"},
			TaxNumber:        c.Settings.TaxpayerID(),
			RequestSignature: Crypto{Value: RequestSignature(id, now, c.Secrets.SignKey, ops), CryptoType: "SHA3-512"},
		},
		Software: c.Software,
	}
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) requestID() string {
	if c.NewRequestID != nil {
		return c.NewRequestID()
	}
	return NewRequestID(c.now())
}

// NewRequestID returns a unique requestId ([+a-zA-Z0-9_]{1,30}): "KSZ", the
// UTC time to the millisecond (17 digits) and 10 random letters and digits,
// so that two requests of the same millisecond never collide
// (REQUEST_ID_NOT_UNIQUE).
func NewRequestID(now time.Time) string {
	t := now.UTC()
	return "KSZ" + t.Format("20060102150405") + fmt.Sprintf("%03d", t.Nanosecond()/1e6) + rand.Text()[:10]
}

// call posts req to the operation's endpoint and decodes the answer into
// resp; a funcCode ERROR answer becomes an *APIError.
func (c *Client) call(ctx context.Context, op string, req, resp any) error {
	if strings.TrimSpace(c.Software.DevContact) == "" {
		return fmt.Errorf("nav %s: %w", op, ErrNoDevContact)
	}
	body, err := xml.Marshal(req)
	if err != nil {
		return fmt.Errorf("nav %s: encode: %w", op, err)
	}
	if err := c.wait(ctx); err != nil {
		return fmt.Errorf("nav %s: %w", op, err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.BaseURL, "/")+"/"+op,
		bytes.NewReader(append([]byte(xml.Header), body...)))
	if err != nil {
		return fmt.Errorf("nav %s: %w", op, err)
	}
	hreq.Header.Set("Content-Type", "application/xml; charset=UTF-8")
	hreq.Header.Set("Accept", "application/xml")
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	hresp, err := hc.Do(hreq)
	if err != nil {
		return fmt.Errorf("nav %s: %w", op, err)
	}
	defer hresp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(hresp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("nav %s: read answer: %w", op, err)
	}
	return decodeResponse(op, hresp.StatusCode, data, resp)
}

// decodeResponse reads NAV's answer: the expected document with funcCode
// OK, or a GeneralErrorResponse (or any document with funcCode ERROR).
func decodeResponse(op string, status int, data []byte, resp any) error {
	var probe struct {
		XMLName xml.Name
		Result  Result `xml:"result"`
	}
	if err := xml.Unmarshal(data, &probe); err != nil {
		return fmt.Errorf("nav %s: HTTP %d, not an XML answer: %w", op, status, err)
	}
	if probe.Result.FuncCode != "OK" || status != http.StatusOK {
		e := &APIError{Operation: op, Status: status, Code: probe.Result.ErrorCode, Message: probe.Result.Message}
		var ge GeneralErrorResponse
		if xml.Unmarshal(data, &ge) == nil {
			for _, m := range ge.TechnicalMessages {
				e.Technical = append(e.Technical, domain.NAVMessage{Severity: m.ResultCode, Code: m.ErrorCode, Text: m.Message, Technical: true})
			}
		}
		if e.Code == "" && status >= 500 {
			return fmt.Errorf("nav %s: HTTP %d without a NAV answer", op, status)
		}
		return e
	}
	if err := xml.Unmarshal(data, resp); err != nil {
		return fmt.Errorf("nav %s: decode answer: %w", op, err)
	}
	return nil
}

// wait spaces the requests by MinInterval.
func (c *Client) wait(ctx context.Context) error {
	c.mu.Lock()
	next := c.last.Add(c.MinInterval)
	now := time.Now()
	if next.Before(now) {
		next = now
	}
	c.last = next
	c.mu.Unlock()
	if d := time.Until(next); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// neverSent reports whether err proves that the request did not leave:
// the connection could not even be opened (DNS, refused).
func neverSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

// decodeBase64 decodes invoice data that NAV returns.
func decodeBase64(s string) ([]byte, error) {
	return base64.StdEncoding.DecodeString(strings.TrimSpace(s))
}

package crm

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"time"
)

// ContactFilter selects contacts. Set fields are AND-combined. Whether an
// empty filter lists every contact is not documented.
type ContactFilter struct {
	Name          string      // partial match on the company or person name
	Email         string      // e-mail (not unique in MiniCRM)
	Phone         string      // phone number
	Query         string      // full text, whole words, accent-insensitive
	Type          ContactType // Business or Person
	VATNumber     string      // exact adószám
	MainContactID int64       // a company id: its persons
	// UpdatedSince selects contacts changed after this instant (sent as
	// Budapest time). Subtract a margin around DST changes.
	UpdatedSince time.Time
	// Fields are exact-value filters on any other field, by API name.
	Fields map[string]string
}

func (f *ContactFilter) values(page int) url.Values {
	v := url.Values{}
	for k, x := range f.Fields {
		v.Set(k, x)
	}
	setQuery(v, "Name", f.Name)
	setQuery(v, "Email", f.Email)
	setQuery(v, "Phone", f.Phone)
	setQuery(v, "Query", f.Query)
	setQuery(v, "Type", string(f.Type))
	setQuery(v, "VatNumber", f.VATNumber)
	setQueryID(v, "MainContactId", f.MainContactID)
	setQueryTime(v, "UpdatedSince", f.UpdatedSince)
	v.Set("Page", strconv.Itoa(page))
	return v
}

// SearchContacts returns one page (0-based, PageSize per page) of contacts
// matching f. Only the summary fields of each Contact are filled.
func (c *Client) SearchContacts(ctx context.Context, f ContactFilter, page int) (*Page[Contact], error) {
	var p *Page[Contact]
	err := c.get(ctx, "/Api/R3/Contact", f.values(page), func(b []byte) error {
		var err error
		p, err = decodePage(b, page, decodeContactItem)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search contacts page %d: %w", page, err)
	}
	return p, nil
}

// AllContacts iterates over every contact matching f, page by page. Each
// page costs one request of the 60/min budget.
func (c *Client) AllContacts(ctx context.Context, f ContactFilter) iter.Seq2[Contact, error] {
	return allPages(ctx, func(ctx context.Context, page int) (*Page[Contact], error) {
		return c.SearchContacts(ctx, f, page)
	})
}

// Contact returns the full record of a contact. A contact that was known
// before and now gives ErrNotFound has been deleted in MiniCRM.
func (c *Client) Contact(ctx context.Context, id int64) (*Contact, error) {
	var out *Contact
	err := c.get(ctx, fmt.Sprintf("/Api/R3/Contact/%d", id), nil, func(b []byte) error {
		var err error
		out, err = decodeContactDetail(b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("get contact %d: %w", id, err)
	}
	return out, nil
}

// CreateContact creates a company or a person and returns its id. ID and the
// audit fields of ct are ignored.
//
// MiniCRM has no upsert: search (VATNumber, Email) before creating. The
// create is never retried once it may have reached the server; on
// ErrOutcomeUnknown search again before another attempt.
func (c *Client) CreateContact(ctx context.Context, ct Contact) (int64, error) {
	body, err := ct.createBody()
	if err != nil {
		return 0, fmt.Errorf("create contact: %w", err)
	}
	id, err := c.create(ctx, "/Api/R3/Contact", body)
	if err != nil {
		return 0, fmt.Errorf("create contact: %w", err)
	}
	return id, nil
}

// UpdateContact changes the fields set in p.
func (c *Client) UpdateContact(ctx context.Context, id int64, p ContactPatch) error {
	if err := c.update(ctx, "/Api/R3/Contact", id, p.body()); err != nil {
		return fmt.Errorf("update contact %d: %w", id, err)
	}
	return nil
}

func setQuery(v url.Values, key, x string) {
	if x != "" {
		v.Set(key, x)
	}
}

func setQueryID(v url.Values, key string, id int64) {
	if id != 0 {
		v.Set(key, strconv.FormatInt(id, 10))
	}
}

func setQueryTime(v url.Values, key string, t time.Time) {
	if !t.IsZero() {
		v.Set(key, FormatTime(t))
	}
}

package crm

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strconv"
	"time"
)

// DeletedFilter says what a project search does with trashed cards.
type DeletedFilter int

// Whether MiniCRM's default search includes trashed cards is not documented,
// so ExcludeDeleted filters on the client, as real integrations do.
const (
	ExcludeDeleted DeletedFilter = iota // drop trashed cards (default)
	IncludeDeleted                      // keep them
	OnlyDeleted                         // ask for the trash (Deleted=1)
)

// ProjectFilter selects cards. Set fields are AND-combined.
type ProjectFilter struct {
	CategoryID  int64
	StatusID    int64
	StatusGroup StatusGroup // e.g. GroupSuccess: the customers ("Vevők")
	UserID      int64
	// MainContactID matches cards whose ContactId or BusinessId is this id.
	MainContactID int64
	ReferenceID   string
	Name          string
	Query         string
	// UpdatedSince selects cards changed after this instant (Budapest time
	// on the wire).
	UpdatedSince time.Time
	Deleted      DeletedFilter
	// Fields are exact-value filters on custom fields, by API name.
	Fields map[string]string
}

func (f *ProjectFilter) values(page int) url.Values {
	v := url.Values{}
	for k, x := range f.Fields {
		v.Set(k, x)
	}
	setQueryID(v, "CategoryId", f.CategoryID)
	setQueryID(v, "StatusId", f.StatusID)
	setQuery(v, "StatusGroup", string(f.StatusGroup))
	setQueryID(v, "UserId", f.UserID)
	setQueryID(v, "MainContactId", f.MainContactID)
	setQuery(v, "ReferenceId", f.ReferenceID)
	setQuery(v, "Name", f.Name)
	setQuery(v, "Query", f.Query)
	setQueryTime(v, "UpdatedSince", f.UpdatedSince)
	if f.Deleted == OnlyDeleted {
		v.Set("Deleted", "1")
	}
	v.Set("Page", strconv.Itoa(page))
	return v
}

// keep applies the parts of the filter the client enforces itself and fills
// what the filter implies but the list does not carry.
func (f *ProjectFilter) keep(p *Project) bool {
	switch f.Deleted {
	case ExcludeDeleted:
		if p.Deleted {
			return false
		}
	case OnlyDeleted:
		if !p.Deleted {
			return false
		}
	}
	if p.CategoryID == 0 {
		p.CategoryID = f.CategoryID
	}
	if p.StatusGroup == "" {
		p.StatusGroup = f.StatusGroup
	}
	return true
}

// SearchProjects returns one page (0-based) of cards matching f. Only the
// list fields are filled (ID, Name, ContactID, BusinessID, StatusID, UserID,
// Deleted). Count is MiniCRM's total, before client-side filtering.
func (c *Client) SearchProjects(ctx context.Context, f ProjectFilter, page int) (*Page[Project], error) {
	var p *Page[Project]
	err := c.get(ctx, "/Api/R3/Project", f.values(page), func(b []byte) error {
		var err error
		p, err = decodePage(b, page, func(e entry) (Project, bool, error) {
			pr, err := decodeProject(e.raw)
			if err != nil {
				return Project{}, false, err
			}
			if pr.ID == 0 {
				pr.ID = e.keyID()
			}
			pr.Fields = nil // list items carry only the basic fields
			return pr, f.keep(&pr), nil
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search projects page %d: %w", page, err)
	}
	return p, nil
}

// AllProjects iterates over every card matching f, page by page. For the
// customers of the sales module use
// ProjectFilter{CategoryID: sales, StatusGroup: GroupSuccess}.
func (c *Client) AllProjects(ctx context.Context, f ProjectFilter) iter.Seq2[Project, error] {
	return allPages(ctx, func(ctx context.Context, page int) (*Page[Project], error) {
		return c.SearchProjects(ctx, f, page)
	})
}

// Project returns the full card, with the Status label, the User name and
// the custom fields.
func (c *Client) Project(ctx context.Context, id int64) (*Project, error) {
	var out Project
	err := c.get(ctx, fmt.Sprintf("/Api/R3/Project/%d", id), nil, func(b []byte) error {
		var err error
		out, err = decodeProject(b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("get project %d: %w", id, err)
	}
	return &out, nil
}

// CreateProject creates a card and returns its id. CategoryID and ContactID
// are required; which other fields are required depends on the status.
//
// Set ReferenceID: a create is never retried once it may have been sent,
// and on ErrOutcomeUnknown a search by ReferenceID tells whether the card
// exists before trying again.
func (c *Client) CreateProject(ctx context.Context, p Project) (int64, error) {
	if p.CategoryID <= 0 || p.ContactID <= 0 {
		return 0, fmt.Errorf("create project: category id and contact id are required")
	}
	id, err := c.create(ctx, "/Api/R3/Project", p.createBody())
	if err != nil {
		return 0, fmt.Errorf("create project in category %d: %w", p.CategoryID, err)
	}
	return id, nil
}

// UpdateProject changes the fields set in p.
func (c *Client) UpdateProject(ctx context.Context, id int64, p ProjectPatch) error {
	if err := c.update(ctx, "/Api/R3/Project", id, p.body()); err != nil {
		return fmt.Errorf("update project %d: %w", id, err)
	}
	return nil
}

package crm

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"konnyuszamla/domain"
)

// ContactViews implements domain.CRMContactViews: it loads a contact, its
// addresses, its cards (with their status) and the invoice cards of the
// Számlák module from MiniCRM, keeps a copy, and falls back to the copy when
// MiniCRM cannot be reached. It shares the sync's limiter.
type ContactViews struct {
	Settings   domain.MiniCRMSettingsStore
	Cache      domain.CRMContactCache
	Secrets    domain.SecretStore
	UserAgent  string
	HTTPClient *http.Client
	Clock      Clock
	Limiter    *Limiter
	Logger     *slog.Logger
	Now        func() time.Time
	// MaxCards bounds the card details read (one request each; default 20).
	MaxCards int
}

var _ domain.CRMContactViews = ContactViews{}

// ContactView implements domain.CRMContactViews.
func (v ContactViews) ContactView(ctx context.Context, contactID int64) (*domain.CRMContactView, error) {
	view, err := v.load(ctx, contactID)
	if err == nil {
		if serr := v.Cache.SaveCRMContactView(ctx, view); serr != nil {
			return view, serr
		}
		return view, nil
	}
	cached, cerr := v.Cache.CRMContactViewCopy(ctx, contactID)
	if cerr != nil {
		return nil, err
	}
	cached.Cached = true
	return cached, nil
}

func (v ContactViews) load(ctx context.Context, contactID int64) (*domain.CRMContactView, error) {
	s, err := v.Settings.MiniCRMSettings(ctx)
	if err != nil {
		return nil, err
	}
	u := Uploader{Secrets: v.Secrets, UserAgent: v.UserAgent, HTTPClient: v.HTTPClient, Clock: v.Clock, Limiter: v.Limiter, Logger: v.Logger}
	c, err := u.open(ctx, s)
	if err != nil {
		return nil, err
	}
	ct, err := c.Contact(ctx, contactID)
	if err != nil {
		return nil, err
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	out := &domain.CRMContactView{ContactID: contactID, Type: string(ct.Type), Name: ct.Name,
		TaxNumbers: nonEmpty(ct.VATNumber, ct.EUVATNumber), Emails: nonEmpty(ct.Email), Phones: nonEmpty(ct.Phone),
		Addresses: []string{}, Cards: []domain.CRMCard{}, Invoices: []domain.CRMCard{},
		URL: ContactURL(s, contactID), LoadedAt: now()}
	addrs, err := c.Addresses(ctx, contactID)
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		line := strings.TrimSpace(strings.Join(nonEmpty(a.PostalCode, a.City, a.Street), " "))
		if a.Type != "" {
			line = a.Type + ": " + line
		}
		out.Addresses = append(out.Addresses, line)
	}
	cats, err := c.Categories(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, cat := range cats {
		names[cat.ID] = cat.Name
	}
	page, err := c.SearchProjects(ctx, ProjectFilter{MainContactID: contactID}, 0)
	if err != nil {
		return nil, err
	}
	limit := v.MaxCards
	if limit <= 0 {
		limit = 20
	}
	for i, pr := range page.Items {
		if i >= limit {
			break
		}
		d, err := c.Project(ctx, pr.ID) // the detail has the module and the status label
		if err != nil {
			return nil, err
		}
		card := domain.CRMCard{ID: d.ID, Module: names[d.CategoryID], Name: d.Name, Status: d.Status}
		if s.InvoicesModule != 0 && d.CategoryID == s.InvoicesModule {
			out.Invoices = append(out.Invoices, card)
		} else {
			out.Cards = append(out.Cards, card)
		}
	}
	return out, nil
}

// ContactURL is the contact's page in MiniCRM's web app:
// https://r3.minicrm.hu/<system>/#!Contact-<id> (the form MiniCRM's own
// links use for cards, "#!Project-<id>").
func ContactURL(s domain.MiniCRMSettings, contactID int64) string {
	base := strings.TrimRight(s.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	return fmt.Sprintf("%s/%s/#!Contact-%d", base, s.SystemID, contactID)
}

func nonEmpty(ss ...string) []string {
	out := []string{}
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

package ui

import (
	"context"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// crmviewColumnTitle is the Vevők list's column with the MiniCRM link of
// linked customers.
const crmviewColumnTitle = "MiniCRM"

// crmviewLinkText is the column's cell of a linked customer.
const crmviewLinkText = "MiniCRM ›"

// crmviewPanel shows a customer as MiniCRM holds it: the contact's data,
// its cards and its invoice cards, loaded in the background; offline the
// last loaded copy with its time.
type crmviewPanel struct {
	win   fyne.Window
	views domain.CRMContactViews
	async func(func())
	// openURL opens the browser (tests record the URL).
	openURL func(*url.URL) error

	dlg     dialog.Dialog
	content *fyne.Container
	status  *widget.Label
	link    *widget.Hyperlink
	seq     int
}

func crmviewNewPanel(w fyne.Window, views domain.CRMContactViews, async func(func())) *crmviewPanel {
	if async == nil {
		async = func(f func()) { go f() }
	}
	return &crmviewPanel{win: w, views: views, async: async, openURL: func(u *url.URL) error {
		return fyne.CurrentApp().OpenURL(u)
	}}
}

// open shows the panel of a linked customer and loads its data.
func (p *crmviewPanel) open(c domain.CustomerSummary) {
	p.seq++
	seq := p.seq
	p.status = widget.NewLabel("Betöltés a MiniCRM-ből…")
	p.status.Wrapping = fyne.TextWrapWord
	p.content = container.NewVBox()
	p.link = widget.NewHyperlink("Megnyitás a MiniCRM-ben", nil)
	p.link.OnTapped = func() {
		if p.link.URL != nil && p.openURL != nil {
			if err := p.openURL(p.link.URL); err != nil {
				fyne.LogError("open minicrm", err)
			}
		}
	}
	p.link.Hide()
	body := container.NewBorder(container.NewVBox(p.status, p.link), nil, nil, nil, container.NewVScroll(p.content))
	p.dlg = dialog.NewCustom(c.Name+" a MiniCRM-ben", "Bezárás", body, p.win)
	p.dlg.Resize(fyne.NewSize(640, 560))
	p.dlg.Show()
	id := c.MiniCRMID
	p.async(func() {
		v, err := p.views.ContactView(context.Background(), id)
		fyne.Do(func() {
			if seq != p.seq {
				return
			}
			if err != nil {
				p.status.SetText("A MiniCRM-adatok nem tölthetők be, és nincs korábban letöltött másolat: " + domain.ErrorMessage(err))
				return
			}
			p.show(v)
		})
	})
}

func (p *crmviewPanel) show(v *domain.CRMContactView) {
	when := v.LoadedAt.Local().Format("2006.01.02. 15:04")
	if v.Cached {
		p.status.SetText("A MiniCRM most nem érhető el; a " + when + "-kor letöltött másolat látszik.")
	} else {
		p.status.SetText("Betöltve: " + when)
	}
	if u, err := url.Parse(v.URL); err == nil && v.URL != "" {
		p.link.SetURL(u)
		p.link.Show()
	}
	p.content.RemoveAll()
	kind := "Cég"
	if v.Type == "Person" {
		kind = "Személy"
	}
	p.content.Add(widget.NewLabelWithStyle(v.Name+" ("+kind+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	crmviewSection(p.content, "Adószám", v.TaxNumbers)
	crmviewSection(p.content, "E-mail", v.Emails)
	crmviewSection(p.content, "Telefon", v.Phones)
	crmviewSection(p.content, "Címek", v.Addresses)
	crmviewSection(p.content, "Adatlapok", crmviewCards(v.Cards, true))
	crmviewSection(p.content, "Számlái", crmviewCards(v.Invoices, false))
	p.content.Refresh()
}

func crmviewCards(cards []domain.CRMCard, module bool) []string {
	out := make([]string, 0, len(cards))
	for _, c := range cards {
		parts := []string{c.Name}
		if module && c.Module != "" {
			parts = append(parts, c.Module)
		}
		if c.Status != "" {
			parts = append(parts, c.Status)
		}
		out = append(out, strings.Join(parts, " · "))
	}
	return out
}

func crmviewSection(box *fyne.Container, title string, lines []string) {
	box.Add(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	if len(lines) == 0 {
		box.Add(widget.NewLabel("—"))
		return
	}
	for _, l := range lines {
		lbl := widget.NewLabel(l)
		lbl.Wrapping = fyne.TextWrapWord
		box.Add(lbl)
	}
}

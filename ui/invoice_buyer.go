package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// maxBuyerMatches bounds the matches the buyer picker lists; the user types
// more to narrow them down.
const maxBuyerMatches = 50

const noBuyerText = "Nincs kiválasztott vevő.\nKeressen név, adószám vagy város szerint, és válasszon a találatok közül."

// buyerPicker chooses the buyer from the customer register: typing into the
// search entry lists the matching customers (the register's own search over
// name, tax number and city), and picking one shows its data in a card.
type buyerPicker struct {
	customers domain.CustomerService
	async     func(func())
	win       fyne.Window
	onPicked  func()

	search  *widget.Entry
	list    *widget.List
	card    *widget.Label
	matches []domain.CustomerSummary
	picked  *domain.Customer
	seq     int // discards results of superseded searches
}

func newBuyerPicker(s *invoicesScreen, onPicked func()) *buyerPicker {
	b := &buyerPicker{customers: s.customers, async: s.async, win: s.win, onPicked: onPicked}
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder("Vevő keresése…")
	b.search.OnChanged = b.onSearch
	b.list = widget.NewList(func() int { return len(b.matches) }, newCellLabel, func(id widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(matchText(b.matches[id]))
	})
	b.list.OnSelected = func(id widget.ListItemID) { b.pick(b.matches[id].ID) }
	b.list.Hide()
	b.card = widget.NewLabel(noBuyerText)
	b.card.Wrapping = fyne.TextWrapWord
	return b
}

// buildUI returns the picker; below is shown under the buyer's card (the
// buyer's messages), in the place of the search results.
func (b *buyerPicker) buildUI(below fyne.CanvasObject) fyne.CanvasObject {
	card := container.NewVBox(b.card, below)
	return container.NewBorder(b.search, nil, nil, nil, withMinHeight(container.NewStack(card, b.list), 118))
}

func matchText(c domain.CustomerSummary) string {
	parts := []string{c.Name}
	for _, p := range []string{c.TaxNumber, c.City} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// buyerText is the card of the picked customer: name, tax numbers, address.
func buyerText(c *domain.Customer) string {
	numbers := []string{}
	for _, n := range []string{c.TaxNumber, c.EUVATNumber} {
		if n != "" {
			numbers = append(numbers, n)
		}
	}
	lines := []string{c.Name}
	if len(numbers) > 0 {
		lines = append(lines, "Adószám: "+strings.Join(numbers, ", "))
	}
	a := c.BillingAddress
	addr := strings.TrimSpace(a.PostalCode + " " + a.City + ", " + a.Street)
	if a.Country != "" && a.Country != "HU" {
		addr = a.Country + "-" + addr
	}
	return strings.Join(append(lines, addr), "\n")
}

func (b *buyerPicker) onSearch(text string) {
	b.seq++
	if strings.TrimSpace(text) == "" {
		b.card.SetText(noBuyerText)
		if b.picked != nil {
			b.card.SetText(buyerText(b.picked))
		}
		b.showCard()
		return
	}
	seq := b.seq
	b.async(func() {
		ctx := context.Background()
		ids, err := b.customers.CustomerIDs(ctx, domain.CustomerQuery{Search: text, Sort: domain.SortByName})
		var rows []domain.CustomerSummary
		if err == nil {
			rows, err = b.customers.CustomerSummaries(ctx, ids[:min(len(ids), maxBuyerMatches)])
		}
		fyne.Do(func() {
			if seq != b.seq {
				return
			}
			if err != nil {
				showError(b.win, "search buyers", err)
				return
			}
			b.matches = rows
			b.list.UnselectAll()
			b.list.Refresh()
			b.list.ScrollToTop()
			if len(rows) == 0 {
				b.card.SetText("Nincs ilyen vevő a nyilvántartásban. Új vevőt a Vevők fülön lehet felvenni.")
				b.showCard()
				return
			}
			b.card.Hide()
			b.list.Show()
		})
	})
}

func (b *buyerPicker) showCard() {
	b.list.Hide()
	b.card.Show()
}

// pick reads the whole customer (the list has only its summary), shows it
// and clears the search.
func (b *buyerPicker) pick(id int64) {
	b.async(func() {
		c, err := b.customers.CustomerByID(context.Background(), id)
		fyne.Do(func() {
			if err != nil {
				showError(b.win, "read buyer", err)
				return
			}
			b.picked = c
			b.search.SetText("")
			b.onSearch("") // shows the card of c, whether or not SetText changed the text
			b.onPicked()
		})
	})
}

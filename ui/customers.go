package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// customerPage is how many list rows are read from the database at once.
const customerPage = 100

// customerColumns are the list's columns: header, width and sort field.
var customerColumns = []struct {
	title string
	width float32
	sort  domain.CustomerSortField
	value func(domain.CustomerSummary) string
}{
	{"Név", 320, domain.SortByName, func(s domain.CustomerSummary) string { return s.Name }},
	{"Adószám", 150, domain.SortByTaxNumber, func(s domain.CustomerSummary) string { return s.TaxNumber }},
	{"Város", 170, domain.SortByCity, func(s domain.CustomerSummary) string { return s.City }},
	{"E-mail", 250, domain.SortByEmail, func(s domain.CustomerSummary) string { return s.Email }},
	// The MiniCRM link of a linked customer (crmviewLinkText, when the panel
	// is wired); a tap opens the customer's MiniCRM view. Not sortable.
	{crmviewColumnTitle, 100, "", nil},
}

// customersScreen is the Vevők tab: a searchable, sortable list over the
// whole register. It keeps only the matching ids in memory and reads the
// rows a page at a time as the table shows them, so 100 000 customers open
// as fast as 100.
type customersScreen struct {
	win   fyne.Window
	svc   domain.CustomerService
	async func(func()) // runs queries off the UI goroutine; tests run them inline

	search       *widget.Entry
	showArchived *widget.Check
	table        *customerTable
	count        *widget.Label
	editButton   *widget.Button
	deleteButton *widget.Button
	archiveBtn   *widget.Button

	query    domain.CustomerQuery
	ids      []int64
	rows     map[int64]domain.CustomerSummary
	selected int // row index, -1 for none
	querySeq int // discards results of superseded searches
	lastForm *customerForm

	// history backs the form's Előzmények button; syncTools are the
	// Szinkronizálás buttons, syncStatus the progress of a running sync.
	// window.go sets them (nil: left out).
	history    domain.CustomerHistory
	syncTools  fyne.CanvasObject
	syncStatus fyne.CanvasObject
	// crmview opens the MiniCRM view of a linked customer (nil: no link).
	crmview *crmviewPanel
}

func newCustomersScreen(w fyne.Window, svc domain.CustomerService) *customersScreen {
	return &customersScreen{
		win: w, svc: svc, async: func(f func()) { go f() },
		query: domain.CustomerQuery{Sort: domain.SortByName}, rows: map[int64]domain.CustomerSummary{}, selected: -1,
	}
}

func (s *customersScreen) buildUI() fyne.CanvasObject {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Keresés név, adószám, város vagy e-mail szerint (Ctrl+F)")
	s.search.OnChanged = s.onSearchChanged
	s.showArchived = widget.NewCheck("Archiváltak is", s.onShowArchivedChanged)
	s.count = widget.NewLabel("")

	s.table = newCustomerTable(s.tableSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, s.updateCell, s.histOnEdit)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	s.table.UpdateHeader = s.updateHeader
	s.table.OnSelected = func(id widget.TableCellID) {
		s.selected = id.Row
		s.updateButtons()
		if row, ok := s.row(id.Row); ok && s.crmview != nil && row.MiniCRMID != 0 &&
			id.Col >= 0 && id.Col < len(customerColumns) && customerColumns[id.Col].title == crmviewColumnTitle {
			s.crmview.open(row)
		}
	}
	s.table.OnUnselected = func(widget.TableCellID) { s.selected = -1; s.updateButtons() }
	for i, col := range customerColumns {
		s.table.SetColumnWidth(i, col.width)
	}

	newButton := widget.NewButtonWithIcon("Új vevő", theme.ContentAddIcon(), s.onNew)
	newButton.Importance = widget.HighImportance
	s.editButton = widget.NewButtonWithIcon("Szerkesztés", theme.DocumentCreateIcon(), s.histOnEdit)
	s.deleteButton = widget.NewButtonWithIcon("Törlés", theme.DeleteIcon(), s.onDelete)
	s.archiveBtn = widget.NewButton("Archiválás", s.onArchive)
	s.updateButtons()

	tools := container.NewHBox(s.showArchived, newButton, s.editButton, s.archiveBtn, s.deleteButton)
	if s.syncTools != nil {
		tools.Add(s.syncTools)
	}
	toolbar := container.NewBorder(nil, nil, nil, tools, s.search)
	s.reload()
	var bottom fyne.CanvasObject = s.count
	if s.syncStatus != nil {
		bottom = container.NewBorder(nil, nil, s.count, nil, s.syncStatus)
	}
	return container.NewBorder(toolbar, bottom, nil, nil, s.table)
}

func (s *customersScreen) tableSize() (int, int) { return len(s.ids), len(customerColumns) }

func (s *customersScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	row, ok := s.row(id.Row)
	if !ok {
		label.SetText("")
		return
	}
	label.TextStyle.Italic = row.Archived
	label.Importance = widget.MediumImportance
	if customerColumns[id.Col].value == nil {
		text := ""
		if s.crmview != nil && row.MiniCRMID != 0 {
			text = crmviewLinkText
			label.Importance = widget.HighImportance
		}
		label.SetText(text)
		return
	}
	label.SetText(customerColumns[id.Col].value(row))
}

func (s *customersScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	col := customerColumns[id.Col]
	b.SetText(col.title)
	if col.sort == "" {
		b.SetIcon(nil)
		b.OnTapped = nil
		return
	}
	switch {
	case s.query.Sort != col.sort:
		b.SetIcon(nil)
	case s.query.Desc:
		b.SetIcon(theme.MoveDownIcon())
	default:
		b.SetIcon(theme.MoveUpIcon())
	}
	b.OnTapped = func() { s.onSort(col.sort) }
}

// row returns the summary shown in list row r, reading its page on demand.
func (s *customersScreen) row(r int) (domain.CustomerSummary, bool) {
	if r < 0 || r >= len(s.ids) {
		return domain.CustomerSummary{}, false
	}
	if sum, ok := s.rows[s.ids[r]]; ok {
		return sum, true
	}
	start := r - r%customerPage
	end := min(start+customerPage, len(s.ids))
	page, err := s.svc.CustomerSummaries(context.Background(), s.ids[start:end])
	if err != nil {
		fyne.LogError("read customer rows", err)
		return domain.CustomerSummary{}, false
	}
	for _, sum := range page {
		s.rows[sum.ID] = sum
	}
	sum, ok := s.rows[s.ids[r]]
	return sum, ok
}

// reload runs the current query in the background and shows its result
// unless a newer query has been started meanwhile.
func (s *customersScreen) reload() {
	s.querySeq++
	seq, q := s.querySeq, s.query
	s.async(func() {
		ids, err := s.svc.CustomerIDs(context.Background(), q)
		fyne.Do(func() {
			if seq != s.querySeq {
				return
			}
			if err != nil {
				showError(s.win, "search customers", err)
				return
			}
			s.ids, s.rows, s.selected = ids, map[int64]domain.CustomerSummary{}, -1
			s.table.UnselectAll()
			s.table.Refresh()
			s.table.ScrollToTop()
			s.count.SetText(fmt.Sprintf("%d vevő", len(ids)))
			s.updateButtons()
		})
	})
}

func (s *customersScreen) onSearchChanged(text string) {
	s.query.Search = text
	s.reload()
}

func (s *customersScreen) onShowArchivedChanged(on bool) {
	s.query.IncludeArchived = on
	s.reload()
}

func (s *customersScreen) onSort(field domain.CustomerSortField) {
	if s.query.Sort == field {
		s.query.Desc = !s.query.Desc
	} else {
		s.query.Sort, s.query.Desc = field, false
	}
	s.reload()
}

func (s *customersScreen) updateButtons() {
	row, ok := s.row(s.selected)
	for _, b := range []*widget.Button{s.editButton, s.deleteButton, s.archiveBtn} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && row.Archived {
		s.archiveBtn.SetText("Visszaállítás")
	} else {
		s.archiveBtn.SetText("Archiválás")
	}
}

package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// histDialog is the Előzmények of a customer: every version an update
// overwrote, newest first, with what changed after it. Visszaállítás puts
// the chosen version into the customer form, where the user checks it and
// saves it (so the version it replaces goes into the history too).
type histDialog struct {
	dlg      *dialog.CustomDialog
	list     *widget.List
	details  *widget.Label
	restore  *widget.Button
	versions []domain.CustomerVersion
	selected int
}

func histNewDialog(w fyne.Window, current domain.Customer, versions []domain.CustomerVersion, onRestore func(domain.Customer)) *histDialog {
	d := &histDialog{versions: versions, selected: -1, details: widget.NewLabel("")}
	d.details.Wrapping = fyne.TextWrapWord
	d.list = widget.NewList(func() int { return len(d.versions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			v := d.versions[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s  %s — %s", syncTimeText(v.At), v.Reason.Label(), v.Customer.Name))
		})
	d.list.OnSelected = func(i widget.ListItemID) {
		d.selected = i
		newer := current
		if i > 0 {
			newer = d.versions[i-1].Customer
		}
		d.details.SetText(histChangesText(d.versions[i].Customer, newer))
		d.restore.Enable()
	}
	d.restore = widget.NewButtonWithIcon("Visszaállítás", theme.HistoryIcon(), func() {
		if d.selected < 0 {
			return
		}
		c := d.versions[d.selected].Customer
		// The link to MiniCRM and the archive flag are not part of a version.
		c.ID, c.MiniCRMID, c.Archived = current.ID, current.MiniCRMID, current.Archived
		d.dlg.Hide()
		onRestore(c)
	})
	d.restore.Disable()
	var content fyne.CanvasObject = container.NewVSplit(d.list, container.NewVScroll(d.details))
	if len(versions) == 0 {
		content = widget.NewLabel("Ennek a vevőnek még nincs korábbi változata.")
	}
	d.dlg = dialog.NewCustomWithoutButtons("Előzmények – "+current.Name, content, w)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Bezárás", d.dlg.Hide), d.restore})
	d.dlg.Resize(fyne.NewSize(720, 480))
	return d
}

func (d *histDialog) show() { d.dlg.Show() }

// histChangesText says how an old version differs from the newer one.
func histChangesText(old, newer domain.Customer) string {
	var lines []string
	for _, f := range domain.DiffCustomers(&old, &newer) {
		lines = append(lines, fmt.Sprintf("%s: %s → %s", f.Label, syncValue(f.Old), syncValue(f.New)))
	}
	if old.Note != newer.Note {
		lines = append(lines, fmt.Sprintf("Megjegyzés: %s → %s", syncValue(old.Note), syncValue(newer.Note)))
	}
	if len(lines) == 0 {
		return "Ebben a változatban a mostanihoz képest nem volt más adat (például csak a MiniCRM-kapcsolat jött létre)."
	}
	return "Ebben a változatban más volt:\n" + strings.Join(lines, "\n")
}

// histOnEdit opens the edit form, with an Előzmények button when the
// history is wired.
func (s *customersScreen) histOnEdit() {
	s.lastForm = nil
	s.onEdit()
	if s.history == nil || s.lastForm == nil || s.lastForm.original.ID == 0 {
		return
	}
	s.lastForm.histAttach(s.win, s.history, s.async)
}

// histAttach adds the Előzmények button to an open customer form.
func (f *customerForm) histAttach(w fyne.Window, svc domain.CustomerHistory, async func(func())) {
	btn := widget.NewButtonWithIcon("Előzmények", theme.HistoryIcon(), nil)
	btn.OnTapped = func() {
		id := f.original.ID
		async(func() {
			versions, err := svc.CustomerHistory(context.Background(), id)
			fyne.Do(func() {
				if err != nil {
					showError(w, "read customer history", err)
					return
				}
				f.history = histNewDialog(w, f.original, versions, f.histRestore)
				f.history.show()
			})
		})
	}
	f.buttons.Objects = append([]fyne.CanvasObject{btn}, f.buttons.Objects...)
	f.buttons.Refresh()
}

// histRestore fills the form with an old version, to be saved by Mentés.
func (f *customerForm) histRestore(c domain.Customer) {
	f.original = c
	f.fill()
	for key := range f.entries {
		f.touched[key] = true // show at once what the old version lacks
	}
	f.validate()
}

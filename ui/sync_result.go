package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// syncResultDialog shows what a run did: the counts, the errors as
// sentences, the conflicts, and the weak matches, each with a
// Szétválasztás button that undoes it.
type syncResultDialog struct {
	dlg       *dialog.CustomDialog
	text      *widget.Label
	separate  map[int64]*widget.Button // by local customer id
	separated map[int64]*widget.Label
}

func syncNewResult(w fyne.Window, rep *domain.SyncReport, err error, onSeparate func(id int64, done func(error))) *syncResultDialog {
	d := &syncResultDialog{separate: map[int64]*widget.Button{}, separated: map[int64]*widget.Label{}}
	title := "Szinkronizálás kész"
	switch {
	case rep.Cancelled:
		title = "Szinkronizálás megszakítva"
	case err != nil || len(rep.Errors) > 0:
		title = "Szinkronizálás – hibák"
	}
	text := syncReportText(*rep)
	if err != nil {
		text = domain.ErrorMessage(err) + "\n\n" + text
	}
	d.text = widget.NewLabel(text)
	d.text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(d.text)
	if len(rep.WeakMatches) > 0 {
		box.Add(widget.NewLabelWithStyle("Gyenge egyezések (csak a cím alapján)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, m := range rep.WeakMatches {
			box.Add(d.weakRow(m, onSeparate))
		}
	}
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(box), w)
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Bezárás", d.dlg.Hide)})
	d.dlg.Resize(fyne.NewSize(760, 520))
	return d
}

func (d *syncResultDialog) show() { d.dlg.Show() }

func (d *syncResultDialog) weakRow(m domain.ReportMatch, onSeparate func(int64, func(error))) fyne.CanvasObject {
	row, btn, status := syncWeakRow(m, onSeparate)
	d.separate[m.Local.ID], d.separated[m.Local.ID] = btn, status
	return row
}

// syncWeakRow is a weak match with its Szétválasztás button and a status
// line, for the result dialog and the Szinkronizációs napló.
func syncWeakRow(m domain.ReportMatch, onSeparate func(int64, func(error))) (fyne.CanvasObject, *widget.Button, *widget.Label) {
	label := widget.NewLabel(fmt.Sprintf("MiniCRM: %s = helyi: %s", m.MiniCRM.Name, m.Local.Name))
	label.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	var btn *widget.Button
	btn = widget.NewButton("Szétválasztás", func() {
		btn.Disable()
		onSeparate(m.Local.ID, func(err error) {
			if err != nil {
				btn.Enable()
				status.SetText(domain.ErrorMessage(err))
				return
			}
			status.SetText("Szétválasztva: a helyi vevő visszakapta korábbi adatait, a MiniCRM-vevő külön vevő lett.")
		})
	})
	status.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, status, nil, btn, label), btn, status
}

// syncReportText writes a report as the result dialog and the log show it.
func syncReportText(r domain.SyncReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "MiniCRM → KönnyűSzámla: %d új, %d módosított, %d változatlan vevő.\n", r.Created, r.Updated, r.Unchanged)
	if r.Demo {
		b.WriteString("KönnyűSzámla → MiniCRM: kimaradt (demó rendszer).\n")
	} else {
		fmt.Fprintf(&b, "KönnyűSzámla → MiniCRM: %d új vevő, %d összekapcsolva keresés alapján, %d módosítás elküldve.\n",
			r.PushedNew, r.Linked, r.PushedUpdates)
	}
	fmt.Fprintf(&b, "Ütközés: %d, gyenge egyezés: %d, HTTP-kérés: %d.\n", len(r.Conflicts), len(r.WeakMatches), r.Requests)
	if len(r.Errors) > 0 {
		b.WriteString("\nHibák:\n")
		for _, e := range r.Errors {
			b.WriteString("  • " + e + "\n")
		}
	}
	if len(r.Conflicts) > 0 {
		b.WriteString("\nÜtközések:\n")
		for _, c := range r.Conflicts {
			b.WriteString("  • " + syncConflictText(c) + "\n")
		}
	}
	if len(r.Warnings) > 0 {
		b.WriteString("\nFigyelmeztetések:\n")
		for _, w := range r.Warnings {
			b.WriteString("  • " + w + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func syncConflictText(c domain.ReportConflict) string {
	var locals []string
	for _, l := range c.Local {
		locals = append(locals, l.Name)
	}
	kind := c.Kind.Label()
	switch c.Kind {
	case domain.ConflictField:
		return fmt.Sprintf("%s: %s (%s); a MiniCRM értéke érvényes, a helyi az Előzmények között.",
			c.MiniCRM.Name, kind, syncFieldsText(c.Fields))
	case domain.ConflictSearch:
		return fmt.Sprintf("%s: %s (%s), ezért nem hoztuk létre.", strings.Join(locals, ", "), kind, c.MiniCRM.Name)
	case domain.ConflictClaimed:
		return fmt.Sprintf("%s: %s (helyi: %s; %s); döntésre vár.", c.MiniCRM.Name, kind, strings.Join(locals, ", "), c.Rule.Label())
	}
	return fmt.Sprintf("%s: %s (%s: %s); döntésre vár.", c.MiniCRM.Name, kind, c.Rule.Label(), strings.Join(locals, ", "))
}

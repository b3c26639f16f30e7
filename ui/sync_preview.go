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

// Choices of a conflict's Select besides the candidates.
const (
	syncChoiceLater    = "Később döntök (most kimarad)"
	syncChoiceSeparate = "Külön vevő marad (új vevő lesz)"
)

// syncPreviewDialog shows what a run will do before anything is written:
// counts and lists of new local customers, updates with their fields,
// customers going to MiniCRM, conflicts (each with a choice: link to a
// candidate, keep separate, or decide later) and weak matches (each can
// be refused). Alkalmaz carries it out with the choices made.
type syncPreviewDialog struct {
	dlg       *dialog.CustomDialog
	p         *domain.SyncPreview
	summary   *widget.Label
	tabs      *container.AppTabs
	choices   map[int64]*widget.Select // conflicts, by MiniCRM id
	weak      map[int64]*widget.Check  // weak matches, by MiniCRM id
	applyBtn  *widget.Button
	cancelBtn *widget.Button
}

func syncNewPreview(w fyne.Window, p *domain.SyncPreview, onApply func(domain.SyncResolutions), onDiscard func()) *syncPreviewDialog {
	d := &syncPreviewDialog{p: p, choices: map[int64]*widget.Select{}, weak: map[int64]*widget.Check{}}
	d.summary = widget.NewLabel(syncSummaryText(p))
	d.summary.Wrapping = fyne.TextWrapWord
	d.tabs = container.NewAppTabs(container.NewTabItem("Összesítés", container.NewVScroll(d.summary)))
	d.addLists()
	d.dlg = dialog.NewCustomWithoutButtons("Szinkronizálás – előnézet", d.tabs, w)
	d.cancelBtn = widget.NewButton("Mégse", func() {
		d.dlg.Hide()
		onDiscard()
	})
	d.applyBtn = widget.NewButton("Alkalmaz", func() {
		d.dlg.Hide()
		onApply(d.resolutions())
	})
	d.applyBtn.Importance = widget.HighImportance
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancelBtn, d.applyBtn})
	d.dlg.Resize(fyne.NewSize(860, 600))
	return d
}

func (d *syncPreviewDialog) show() { d.dlg.Show() }

// syncSummaryText is the Összesítés tab: what the run will do, in counts.
func syncSummaryText(p *domain.SyncPreview) string {
	weak := len(p.WeakMatches())
	var b strings.Builder
	kind := "Változások a legutóbbi szinkronizálás óta"
	if p.Full {
		kind = "Első (teljes) szinkronizálás"
	}
	fmt.Fprintf(&b, "%s. A MiniCRM-ből letöltve, %d kéréssel.\n\n", kind, p.Requests)
	b.WriteString("1. menet: MiniCRM → KönnyűSzámla\n")
	fmt.Fprintf(&b, "  • új vevő: %d\n  • módosuló vevő: %d (ebből gyenge egyezés: %d)\n  • változatlan: %d\n  • ütközés, döntésre vár: %d\n",
		len(p.New), len(p.Updates), weak, p.Unchanged, len(p.Conflicts))
	b.WriteString("\n2. menet: KönnyűSzámla → MiniCRM\n")
	if p.Demo {
		b.WriteString("  Demó rendszer: a program csak letölt, a MiniCRM-be nem ír semmit.\n")
	} else {
		fmt.Fprintf(&b, "  • új vevő a MiniCRM-ben: %d (létrehozás előtt megkeressük adószám, e-mail és név alapján)\n"+
			"  • módosítás küldése: %d\n", len(p.PushNew), len(p.PushUpdates))
		if len(p.Pending) > 0 {
			fmt.Fprintf(&b, "  • félbemaradt létrehozás, ellenőrizzük és befejezzük: %d\n", len(p.Pending))
		}
	}
	b.WriteString("\nA felülírt helyi adatok a vevő Előzményei között megmaradnak.")
	return b.String()
}

// addLists adds a tab for each non-empty part of the preview.
func (d *syncPreviewDialog) addLists() {
	p := d.p
	if len(p.New) > 0 {
		rows := make([]string, len(p.New))
		for i, r := range p.New {
			rows[i] = r.Customer.Name + syncPlace(r.Customer)
		}
		d.tabs.Append(container.NewTabItem(fmt.Sprintf("Új vevők (%d)", len(p.New)), syncTextList(rows)))
	}
	var updates []string
	for _, u := range p.Updates {
		if !u.Weak() {
			updates = append(updates, syncUpdateText(u))
		}
	}
	if len(updates) > 0 {
		d.tabs.Append(container.NewTabItem(fmt.Sprintf("Módosítások (%d)", len(updates)), syncTextList(updates)))
	}
	if !p.Demo && len(p.PushNew)+len(p.PushUpdates) > 0 {
		var rows []string
		for _, c := range p.PushNew {
			rows = append(rows, "Új: "+c.Name+syncPlace(c))
		}
		for _, u := range p.PushUpdates {
			rows = append(rows, "Módosítás: "+u.Customer.Name+" — "+syncFieldsText(u.Fields))
		}
		d.tabs.Append(container.NewTabItem(fmt.Sprintf("MiniCRM-be (%d)", len(rows)), syncTextList(rows)))
	}
	if len(p.Conflicts) > 0 {
		d.tabs.Append(container.NewTabItem(fmt.Sprintf("Ütközések (%d)", len(p.Conflicts)), d.conflictsUI()))
	}
	if weak := p.WeakMatches(); len(weak) > 0 {
		d.tabs.Append(container.NewTabItem(fmt.Sprintf("Gyenge egyezések (%d)", len(weak)), d.weakUI(weak)))
	}
	if len(p.Warnings) > 0 {
		d.tabs.Append(container.NewTabItem(fmt.Sprintf("Figyelmeztetések (%d)", len(p.Warnings)), syncTextList(p.Warnings)))
	}
}

// syncTextList is a list of (possibly thousands of) one-line texts.
func syncTextList(rows []string) fyne.CanvasObject {
	return widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[i]) })
}

func syncPlace(c domain.Customer) string {
	a := c.BillingAddress
	if a.IsZero() {
		return " (nincs cím)"
	}
	return " (" + strings.TrimSpace(a.PostalCode+" "+a.City+", "+a.Street) + ")"
}

func syncUpdateText(u domain.SyncUpdate) string {
	text := u.LocalName + " — " + syncFieldsText(u.Merge.Changes)
	if len(u.Merge.Conflicts) > 0 {
		text += "  [ütközés: mindkét helyen változott, a MiniCRM értéke érvényes]"
	}
	return text + "  (egyezés: " + u.Rule.Label() + ")"
}

func syncFieldsText(fs []domain.FieldChange) string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s: %s → %s", f.Label, syncValue(f.Old), syncValue(f.New)))
	}
	if len(parts) == 0 {
		return "összekapcsolás, adatváltozás nélkül"
	}
	return strings.Join(parts, "; ")
}

func syncValue(v string) string {
	if v == "" {
		return "(üres)"
	}
	return "„" + v + "”"
}

// conflictsUI lists the conflicts, each with its choice.
func (d *syncPreviewDialog) conflictsUI() fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range d.p.Conflicts {
		options := []string{syncChoiceLater}
		for _, cand := range c.Candidates {
			options = append(options, "Összekapcsolás: "+cand.Name+syncPlace(cand)+" #"+itoa64(cand.ID))
		}
		options = append(options, syncChoiceSeparate)
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		d.choices[c.Remote.ID] = sel
		why := syncCapitalize(c.Kind.Label()) + " (" + c.Rule.Label() + ")."
		text := widget.NewLabel("MiniCRM: " + c.Remote.Customer.Name + syncPlace(c.Remote.Customer) + "\n" + why)
		text.Wrapping = fyne.TextWrapWord
		box.Add(widget.NewCard("", "", container.NewVBox(text, sel)))
	}
	return container.NewVScroll(box)
}

// syncCapitalize upper-cases the first letter of s.
func syncCapitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// weakUI lists the weak matches, each accepted unless unticked.
func (d *syncPreviewDialog) weakUI(weak []domain.SyncUpdate) fyne.CanvasObject {
	intro := widget.NewLabel("Ezeket csak a cím alapján párosítottuk. Vegye ki a pipát, ha nem ugyanaz a vevő: " +
		"akkor külön vevő lesz. Alkalmazás után is szétválaszthatók.")
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(intro)
	for _, u := range weak {
		check := widget.NewCheck(fmt.Sprintf("MiniCRM: %s = helyi: %s%s", u.Remote.Customer.Name, u.LocalName,
			syncPlace(u.Remote.Customer)), nil)
		check.SetChecked(true)
		d.weak[u.Remote.ID] = check
		box.Add(check)
	}
	return container.NewVScroll(box)
}

// resolutions reads the choices made in the dialog.
func (d *syncPreviewDialog) resolutions() domain.SyncResolutions {
	res := domain.SyncResolutions{}
	for _, c := range d.p.Conflicts {
		sel := d.choices[c.Remote.ID]
		switch i := sel.SelectedIndex(); {
		case i <= 0:
		case i == len(sel.Options)-1:
			res[c.Remote.ID] = domain.SyncChoice{Separate: true}
		default:
			res[c.Remote.ID] = domain.SyncChoice{LinkTo: c.Candidates[i-1].ID}
		}
	}
	for id, check := range d.weak {
		if !check.Checked {
			res[id] = domain.SyncChoice{Separate: true}
		}
	}
	return res
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// formField is one labelled entry of the form, keyed by its domain field.
type formField struct {
	key, label, placeholder string
}

// labelledEntries lays fields out as a form: each label beside its entry,
// with the field's error label under the entry. It puts the entries and
// their error labels into entries and errLabels by key; typing into an
// entry calls changed with its key, and Enter calls submit.
func labelledEntries(fields []formField, entries map[string]*widget.Entry, errLabels map[string]*widget.Label,
	changed func(key string), submit func()) *fyne.Container {
	g := container.New(layout.NewFormLayout())
	for _, field := range fields {
		e := widget.NewEntry()
		e.SetPlaceHolder(field.placeholder)
		key := field.key
		e.OnChanged = func(string) { changed(key) }
		e.OnSubmitted = func(string) { submit() }
		entries[key] = e
		errLabels[key] = newErrLabel()
		g.Add(widget.NewLabel(field.label))
		g.Add(container.NewVBox(e, errLabels[key]))
	}
	return g
}

func newErrLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

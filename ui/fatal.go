package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowFatal fills w with an error the app cannot start past (such as a
// database it must not open) and a button that closes the app.
func ShowFatal(w fyne.Window, message string) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle("A KönnyűSzámla nem tud elindulni", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	quit := widget.NewButtonWithIcon("Kilépés", theme.CancelIcon(), w.Close)
	w.SetContent(container.NewPadded(container.NewBorder(title, container.NewHBox(layout.NewSpacer(), quit), nil, nil, msg)))
	w.Resize(fyne.NewSize(560, 240))
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// showError logs err in full and shows the user its Hungarian message:
// the domain message for coded errors, a generic sentence otherwise.
func showError(w fyne.Window, context string, err error) {
	fyne.LogError(context, err)
	dialog.ShowCustom("Hiba", "Bezárás", messageLabel(domain.ErrorMessage(err)), w)
}

// showInfo shows a short Hungarian message with a close button.
func showInfo(w fyne.Window, title, message string) {
	dialog.ShowCustom(title, "Bezárás", messageLabel(message), w)
}

// confirm asks a yes/no question with Hungarian buttons.
func confirm(w fyne.Window, title, message, yes string, onYes func()) {
	d := dialog.NewCustomConfirm(title, yes, "Mégse", messageLabel(message), func(ok bool) {
		if ok {
			onYes()
		}
	}, w)
	d.Show()
}

func messageLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	// A wrapping label needs a width; dialogs otherwise shrink it to one word.
	return l
}

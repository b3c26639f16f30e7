package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fixedWidthLayout gives its objects one fixed width (and their own minimum
// height), so that a Select or Entry in an HBox neither shrinks to its
// placeholder nor grows with its text.
type fixedWidthLayout struct{ width float32 }

func (l *fixedWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l *fixedWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// columnsLayout lays out one row of cells side by side, like a table row
// whose columns line up with the rows above and below: each column has a
// fixed width except the flexible one (width 0), which takes what is left
// but never less than flexMin.
type columnsLayout struct {
	widths  []float32
	flexMin float32
}

func (l *columnsLayout) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 0
}

func (l *columnsLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, h := float32(0), float32(0)
	for i, o := range objects {
		cw := l.width(i)
		if cw == 0 {
			cw = max(l.flexMin, o.MinSize().Width)
		}
		w += cw
		h = max(h, o.MinSize().Height)
	}
	if n := len(objects); n > 1 {
		w += pad * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

func (l *columnsLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed := pad * float32(max(len(objects)-1, 0))
	for i := range objects {
		fixed += l.width(i)
	}
	flex := max(size.Width-fixed, l.flexMin)
	x := float32(0)
	for i, o := range objects {
		cw := l.width(i)
		if cw == 0 {
			cw = flex
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(cw, size.Height))
		x += cw + pad
	}
}

// withMinHeight keeps o at least h tall, e.g. a list that would otherwise
// shrink to a single row.
func withMinHeight(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(spacer, o)
}

// setMessage shows msg in an error label, or hides the label when msg is
// empty.
func setMessage(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

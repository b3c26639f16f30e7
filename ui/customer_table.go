package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// customerTable is a widget.Table that opens the selected row on Enter.
type customerTable struct {
	widget.Table
	onEnter func()
}

var _ fyne.Focusable = (*customerTable)(nil)

func newCustomerTable(length func() (int, int), create func() fyne.CanvasObject,
	update func(widget.TableCellID, fyne.CanvasObject), onEnter func()) *customerTable {
	t := &customerTable{onEnter: onEnter}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey opens the selected customer on Enter and leaves the arrow keys
// and Space to the table.
func (t *customerTable) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		t.onEnter()
		return
	}
	t.Table.TypedKey(ev)
}

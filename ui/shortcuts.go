package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcutAction is a window-wide command with a Ctrl (Cmd on macOS) key.
type shortcutAction struct {
	label  string
	key    fyne.KeyName
	action func()
}

// EnableShortcuts adds the window-wide commands to the canvas and sets the
// Fájl menu holding them. The desktop driver gives main-menu shortcuts
// priority over the focused widget, so Ctrl+Q quits even from inside a
// form; the canvas shortcuts serve where no menu is shown (the test
// driver). Call it once the main content is shown, never over the login.
func (m *Main) EnableShortcuts(w fyne.Window) {
	w.SetMainMenu(shortcutMenu(w, m.actions))
}

func shortcutMenu(w fyne.Window, actions []shortcutAction) *fyne.MainMenu {
	items := make([]*fyne.MenuItem, 0, len(actions)+1)
	for i, act := range actions {
		sc := &desktop.CustomShortcut{KeyName: act.key, Modifier: fyne.KeyModifierShortcutDefault}
		run := act.action
		w.Canvas().AddShortcut(sc, func(fyne.Shortcut) { run() })
		item := fyne.NewMenuItem(act.label, run)
		item.Shortcut = sc
		if i == len(actions)-1 && act.key == fyne.KeyQ {
			item.IsQuit = true
			items = append(items, fyne.NewMenuItemSeparator())
		}
		items = append(items, item)
	}
	return fyne.NewMainMenu(fyne.NewMenu("Fájl", items...))
}

package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"konnyuszamla/domain"
)

// msgScreen is the Üzenetek tab: the messages the original service sent by
// e-mail (the order with its activation link, the successful activation),
// newest first, and the selected one's text with its link as a button.
type msgScreen struct {
	p *subPanel

	list    *widget.List
	empty   *widget.Label
	subject *widget.Label
	when    *widget.Label
	body    *widget.Label
	action  *widget.Button
	used    *widget.Label // why a message's link is no longer offered

	detail   *container.Scroll // the shown message
	msgs     []domain.Message
	selected int64 // the id of the message shown, 0 for none
}

func msgNewScreen(p *subPanel) *msgScreen { return &msgScreen{p: p} }

func (s *msgScreen) buildUI() fyne.CanvasObject {
	s.list = widget.NewList(func() int { return len(s.msgs) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, s.updateItem)
	s.list.OnSelected = func(i widget.ListItemID) { s.open(i) }
	s.empty = widget.NewLabel("Nincs üzenet.")
	s.subject = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.subject.Wrapping = fyne.TextWrapWord
	s.when = widget.NewLabel("")
	s.body = widget.NewLabel("Válasszon egy üzenetet a listából.")
	s.body.Wrapping = fyne.TextWrapWord
	s.action = widget.NewButton("", s.onAction)
	s.action.Importance = widget.HighImportance
	s.action.Hide()
	s.used = widget.NewLabel("")
	s.used.Wrapping = fyne.TextWrapWord
	s.used.TextStyle.Italic = true
	s.used.Hide()

	s.detail = container.NewVScroll(container.NewVBox(s.subject, s.when, s.body, container.NewHBox(s.action), s.used))
	split := container.NewHSplit(container.NewStack(s.empty, s.list), container.NewPadded(s.detail))
	split.Offset = 0.4
	return split
}

// updateItem writes one list row: unread messages are bold with a dot.
func (s *msgScreen) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if i < 0 || i >= len(s.msgs) {
		l.SetText("")
		return
	}
	m := s.msgs[i]
	mark := "   "
	if !m.Read {
		mark = "● "
	}
	l.TextStyle.Bold = !m.Read
	l.SetText(mark + msgTime(m) + "  " + m.Subject)
}

// msgTime is a message's local time, "2026.11.27. 10:30".
func msgTime(m domain.Message) string {
	t := m.Time.Local()
	return domain.DateOf(t).FormatHU() + " " + t.Format("15:04")
}

// show replaces the list, keeping the selected message open.
func (s *msgScreen) show(msgs []domain.Message) {
	s.msgs = msgs
	if len(msgs) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	s.list.Refresh()
	for i, m := range msgs {
		if m.ID == s.selected {
			// New messages arrive on top: move the highlight with the
			// open message (selecting the same row again does nothing).
			s.list.Select(i)
			s.showDetail(m)
		}
	}
}

// open shows message i and marks it read.
func (s *msgScreen) open(i widget.ListItemID) {
	if i < 0 || i >= len(s.msgs) {
		return
	}
	m := s.msgs[i]
	s.selected = m.ID
	s.showDetail(m)
	if m.Read {
		return
	}
	s.p.async(func() {
		err := s.p.svc.MarkMessageRead(context.Background(), m.ID)
		fyne.Do(func() {
			if err != nil {
				showError(s.p.win, "mark message read", err)
				return
			}
			s.p.refresh()
		})
	})
}

func (s *msgScreen) showDetail(m domain.Message) {
	s.subject.SetText(m.Subject)
	s.when.SetText(msgTime(m))
	s.body.SetText(m.Body)
	note := s.linkUsed(m)
	if m.Action.IsZero() || note != "" {
		s.action.Hide()
	} else {
		s.action.SetText(m.Action.Label())
		s.action.Show()
	}
	s.used.SetText(note)
	if note == "" {
		s.used.Hide()
	} else {
		s.used.Show()
	}
	s.detail.Refresh() // lay out the button and the note that came or went
}

// linkUsed says why the message's Aktiválás is no longer offered: the
// plan is no longer waiting for activation (it was activated, through
// this link or the other way, or cancelled). "" while the link works.
func (s *msgScreen) linkUsed(m domain.Message) string {
	if m.Action.Kind != domain.ActionActivate {
		return ""
	}
	e, ok := s.p.entry(m.Action.Plan)
	if !ok {
		return "" // not loaded yet; the activation itself checks again
	}
	switch e.Sub.State {
	case domain.StateOrdered:
		return ""
	case domain.StateActive:
		return "Az aktiváló linket már nem kell használnia: a szolgáltatás aktív."
	case domain.StateCancelled:
		return "Ez az aktiváló link már nem érvényes, mert az előfizetést lemondta. " +
			"Ha újra használná a szolgáltatást, rendelje meg újra az Előfizetések lapon."
	}
	return "Ez az aktiváló link már nem érvényes."
}

// onAction follows the shown message's link while it is valid.
func (s *msgScreen) onAction() {
	for _, m := range s.msgs {
		if m.ID == s.selected && m.Action.Kind == domain.ActionActivate && s.linkUsed(m) == "" {
			s.p.showActivation(m.Action.Plan)
		}
	}
}

// openMessage switches to Üzenetek and opens the message id.
func (p *subPanel) openMessage(id int64) {
	if p.tabs != nil {
		p.tabs.Select(p.msgsTab)
	}
	for i, m := range p.msgs.msgs {
		if m.ID == id {
			p.msgs.list.Select(i)
		}
	}
}

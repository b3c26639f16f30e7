package crm

import (
	"context"
	"fmt"
	"time"
)

// ToDo is a task ("teendő") on a card.
type ToDo struct {
	ProjectID int64  // required
	UserID    int64  // responsible user; or User by name
	User      string //
	Comment   string
	Type      string    // task type label, tenant-specific
	Deadline  time.Time // zero: MiniCRM's default
	Duration  int       // minutes
	Reminder  int       // minutes before the deadline
	AddressID int64
}

// CreateToDo adds a task to a card and returns its id. It is a PUT (the
// manual says POST, which the live API answers with 405). Like every create
// it is never retried once it may have been sent.
func (c *Client) CreateToDo(ctx context.Context, t ToDo) (int64, error) {
	if t.ProjectID <= 0 {
		return 0, fmt.Errorf("create todo: project id is required")
	}
	m := map[string]any{"ProjectId": t.ProjectID}
	switch {
	case t.UserID != 0:
		m["UserId"] = t.UserID
	case t.User != "":
		m["UserId"] = t.User
	}
	setIf(m, "Comment", t.Comment)
	setIf(m, "Type", t.Type)
	if !t.Deadline.IsZero() {
		m["Deadline"] = FormatTime(t.Deadline)
	}
	if t.Duration > 0 {
		m["Duration"] = t.Duration
	}
	if t.Reminder > 0 {
		m["Reminder"] = t.Reminder
	}
	if t.AddressID != 0 {
		m["AddressId"] = t.AddressID
	}
	// The trailing slash is how the live API and every client spell it.
	id, err := c.create(ctx, "/Api/R3/ToDo/", m)
	if err != nil {
		return 0, fmt.Errorf("create todo on project %d: %w", t.ProjectID, err)
	}
	return id, nil
}

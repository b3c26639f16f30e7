package crm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"
)

// ToDoItem is a task as ToDoList returns it.
type ToDoItem struct {
	ID      int64
	Status  string // "Open" or "Closed"
	Comment string
}

type toDoItemDTO struct {
	ID      flexInt    `json:"Id"`
	Status  flexString `json:"Status"`
	Comment flexString `json:"Comment"`
}

// ToDos returns the tasks of a card, open and closed ones
// (GET /ToDoList/{projectId}?Status=All).
func (c *Client) ToDos(ctx context.Context, projectID int64) ([]ToDoItem, error) {
	var out []ToDoItem
	err := c.get(ctx, fmt.Sprintf("/Api/R3/ToDoList/%d", projectID), url.Values{"Status": {"All"}}, func(b []byte) error {
		var env searchEnvelope
		if err := json.Unmarshal(b, &env); err != nil {
			return err
		}
		entries, err := resultEntries(env.Results)
		if err != nil {
			return err
		}
		for _, e := range entries {
			var d toDoItemDTO
			if err := json.Unmarshal(e.raw, &d); err != nil {
				return err
			}
			it := ToDoItem{ID: int64(d.ID), Status: string(d.Status), Comment: string(d.Comment)}
			if it.ID == 0 {
				it.ID = e.keyID()
			}
			out = append(out, it)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list todos of project %d: %w", projectID, err)
	}
	return out, nil
}

// ToDoStatus returns the Status of one task ("Open" or "Closed").
func (c *Client) ToDoStatus(ctx context.Context, id int64) (string, error) {
	var status string
	err := c.get(ctx, fmt.Sprintf("/Api/R3/ToDo/%d", id), nil, func(b []byte) error {
		var d toDoItemDTO
		if err := json.Unmarshal(b, &d); err != nil {
			return err
		}
		status = string(d.Status)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("get todo %d: %w", id, err)
	}
	return status, nil
}

// CloseToDo closes an open task, dated at (the entry then sits in the
// card's history at that date). Closing a task that is already closed is
// not an error: MiniCRM refuses changes to closed tasks, so the state is
// read back when it refuses.
func (c *Client) CloseToDo(ctx context.Context, id int64, at time.Time) error {
	body := map[string]any{"Status": "Closed"}
	if !at.IsZero() {
		body["ClosedAt"] = FormatTime(at)
	}
	err := c.update(ctx, "/Api/R3/ToDo", id, body)
	if errors.Is(err, ErrBadRequest) {
		if st, gerr := c.ToDoStatus(ctx, id); gerr == nil && st == "Closed" {
			return nil
		}
	}
	if err != nil {
		return fmt.Errorf("close todo %d: %w", id, err)
	}
	return nil
}

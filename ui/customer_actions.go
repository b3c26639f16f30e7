package ui

import (
	"context"

	"konnyuszamla/domain"
)

func (s *customersScreen) onNew() { s.openNew() }

// openNew opens the form of a new customer and returns it.
func (s *customersScreen) openNew() *customerForm {
	s.lastForm = showCustomerForm(s.win, domain.Customer{Kind: domain.KindCompany}, func(c *domain.Customer) error {
		if err := s.svc.CreateCustomer(context.Background(), c); err != nil {
			return err
		}
		s.reload()
		return nil
	})
	return s.lastForm
}

func (s *customersScreen) onEdit() {
	row, ok := s.row(s.selected)
	if !ok {
		return
	}
	c, err := s.svc.CustomerByID(context.Background(), row.ID)
	if err != nil {
		showError(s.win, "open customer", err)
		return
	}
	s.lastForm = showCustomerForm(s.win, *c, func(c *domain.Customer) error {
		if err := s.svc.UpdateCustomer(context.Background(), c); err != nil {
			return err
		}
		s.reload()
		return nil
	})
}

func (s *customersScreen) onDelete() {
	row, ok := s.row(s.selected)
	if !ok {
		return
	}
	confirm(s.win, "Vevő törlése", "Biztosan törli ezt a vevőt: "+row.Name+"?\nA törlés nem vonható vissza.", "Törlés", func() {
		err := s.svc.DeleteCustomer(context.Background(), row.ID)
		switch {
		case domain.ErrorCode(err) == domain.EConflict && !row.Archived:
			confirm(s.win, "Nem törölhető", domain.ErrorMessage(err)+"\nArchiválja most?", "Archiválás", func() {
				s.setArchived(row.ID, true)
			})
		case err != nil:
			showError(s.win, "delete customer", err)
		default:
			s.reload()
		}
	})
}

func (s *customersScreen) onArchive() {
	row, ok := s.row(s.selected)
	if !ok {
		return
	}
	s.setArchived(row.ID, !row.Archived)
}

func (s *customersScreen) setArchived(id int64, archived bool) {
	if err := s.svc.SetCustomerArchived(context.Background(), id, archived); err != nil {
		showError(s.win, "archive customer", err)
		return
	}
	s.reload()
}

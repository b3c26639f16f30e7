package crm

import (
	"context"

	"konnyuszamla/domain"
)

var _ domain.MiniCRMStatusLister = Connector{}

// ModuleStatuses implements domain.MiniCRMStatusLister: the statuses of a
// module's cards, from its card schema (GET /Api/R3/Schema/Project/ID;
// the category list of the connection test does not carry them).
func (c Connector) ModuleStatuses(ctx context.Context, s domain.MiniCRMSettings, apiKey string, module int64) ([]domain.MiniCRMStatus, error) {
	schema, err := c.projectSchema(ctx, s, apiKey, module)
	if err != nil {
		return nil, err
	}
	var out []domain.MiniCRMStatus
	for id, name := range schema.Statuses() {
		out = append(out, domain.MiniCRMStatus{ID: id, Name: name})
	}
	return out, nil
}

// projectSchema reads a module's card schema for the settings screen, with
// the connection test's timeout (a person is waiting for it).
func (c Connector) projectSchema(ctx context.Context, s domain.MiniCRMSettings, apiKey string, module int64) (*Schema, error) {
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return nil, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTestTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client, err := NewClient(Config{BaseURL: s.BaseURL, SystemID: s.SystemIDNumber(), APIKey: apiKey,
		UserAgent: c.UserAgent, HTTPClient: c.HTTPClient, Clock: c.Clock})
	if err != nil {
		return nil, err
	}
	return client.ProjectSchema(ctx, module)
}

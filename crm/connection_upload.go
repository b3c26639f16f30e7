package crm

import (
	"context"
	"slices"

	"konnyuszamla/domain"
)

var _ domain.UploadSchemaReader = Connector{}

// InvoiceModuleSchema implements domain.UploadSchemaReader: the card
// fields of the Számlák module (with their types and the labels of list
// fields) and its statuses, from GET /Api/R3/Schema/Project/<module>, for
// the field mapping of the MiniCRM beállítások tab.
func (c Connector) InvoiceModuleSchema(ctx context.Context, s domain.MiniCRMSettings, apiKey string, module int64) (domain.UploadModuleSchema, error) {
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return domain.UploadModuleSchema{}, err
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
		return domain.UploadModuleSchema{}, err
	}
	schema, err := client.ProjectSchema(ctx, module)
	if err != nil {
		return domain.UploadModuleSchema{}, err
	}
	return uploadModuleSchema(module, schema), nil
}

// uploadModuleSchema turns a card schema into what the mapping offers.
func uploadModuleSchema(module int64, schema *Schema) domain.UploadModuleSchema {
	fields := make([]domain.UploadModuleField, 0, len(schema.Fields))
	for name, f := range schema.Fields {
		uf := domain.UploadModuleField{Name: name, Type: f.Type}
		for _, label := range f.Options {
			uf.Options = append(uf.Options, label)
		}
		slices.Sort(uf.Options)
		fields = append(fields, uf)
	}
	return domain.NewUploadModuleSchema(module, fields, schema.Statuses())
}

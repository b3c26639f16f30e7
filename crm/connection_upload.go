package crm

import (
	"context"

	"konnyuszamla/domain"
)

var _ domain.UploadSchemaReader = Connector{}

// InvoiceModuleSchema implements domain.UploadSchemaReader: the card
// fields of the Számlák module (with their types and the labels of list
// fields) and its statuses, from GET /Api/R3/Schema/Project/<module>, for
// the field mapping of the MiniCRM beállítások tab.
func (c Connector) InvoiceModuleSchema(ctx context.Context, s domain.MiniCRMSettings, apiKey string, module int64) (domain.UploadModuleSchema, error) {
	schema, err := c.projectSchema(ctx, s, apiKey, module)
	if err != nil {
		return domain.UploadModuleSchema{}, err
	}
	return uploadModuleSchema(module, schema), nil
}

// uploadModuleSchema turns a card schema into what the mapping offers
// (NewUploadModuleSchema sorts the options).
func uploadModuleSchema(module int64, schema *Schema) domain.UploadModuleSchema {
	fields := make([]domain.UploadModuleField, 0, len(schema.Fields))
	for name, f := range schema.Fields {
		uf := domain.UploadModuleField{Name: name, Type: f.Type}
		for _, label := range f.Options {
			uf.Options = append(uf.Options, label)
		}
		fields = append(fields, uf)
	}
	return domain.NewUploadModuleSchema(module, fields, schema.Statuses())
}

package domain

import (
	"context"
	"slices"
	"strconv"
)

// UploadModuleField is a card field of the Számlák module that a document
// field can be mapped to: its API name, MiniCRM's type text ("Text(512)",
// "Int", "Date", "Enum", …) and, for a list field, its option labels.
type UploadModuleField struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Options []string `json:"options,omitempty"`
}

// UploadModuleSchema is what the mapping in settings offers: the Számlák
// module's own fields (the built-in card fields left out), sorted by name,
// and its statuses, sorted by name.
type UploadModuleSchema struct {
	Module   int64               `json:"module"`
	Fields   []UploadModuleField `json:"fields"`
	Statuses []MiniCRMStatus     `json:"statuses"`
}

// UploadSchemaReader is implemented by a MiniCRMConnector that reads the
// card schema of the Számlák module (GET Schema/Project/<module>).
type UploadSchemaReader interface {
	InvoiceModuleSchema(ctx context.Context, s MiniCRMSettings, apiKey string, module int64) (UploadModuleSchema, error)
}

// UploadMappableField reports whether a card field may receive a document
// field: the card's own fields (Name, StatusId, ReferenceId, …) are set by
// the upload itself and never mapped.
func UploadMappableField(name string) bool { return name != "" && !builtinCardFields[name] }

// NewUploadModuleSchema builds the schema of module from the card fields
// (API name → type; options of list fields) and the statuses (id → label)
// a connector read: built-in fields dropped, fields and statuses sorted.
func NewUploadModuleSchema(module int64, fields []UploadModuleField, statuses map[int64]string) UploadModuleSchema {
	out := UploadModuleSchema{Module: module}
	for _, f := range fields {
		if UploadMappableField(f.Name) {
			f.Options = slices.Clone(f.Options)
			slices.SortFunc(f.Options, compareFolded)
			out.Fields = append(out.Fields, f)
		}
	}
	slices.SortFunc(out.Fields, func(a, b UploadModuleField) int {
		if c := compareFolded(a.Name, b.Name); c != 0 {
			return c
		}
		return compareStrings(a.Name, b.Name)
	})
	for id, name := range statuses {
		out.Statuses = append(out.Statuses, MiniCRMStatus{ID: id, Name: name})
	}
	slices.SortFunc(out.Statuses, func(a, b MiniCRMStatus) int {
		if c := compareFolded(a.Name, b.Name); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// HasField reports whether the module has the card field name.
func (sc UploadModuleSchema) HasField(name string) bool {
	return slices.ContainsFunc(sc.Fields, func(f UploadModuleField) bool { return f.Name == name })
}

// HasStatus reports whether the module has the status given as an id (as
// UploadMapping.Status keeps it).
func (sc UploadModuleSchema) HasStatus(id string) bool {
	n, err := strconv.ParseInt(id, 10, 64)
	return err == nil && slices.ContainsFunc(sc.Statuses, func(st MiniCRMStatus) bool { return st.ID == n })
}

// AutoMapping is AutoUploadMapping over the schema: what the worker would
// derive on its own.
func (sc UploadModuleSchema) AutoMapping() UploadMapping {
	names := make(map[string]string, len(sc.Fields))
	for _, f := range sc.Fields {
		names[f.Name] = f.Name
	}
	statuses := make(map[int64]string, len(sc.Statuses))
	for _, st := range sc.Statuses {
		statuses[st.ID] = st.Name
	}
	return AutoUploadMapping(sc.Module, names, statuses)
}

// Prefill is the mapping the settings show for the module: the saved one
// when it was made for this module (fields and statuses the module no
// longer has dropped, as the worker would skip them), else AutoMapping.
// found says whether a saved mapping was used.
func (sc UploadModuleSchema) Prefill(saved UploadMapping, found bool) UploadMapping {
	if !found || saved.Module != sc.Module {
		return sc.AutoMapping()
	}
	m := UploadMapping{Module: sc.Module, Fields: map[UploadField]string{}, Status: map[UploadStatusKind]string{}, Auto: saved.Auto}
	for f, api := range saved.Fields {
		if sc.HasField(api) {
			m.Fields[f] = api
		}
	}
	for k, st := range saved.Status {
		if sc.HasStatus(st) {
			m.Status[k] = st
		}
	}
	return m
}

// UploadStatusKinds lists the three document states in settings order.
func UploadStatusKinds() []UploadStatusKind {
	return []UploadStatusKind{UploadUnpaid, UploadPaidState, UploadCancelled}
}

// InvoiceModuleSchema reads the card schema of the Számlák module with s
// and key (or the stored key of s.SystemID when key is empty). ok is false
// when the connector cannot read it.
func (m *MiniCRMService) InvoiceModuleSchema(ctx context.Context, s MiniCRMSettings, key string, module int64) (sc UploadModuleSchema, ok bool, err error) {
	reader, ok := m.Connector.(UploadSchemaReader)
	if !ok || module == 0 {
		return sc, ok, nil
	}
	s.Normalize()
	if err := s.ValidateConnection(); err != nil {
		return sc, true, err
	}
	if key == "" {
		if key, err = m.APIKey(ctx, s.SystemID); err != nil {
			return sc, true, err
		}
	}
	sc, err = reader.InvoiceModuleSchema(ctx, s, key, module)
	if err != nil {
		return UploadModuleSchema{}, true, m.explain(err)
	}
	return NewUploadModuleSchema(module, sc.Fields, statusMap(sc.Statuses)), true, nil
}

func statusMap(sts []MiniCRMStatus) map[int64]string {
	out := make(map[int64]string, len(sts))
	for _, st := range sts {
		out[st.ID] = st.Name
	}
	return out
}

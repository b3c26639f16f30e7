package crm

import (
	"encoding/json"
	"time"
)

// StatusGroup is one of the four groups every status belongs to. Success is
// the "Vevők" (customers) group of the sales module.
type StatusGroup string

// The status groups (HU UI: Feltérképezés, Értékesítés, Vevők, Adatbázis).
const (
	GroupLead    StatusGroup = "Lead"
	GroupOpen    StatusGroup = "Open"
	GroupSuccess StatusGroup = "Success"
	GroupFailed  StatusGroup = "Failed"
)

// Project is a MiniCRM card ("adatlap") in a category. Search results and
// the detail differ: lists give StatusID and UserID, the detail gives the
// Status label and the User name instead (resolve them with ProjectSchema).
type Project struct {
	ID         int64
	CategoryID int64 // from the detail, or from the filter on searches
	ContactID  int64 // the main contact (a person or a company)
	BusinessID int64
	Name       string
	StatusID   int64
	Status     string // status label (detail); on create an alternative to StatusID
	// StatusGroup is known only for search results filtered by a group; the
	// API does not return it.
	StatusGroup StatusGroup
	UserID      int64
	User        string // responsible user's name (detail); on create an alternative to UserID
	Deleted     bool   // in the trash
	ReferenceID string // external id, for finding a card this app created
	IsPrivate   bool
	ProjectHash string
	// ProjectEmail is the card's own inbox: mail sent there is filed on it.
	ProjectEmail                          string
	StatusUpdatedAt, CreatedAt, UpdatedAt time.Time
	CreatedBy, UpdatedBy                  string
	// Fields holds the custom fields (enums as labels on the detail).
	Fields map[string]Value
}

type projectDTO struct {
	ID              flexInt    `json:"Id"`
	CategoryID      flexInt    `json:"CategoryId"`
	ContactID       flexInt    `json:"ContactId"`
	BusinessID      flexInt    `json:"BusinessId"`
	Name            flexString `json:"Name"`
	StatusID        idOrLabel  `json:"StatusId"`
	UserID          idOrLabel  `json:"UserId"`
	Deleted         flexBool   `json:"Deleted"`
	ReferenceID     flexString `json:"ReferenceId"`
	IsPrivate       flexBool   `json:"IsPrivate"`
	ProjectHash     flexString `json:"ProjectHash"`
	ProjectEmail    flexString `json:"ProjectEmail"`
	StatusUpdatedAt miniTime   `json:"StatusUpdatedAt"`
	CreatedBy       flexString `json:"CreatedBy"`
	CreatedAt       miniTime   `json:"CreatedAt"`
	UpdatedBy       flexString `json:"UpdatedBy"`
	UpdatedAt       miniTime   `json:"UpdatedAt"`
}

var projectKnown = keySet("Id", "CategoryId", "ContactId", "BusinessId", "Name", "StatusId", "UserId",
	"Deleted", "ReferenceId", "IsPrivate", "ProjectHash", "ProjectEmail", "StatusUpdatedAt", "CreatedBy",
	"CreatedAt", "UpdatedBy", "UpdatedAt", "Url", "Invited")

func (d *projectDTO) project() Project {
	return Project{
		ID: int64(d.ID), CategoryID: int64(d.CategoryID), ContactID: int64(d.ContactID),
		BusinessID: int64(d.BusinessID), Name: string(d.Name),
		StatusID: d.StatusID.ID, Status: d.StatusID.Label, UserID: d.UserID.ID, User: d.UserID.Label,
		Deleted: bool(d.Deleted), ReferenceID: string(d.ReferenceID), IsPrivate: bool(d.IsPrivate),
		ProjectHash: string(d.ProjectHash), ProjectEmail: string(d.ProjectEmail),
		StatusUpdatedAt: time.Time(d.StatusUpdatedAt), CreatedAt: time.Time(d.CreatedAt),
		UpdatedAt: time.Time(d.UpdatedAt), CreatedBy: string(d.CreatedBy), UpdatedBy: string(d.UpdatedBy),
	}
}

func decodeProject(b []byte) (Project, error) {
	var d projectDTO
	if err := json.Unmarshal(b, &d); err != nil {
		return Project{}, err
	}
	p := d.project()
	fields, err := splitFields(b, projectKnown)
	if err != nil {
		return Project{}, err
	}
	p.Fields = fields
	return p, nil
}

// createBody is the JSON of PUT /Project for p.
func (p *Project) createBody() map[string]any {
	m := make(map[string]any, len(p.Fields)+8)
	for k, v := range p.Fields {
		m[k] = v
	}
	m["CategoryId"] = p.CategoryID
	m["ContactId"] = p.ContactID
	if p.BusinessID != 0 {
		m["BusinessId"] = p.BusinessID
	}
	setIf(m, "Name", p.Name)
	// StatusId and UserId take an id or the label shown in the UI.
	switch {
	case p.StatusID != 0:
		m["StatusId"] = p.StatusID
	case p.Status != "":
		m["StatusId"] = p.Status
	}
	switch {
	case p.UserID != 0:
		m["UserId"] = p.UserID
	case p.User != "":
		m["UserId"] = p.User
	}
	setIf(m, "ReferenceId", p.ReferenceID)
	return m
}

// ProjectPatch is a partial update of a card; nil fields stay as they are.
// Set StatusID or Status (a label), not both; the same for UserID and User.
type ProjectPatch struct {
	Name        *string
	StatusID    *int64
	Status      *string
	UserID      *int64
	User        *string
	ContactID   *int64 // move the card to another contact
	BusinessID  *int64 // with ContactID: to a contact of another company
	Deleted     *bool  // move to or restore from the trash
	ReferenceID *string
	// Fields are custom fields by API name. A File field takes a public URL,
	// which MiniCRM downloads.
	Fields map[string]any
}

func (p *ProjectPatch) body() map[string]any {
	m := make(map[string]any, len(p.Fields)+4)
	for k, v := range p.Fields {
		m[k] = v
	}
	setPtr(m, "Name", p.Name)
	setPtr(m, "StatusId", p.Status)
	setPtr(m, "StatusId", p.StatusID)
	setPtr(m, "UserId", p.User)
	setPtr(m, "UserId", p.UserID)
	setPtr(m, "ContactId", p.ContactID)
	setPtr(m, "BusinessId", p.BusinessID)
	setPtr(m, "ReferenceId", p.ReferenceID)
	if p.Deleted != nil {
		m["Deleted"] = boolInt(*p.Deleted)
	}
	return m
}

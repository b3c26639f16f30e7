package minicrmtest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Contact is a seeded or stored contact. Type is "Business" or "Person".
type Contact struct {
	ID                 int64
	Type               string
	Name               string // Business
	FirstName          string // Person
	LastName           string // Person
	Email              string
	Phone              string
	VatNumber          string
	EUVatNumber        string
	RegistrationNumber string
	BankAccount        string
	Url                string // website
	Description        string
	BusinessID         int64 // Person: their company
	Deleted            bool
	Fields             map[string]any // custom fields (enum values as option ids)
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// contactText are the text fields of a contact record, in detail order.
var contactText = []string{"Name", "FirstName", "LastName", "Email", "Phone", "Description", "Url",
	"BankAccount", "Swift", "RegistrationNumber", "VatNumber", "EUVatNumber", "GroupIdentificationNumber",
	"Industry", "Region", "MainActivity", "Position"}

var contactInt = []string{"Employees", "YearlyRevenue", "FoundingYear", "Capital", "BusinessId", "Deleted"}

var contactAudit = []string{"Id", "Type", "Tags", "CreatedBy", "CreatedAt", "UpdatedBy", "UpdatedAt"}

func contactBase() []string { return slices.Concat(contactText, contactInt, contactAudit) }

// AddContact stores a contact and returns its id.
func (s *Server) AddContact(c Contact) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == 0 {
		s.nextContact++
		c.ID = s.nextContact
	}
	now := s.nowText()
	r := record{"Id": c.ID, "Type": c.Type, "Name": c.Name, "FirstName": c.FirstName, "LastName": c.LastName,
		"Email": c.Email, "Phone": c.Phone, "VatNumber": c.VatNumber, "EUVatNumber": c.EUVatNumber,
		"RegistrationNumber": c.RegistrationNumber, "BankAccount": c.BankAccount, "Url": c.Url,
		"Description": c.Description, "BusinessId": c.BusinessID, "Deleted": boolInt(c.Deleted),
		"CreatedBy": "Demo User", "CreatedAt": stamp(c.CreatedAt, now), "UpdatedBy": "Demo User",
		"UpdatedAt": stamp(c.UpdatedAt, now)}
	for k, v := range c.Fields {
		r[k] = v
	}
	s.contacts[c.ID] = r
	return c.ID
}

// Contacts returns every stored contact in id order.
func (s *Server) Contacts() []Contact {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Contact, 0, len(s.contacts))
	for _, id := range sortedIDs(s.contacts) {
		r := s.contacts[id]
		out = append(out, Contact{ID: id, Type: r.str("Type"), Name: r.str("Name"), FirstName: r.str("FirstName"),
			LastName: r.str("LastName"), Email: r.str("Email"), Phone: r.str("Phone"), VatNumber: r.str("VatNumber"),
			EUVatNumber: r.str("EUVatNumber"), RegistrationNumber: r.str("RegistrationNumber"),
			BankAccount: r.str("BankAccount"), Url: r.str("Url"), Description: r.str("Description"),
			BusinessID: r.int("BusinessId"), Deleted: r.int("Deleted") != 0, Fields: r.custom(contactBase()),
			CreatedAt: r.time("CreatedAt"), UpdatedAt: r.time("UpdatedAt")})
	}
	return out
}

func (s *Server) handleContact(w http.ResponseWriter, r *http.Request, args []string) {
	switch {
	case r.Method == http.MethodGet && len(args) == 0:
		s.searchContacts(w, r)
	case r.Method == http.MethodGet:
		id, ok := parseID(args)
		s.mu.Lock()
		rec, found := s.contacts[id]
		var body map[string]any
		if found {
			body = s.contactDetail(rec)
		}
		s.mu.Unlock()
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		s.writeJSON(w, http.StatusOK, body)
	case r.Method == http.MethodPut:
		s.putContact(w, r, args)
	default:
		s.methodNotAllowed(w, "Contact", r.Method)
	}
}

// contactName is the display name: a company's Name, a person's "First Last".
func contactName(r record) string {
	if r.str("Type") == "Person" {
		return strings.TrimSpace(r.str("FirstName") + " " + r.str("LastName"))
	}
	return r.str("Name")
}

func (s *Server) searchContacts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	base := contactBase()
	if name, ok := checkParams(q, func(k string) bool {
		switch k {
		case "Page", "Query", "UpdatedSince", "MainContactId":
			return true
		}
		_, custom := s.contactFields[k]
		return slices.Contains(base, k) || custom
	}); !ok {
		s.writeText(w, http.StatusBadRequest, errBadParam("Contact", "GET", name))
		return
	}
	since, hasSince := parseSince(q.Get("UpdatedSince"))
	var ids []int64
	for _, id := range sortedIDs(s.contacts) {
		rec := s.contacts[id]
		if s.contactMatches(rec, q, since, hasSince) {
			ids = append(ids, id)
		}
	}
	var items obj
	for _, id := range pageOf(q, ids) {
		rec := s.contacts[id]
		item := map[string]any{"Id": id, "Name": contactName(rec), "Url": apiURL("Contact", id),
			"Type": rec.str("Type"), "Email": rec.str("Email"), "Phone": rec.str("Phone")}
		if b := rec.int("BusinessId"); b != 0 {
			item["BusinessId"] = b
		}
		items = append(items, kv{strconv.FormatInt(id, 10), item})
	}
	s.searchResult(w, len(ids), items)
}

func (s *Server) contactMatches(rec record, q map[string][]string, since time.Time, hasSince bool) bool {
	for key, vals := range q {
		v := vals[0]
		switch key {
		case "Page":
		case "Name":
			if !matchName(contactName(rec), v) {
				return false
			}
		case "Email":
			if !strings.EqualFold(rec.str("Email"), strings.TrimSpace(v)) {
				return false
			}
		case "Phone":
			if !matchPhone(rec.str("Phone"), v) {
				return false
			}
		case "Query":
			var texts []string
			for _, k := range contactText {
				texts = append(texts, rec.str(k))
			}
			if !matchQuery(texts, v) {
				return false
			}
		case "UpdatedSince":
			if !hasSince || !rec.time("UpdatedAt").After(since) {
				return false
			}
		case "MainContactId":
			if strconv.FormatInt(rec.int("BusinessId"), 10) != v {
				return false
			}
		default:
			if !s.fieldEquals(rec, key, v, s.contactFields[key].Options) {
				return false
			}
		}
	}
	return true
}

// fieldEquals is MiniCRM's exact field search, on the value or an enum label.
func (s *Server) fieldEquals(rec record, key, v string, options map[int64]string) bool {
	if rec.str(key) == v {
		return true
	}
	if options != nil {
		return strings.EqualFold(options[rec.int(key)], v)
	}
	return false
}

// contactDetail is the full record as GET /Contact/{id} shows it.
func (s *Server) contactDetail(rec record) map[string]any {
	out := map[string]any{}
	for k, v := range rec {
		if f, ok := s.contactFields[k]; ok && f.Options != nil {
			v = f.Options[rec.int(k)] // enums read back as labels
		}
		out[k] = v
	}
	for _, k := range contactText {
		if _, ok := out[k]; !ok {
			out[k] = ""
		}
	}
	for _, k := range contactInt {
		if _, ok := out[k]; !ok {
			out[k] = int64(0)
		}
	}
	out["Tags"] = []any{}
	if rec.str("Type") == "Person" {
		delete(out, "Name")
	} else {
		delete(out, "FirstName")
		delete(out, "LastName")
		delete(out, "BusinessId")
		delete(out, "Position")
	}
	if s.opts.LocalizedTypes {
		out["Type"] = map[string]string{"Person": "Személy", "Business": "Cég"}[rec.str("Type")]
	}
	return out
}

package minicrmtest

import (
	"maps"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Address is a seeded or stored address. CountryID holds a country name,
// as in MiniCRM.
type Address struct {
	ID         int64
	ContactID  int64
	Type       string
	Name       string
	CountryID  string
	PostalCode string
	City       string
	County     string
	Address    string
	Default    bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

var addressText = []string{"Type", "Name", "CountryId", "PostalCode", "City", "County", "Address"}

// AddAddress stores an address and returns its id.
func (s *Server) AddAddress(a Address) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.ID == 0 {
		s.nextAddress++
		a.ID = s.nextAddress
	}
	now := s.nowText()
	s.addresses[a.ID] = record{"Id": a.ID, "ContactId": a.ContactID, "Type": a.Type, "Name": a.Name,
		"CountryId": a.CountryID, "PostalCode": a.PostalCode, "City": a.City, "County": a.County,
		"Address": a.Address, "Default": boolInt(a.Default), "CreatedBy": "Demo User",
		"CreatedAt": stamp(a.CreatedAt, now), "UpdatedBy": "Demo User", "UpdatedAt": stamp(a.UpdatedAt, now)}
	return a.ID
}

// Addresses returns every stored address in id order.
func (s *Server) Addresses() []Address {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Address, 0, len(s.addresses))
	for _, id := range sortedIDs(s.addresses) {
		r := s.addresses[id]
		out = append(out, Address{ID: id, ContactID: r.int("ContactId"), Type: r.str("Type"), Name: r.str("Name"),
			CountryID: r.str("CountryId"), PostalCode: r.str("PostalCode"), City: r.str("City"),
			County: r.str("County"), Address: r.str("Address"), Default: r.int("Default") != 0,
			CreatedAt: r.time("CreatedAt"), UpdatedAt: r.time("UpdatedAt")})
	}
	return out
}

// addressLabel is MiniCRM's list label "Name (PostalCode City Address)".
func addressLabel(r record) string {
	return r.str("Name") + " (" + r.str("PostalCode") + " " + r.str("City") + " " + r.str("Address") + ")"
}

func (s *Server) handleAddressList(w http.ResponseWriter, r *http.Request, args []string) {
	if r.Method != http.MethodGet {
		s.methodNotAllowed(w, "AddressList", r.Method)
		return
	}
	cid, ok := parseID(args)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, found := s.contacts[cid]; !ok || !found {
		s.writeText(w, http.StatusNotFound, "Not Found")
		return
	}
	structured := r.URL.Query().Get("Structured") == "1"
	var items obj
	for _, id := range sortedIDs(s.addresses) {
		a := s.addresses[id]
		if a.int("ContactId") != cid {
			continue
		}
		key := strconv.FormatInt(id, 10)
		if structured {
			items = append(items, kv{key, map[string]any{"Id": id, "Address": addressLabel(a), "Url": apiURL("Address", id)}})
		} else {
			items = append(items, kv{key, addressLabel(a)})
		}
	}
	s.searchResult(w, len(items), items)
}

func (s *Server) handleAddress(w http.ResponseWriter, r *http.Request, args []string) {
	switch r.Method {
	case http.MethodGet:
		id, ok := parseID(args)
		s.mu.Lock()
		a, found := s.addresses[id]
		s.mu.Unlock()
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		s.writeJSON(w, http.StatusOK, map[string]any(a))
	case http.MethodPut:
		s.putAddress(w, r, args)
	default:
		// Addresses cannot be deleted through the API.
		s.methodNotAllowed(w, "Address", r.Method)
	}
}

func (s *Server) putAddress(w http.ResponseWriter, r *http.Request, args []string) {
	const e, m = "Address", "PUT"
	body, err := readBody(r)
	if err != nil || len(body) == 0 {
		s.writeText(w, http.StatusBadRequest, errBadParam(e, m, "Data (JSON)"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	create := len(args) == 0
	rec := record{"Type": "", "Name": "", "CountryId": "", "PostalCode": "", "City": "", "County": "", "Address": "", "Default": int64(0)}
	if !create {
		id, ok := parseID(args)
		existing, found := s.addresses[id]
		if !ok || !found {
			s.writeText(w, http.StatusNotFound, "Not Found")
			return
		}
		rec = maps.Clone(existing)
	}
	for k, v := range body {
		switch {
		case k == "ContactId":
			cid, ok := integer(v)
			if _, found := s.contacts[cid]; !ok || !found {
				return400(s, w, errBadValue(e, m, text(v), k))
				return
			}
			if !create && cid != rec.int("ContactId") {
				return400(s, w, errBadParam(e, m, k))
				return
			}
			rec[k] = cid
		case k == "Default":
			d, ok := integer(v)
			if !ok {
				return400(s, w, errBadValue(e, m, text(v), k))
				return
			}
			rec[k] = boolInt(d != 0)
		case slices.Contains(addressText, k):
			rec[k] = text(v) // PostalCode may arrive as a number
		default:
			return400(s, w, errBadParam(e, m, k))
			return
		}
	}
	if rec.int("ContactId") == 0 {
		return400(s, w, errBadParam(e, m, "ContactId"))
		return
	}
	now := s.nowText()
	if create {
		s.nextAddress++
		rec["Id"] = s.nextAddress
		rec["CreatedBy"], rec["CreatedAt"] = "Demo User", now
	}
	rec["UpdatedBy"], rec["UpdatedAt"] = "Demo User", now
	id := rec.int("Id")
	if rec.int("Default") == 1 {
		// One default address per contact.
		for oid, other := range s.addresses {
			if oid != id && other.int("ContactId") == rec.int("ContactId") {
				other["Default"] = int64(0)
			}
		}
	}
	s.addresses[id] = rec
	s.writeJSON(w, http.StatusOK, map[string]any{"Id": id})
}

func return400(s *Server, w http.ResponseWriter, msg string) {
	s.writeText(w, http.StatusBadRequest, msg)
}

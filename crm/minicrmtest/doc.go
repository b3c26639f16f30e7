// Package minicrmtest is an in-process fake of the MiniCRM R3 API for tests,
// built on httptest.Server and following docs/minicrm-api.md §9.
//
// It keeps categories with statuses and status groups, users, schemas,
// contacts (Business and Person), addresses, cards (projects) with
// ReferenceId and Deleted, and todos, and it answers with MiniCRM's quirks:
// "Results": [] when empty and an object keyed by id otherwise, PHP-escaped
// JSON (\/ and \uXXXX), plain-text errors, naive Europe/Budapest timestamps,
// labels instead of ids on card details, and optionally ids as strings.
//
// It enforces Basic auth and the 60 requests per sliding minute limit on a
// fake Clock, and it can inject faults: the next N requests answered with
// 429, with 500, with 500 after the write was applied, with a dropped
// connection, or slowly. Every request is logged for assertions.
//
//	srv := minicrmtest.NewServer(t, minicrmtest.Options{})
//	sales := srv.AddCategory(minicrmtest.Category{Name: "Értékesítés", Statuses: …})
//	client := minicrmtest.NewClient(t, srv)
package minicrmtest

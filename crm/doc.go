// Package crm is the client of the MiniCRM R3 REST API (https://r3.minicrm.hu/Api/R3).
//
// The client is built for an offline-first desktop app that talks to a
// remote system it does not control:
//
//   - Every method takes a context and returns typed errors: use errors.Is
//     with ErrUnauthorized, ErrNotFound, ErrRateLimited, ErrUnavailable,
//     ErrOutcomeUnknown, ErrTLS, ErrBadRequest or ErrInvalidResponse, and
//     Explain for a Hungarian sentence to show the user.
//   - All requests of a Client share one Limiter, so the client never sends
//     more than 60 requests in any sliding 60 seconds (MiniCRM's limit).
//   - Reads and updates of a known id are retried with capped, jittered
//     exponential backoff; creates (PUT without an id) are never retried once
//     they may have reached the server, because MiniCRM has no upsert and a
//     duplicate customer is worse than a failure. Such failures match
//     ErrOutcomeUnknown: search (by ReferenceID, VAT number, e-mail) first.
//   - Responses are decoded tolerantly: ids as numbers or strings, "" for
//     zero, booleans as 0/1, naive Europe/Budapest timestamps, zero dates,
//     Results as {} keyed by id or [] when empty.
//
// The API key is sent only in the Authorization header. It never appears in
// an error text or a log line.
//
// The package crm/minicrmtest has an in-process fake MiniCRM for tests.
package crm

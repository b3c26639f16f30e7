package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an error so that callers can react without string matching.
type Code string

// Error codes. Their doc comments say when each is used.
const (
	// EInvalid: the user's input is wrong; the message says which field and why.
	EInvalid Code = "invalid"
	// ENotFound: the requested record does not exist.
	ENotFound Code = "not_found"
	// EConflict: the operation contradicts stored data (a duplicate, a record in use).
	EConflict Code = "conflict"
	// EUnavailable: a resource (database, keyring, network) cannot be used right now.
	EUnavailable Code = "unavailable"
	// EInternal: anything unexpected; details are logged, not shown.
	EInternal Code = "internal"
)

// Error is an error with a code and a message that is safe to show to the user.
// Validation errors also list every wrong field.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	// Err is the underlying cause, kept for errors.Is/As and logs; it is not
	// part of the user message.
	Err error
}

// FieldError says which field is wrong and why, in Hungarian.
type FieldError struct {
	Field   string // the JSON/CSV name of the field, e.g. "taxNumber"
	Label   string // the Hungarian label shown in the GUI, e.g. "Adószám"
	Message string // why it is wrong, e.g. "az ellenőrző számjegy hibás"
}

func (f FieldError) String() string { return f.Label + ": " + f.Message }

func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.String()
	}
	return e.Message + " " + strings.Join(parts, "; ")
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted user message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EInternal
	}
}

// ErrorMessage returns the user-safe text of err: the *Error's message with its
// field errors, or a generic Hungarian sentence for anything unexpected.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Error()
	default:
		return "Váratlan hiba történt. A részleteket a napló tartalmazza."
	}
}

// FieldErrors returns the field errors carried by err, if any.
func FieldErrors(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// fieldErrors collects validation failures and turns them into one *Error.
type fieldErrors []FieldError

func (fe *fieldErrors) add(field, label, msg string) {
	*fe = append(*fe, FieldError{Field: field, Label: label, Message: msg})
}

func (fe fieldErrors) err(message string) error {
	if len(fe) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Message: message, Fields: fe}
}

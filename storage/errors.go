package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/mattn/go-sqlite3"

	"konnyuszamla/domain"
)

// Sentinels for the ways opening the database can fail; the *domain.Error
// returned by Open wraps one of them.
var (
	ErrLocked        = errors.New("database is locked by another process")
	ErrUnreadable    = errors.New("database file cannot be read")
	ErrCorrupt       = errors.New("database file is corrupt")
	ErrNewerVersion  = errors.New("database was created by a newer version")
	ErrSchemaChanged = errors.New("an applied migration differs from this build's")
)

// classifyOpenError turns a low-level error met while opening into a
// *domain.Error whose message tells the user what happened and what to do.
func classifyOpenError(path string, err error) error {
	var se sqlite3.Error
	switch {
	case errors.As(err, new(*domain.Error)):
		return err
	case errors.Is(err, errCorrupt):
		return corruptError(path, err)
	case errors.As(err, &se):
		switch se.Code {
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: %v", ErrLocked, err),
				Message: "Az adatbázist (" + path + ") egy másik program zárolja. Zárja be a KönnyűSzámla másik példányát, majd próbálja újra."}
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return corruptError(path, err)
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm, sqlite3.ErrReadonly, sqlite3.ErrAuth, sqlite3.ErrIoErr:
			return unreadableError(path, err)
		}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrNotExist):
		return unreadableError(path, err)
	}
	return fmt.Errorf("open database %s: %w", path, err)
}

func corruptError(path string, err error) error {
	return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: %v", ErrCorrupt, err),
		Message: "Az adatbázis-fájl (" + path + ") sérült, ezért a program nem nyitja meg. " +
			"Semmit nem írt felül. Állítsa vissza a legutóbbi mentést a backups mappából."}
}

func unreadableError(path string, err error) error {
	return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: %v", ErrUnreadable, err),
		Message: "Az adatbázis-fájl (" + path + ") nem nyitható meg olvasásra és írásra. Ellenőrizze, hogy létezik-e a mappa, és van-e jogosultsága."}
}

func newerSchemaError(path string, have, know int) error {
	return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: schema %d, this build knows %d", ErrNewerVersion, have, know),
		Message: fmt.Sprintf("Az adatbázist (%s) a KönnyűSzámla egy újabb verziója hozta létre (sémaverzió: %d, ez a program: %d). Frissítse a programot; az adatokhoz nem nyúltunk.", path, have, know)}
}

func changedSchemaError(path, migration string) error {
	return &domain.Error{Code: domain.EUnavailable, Err: fmt.Errorf("%w: %s", ErrSchemaChanged, migration),
		Message: fmt.Sprintf("Az adatbázis (%s) szerkezete nem az, amit ez a programverzió vár (%s). Az adatokhoz nem nyúltunk; "+
			"használja azt a programverziót, amelyik létrehozta, vagy állítsa vissza a legutóbbi mentést.", path, migration)}
}

// formatError turns constraint failures of a write into domain conflicts.
func formatError(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		return err
	}
	// The driver does not always report the extended code (a deferred
	// foreign-key check comes back as plain SQLITE_CONSTRAINT), so the
	// message decides when the code does not.
	switch {
	case se.ExtendedCode == sqlite3.ErrConstraintForeignKey || strings.Contains(se.Error(), "FOREIGN KEY"):
		return &domain.Error{Code: domain.EConflict, Err: err,
			Message: "A művelet nem végezhető el, mert más adatok hivatkoznak erre a rekordra."}
	case strings.Contains(se.Error(), "customers.minicrm_id"):
		return &domain.Error{Code: domain.EConflict, Err: err,
			Message: "Ez a MiniCRM azonosító már egy másik vevőhöz tartozik."}
	}
	return err
}

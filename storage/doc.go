// Package storage implements the domain services on one local SQLite file
// (github.com/mattn/go-sqlite3): opening and checking the database, embedded
// forward-only migrations, the repositories and backups.
package storage

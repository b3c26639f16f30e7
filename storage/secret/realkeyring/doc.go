// Package realkeyring holds only the integration test of storage/secret
// against a real Secret Service. It is a package of its own because
// go-keyring's MockInit, used by storage/secret's unit tests, replaces the
// provider for the whole test binary and cannot be undone.
//
// Run it inside a private D-Bus session with an unlocked gnome-keyring:
//
//	scripts/with-keyring.sh env KONNYUSZAMLA_REAL_KEYRING=1 go test -race ./storage/secret/...
package realkeyring

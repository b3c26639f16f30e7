// Package domain holds KönnyűSzámla's types, their validation and the
// interfaces the storage, CRM and user-interface layers implement or use.
//
// It imports only the standard library. User-facing messages are Hungarian,
// because they are shown as they are in the GUI and on the command line.
package domain

//go:build unix

package storage

import (
	"errors"
	"syscall"
)

// syncProcessAlive reports whether process pid exists (signal 0 checks
// without sending anything).
func syncProcessAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

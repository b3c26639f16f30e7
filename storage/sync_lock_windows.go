//go:build windows

package storage

import "os"

// syncProcessAlive reports whether process pid exists: on Windows
// FindProcess opens the process, which fails when there is none.
func syncProcessAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

//go:build unix

package atomicfile

import (
	"errors"
	"syscall"
)

// running reports whether a process numbered pid is running (or may be:
// only a process that certainly does not exist is not).
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	return !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}

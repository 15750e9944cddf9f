//go:build unix

package generator

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has spent, user and system; -1
// where it cannot say.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return -1
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

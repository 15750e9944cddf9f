//go:build !unix

package generator

import "time"

// cpuTime cannot say the CPU time here (see cputime_unix_test.go).
func cpuTime() time.Duration { return -1 }

//go:build !linux

package browser

import "time"

// CPU is Chromium's CPU time (see cpu_linux.go); -1: unknown here.
func CPU() time.Duration { return -1 }

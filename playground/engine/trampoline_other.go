//go:build !linux && !js

package engine

import (
	"fmt"
	"os"
)

// runTrampoline refuses: a Sandbox starts the trampoline on Linux only.
func runTrampoline([]string) {
	fmt.Fprintln(os.Stderr, trampolineArg+" is for engine.Sandbox, which passes it on Linux only")
	os.Exit(2)
}

package engine

import (
	"os"
	"testing"
)

// The tests' sandboxed commands start this test binary as their
// trampoline.
func TestMain(m *testing.M) {
	Host()
	os.Exit(m.Run())
}

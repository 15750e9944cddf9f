package snippet

import (
	"os"
	"testing"

	"github.com/goexpert/gointernals/playground/engine"
)

// The tests' sandboxed programs start this test binary as their
// trampoline.
func TestMain(m *testing.M) {
	engine.Host()
	os.Exit(m.Run())
}

package engine

import (
	"runtime"
	"runtime/debug"

	"github.com/goexpert/gointernals/playground/symbols"
)

// The page's interpreter runs every program of a page in one process, so
// what a program sets of the process outlives it: debug.SetGCPercent(-1)
// left the collector off for every later program (and a later
// SetGCPercent(100) printed -1, where go run prints 100), as a write to a
// library's variable changed what later programs printed (symbols:
// RestoreVars). Each run starts from the process's settings as the
// engine found them, and from the library's variables as the first run
// found them.

// processSettings are what a program may set of the process through the
// library and read back.
type processSettings struct {
	gcPercent, maxStack, maxThreads, procs, mutexFraction int
	memoryLimit                                           int64
}

var settings = readSettings()

// readSettings reads them; the setters that have no reader return the
// setting they replace, and are set back at once.
func readSettings() processSettings {
	s := processSettings{
		procs:         runtime.GOMAXPROCS(0),
		mutexFraction: runtime.SetMutexProfileFraction(-1),
		memoryLimit:   debug.SetMemoryLimit(-1),
	}
	s.gcPercent = debug.SetGCPercent(100)
	debug.SetGCPercent(s.gcPercent)
	s.maxStack = debug.SetMaxStack(1 << 20)
	debug.SetMaxStack(s.maxStack)
	s.maxThreads = debug.SetMaxThreads(10000)
	debug.SetMaxThreads(s.maxThreads)
	return s
}

// restoreProcess gives the process back the settings the engine found,
// and the library's variables their values before the first run.
func restoreProcess() {
	s := settings
	debug.SetGCPercent(s.gcPercent)
	debug.SetMaxStack(s.maxStack)
	debug.SetMaxThreads(s.maxThreads)
	debug.SetMemoryLimit(s.memoryLimit)
	runtime.SetMutexProfileFraction(s.mutexFraction)
	if runtime.GOMAXPROCS(0) != s.procs {
		runtime.GOMAXPROCS(s.procs) // stops the world, unlike the rest
	}
	symbols.RestoreVars()
}

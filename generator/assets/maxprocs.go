package assets

// js/wasm's runtime.GOMAXPROCS keeps one P whatever it is asked (the
// browser gives Go one thread) and says so: runtime.GOMAXPROCS(4) then
// runtime.GOMAXPROCS(0) printed 1 in both engines where go run prints 4
// (a blind pass's program of the scheduler chapter, silent). The edits
// below make GOMAXPROCS keep the setting a program makes, return it as
// the previous one, and read it back, while one P runs as before;
// SetDefaultGOMAXPROCS forgets it. What one P changes, goroutines taking
// turns where go run's run at once, the page's note says.
var maxProcsEdits = []edit{
	{"func GOMAXPROCS(n int) int {\n\tif GOARCH == \"wasm\" && n > 1 {\n\t\tn = 1 // WebAssembly has no threads yet, so only one CPU is possible.\n\t}\n",
		"func GOMAXPROCS(n int) int {\n\tif GOARCH == \"wasm\" {\n\t\treturn wasmGOMAXPROCS(n)\n\t}\n"},
	{"func SetDefaultGOMAXPROCS() {\n",
		"func SetDefaultGOMAXPROCS() {\n\tif GOARCH == \"wasm\" {\n\t\tlock(&sched.lock)\n\t\twasmProcs = 0\n\t\tunlock(&sched.lock)\n\t}\n"},
}

const maxProcsTail = `
// wasmProcs is the setting a program made with GOMAXPROCS, 0 until it
// makes one: js/wasm runs one P whatever the setting. Written for the
// site's playground (generator/assets/maxprocs.go).
var wasmProcs int

// wasmGOMAXPROCS is GOMAXPROCS on js/wasm: it keeps n (n > 0) for the
// program to read back and returns the setting before it.
func wasmGOMAXPROCS(n int) int {
	lock(&sched.lock)
	ret := wasmProcs
	if ret == 0 {
		ret = int(gomaxprocs)
	}
	if n > 0 {
		wasmProcs = n
		sched.customGOMAXPROCS = true
	}
	unlock(&sched.lock)
	return ret
}
`

// maxProcsOverlay writes, for the interpreter's module, a copy of
// runtime/debug.go with maxProcsEdits (the exact engine's has them with
// numGoroutineOverlay's).
func maxProcsOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "runtime.GOMAXPROCS", "runtime/debug.go", maxProcsEdits, maxProcsTail)
}

// maxProcsMetricOverlay writes, for the exact engine's archives, a copy
// of runtime/metrics.go whose /sched/gomaxprocs:threads reads back the
// setting a program made, as runtime.GOMAXPROCS(0) does with
// maxProcsEdits: after runtime.GOMAXPROCS(4) the metric said 1 where go
// run says 4. The interpreter's library has no runtime/metrics.
func maxProcsMetricOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "the GOMAXPROCS metric", "runtime/metrics.go", []edit{
		{"\t\t\t\tout.scalar = uint64(gomaxprocs)\n", "\t\t\t\tout.scalar = uint64(gomaxprocs)\n\t\t\t\tif GOARCH == \"wasm\" && wasmProcs > 0 {\n\t\t\t\t\tout.scalar = uint64(wasmProcs) // the program's setting (generator/assets/maxprocs.go)\n\t\t\t\t}\n"},
	}, "")
}

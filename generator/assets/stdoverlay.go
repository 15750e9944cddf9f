package assets

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// stdOverlay writes, for go list's -overlay when the standard library's
// archives are built, the files that make a js/wasm program say what it
// says on Linux, where go run runs the programs the playground is
// compared with: the errno words (linuxErrnoOverlay) and the nil pointer
// dereference's signal line (linuxSignalOverlay); and the one that makes
// a write to standard output or error return without running other
// goroutines, as on Linux (syncOutputOverlay); the local zone's name
// (localZoneOverlay); os.Getpagesize (pageSizeOverlay); math.Exp's last
// bit (amd64ExpOverlay); runtime.NumGoroutine and GOMAXPROCS
// (numGoroutineOverlay, with maxProcsEdits, and its metric,
// maxProcsMetricOverlay); the newest goroutine first
// on one P (runnextOverlay, timerReadyOverlay). It returns the overlay's
// JSON path.
func stdOverlay(goroot, dir string) (string, error) {
	return writeOverlay(goroot, dir, "std.json", linuxErrnoOverlay, linuxSignalOverlay, syncOutputOverlay, localZoneOverlay, pageSizeOverlay, amd64ExpOverlay, numGoroutineOverlay, maxProcsMetricOverlay, runnextOverlay, timerReadyOverlay)
}

// engineOverlay writes, for go build's -overlay when the interpreter's
// module is built (BuildWasm), the files of the standard library that
// make what a program calls through the interpreter say what it says
// under go run: the local zone's name (localZoneOverlay), math.Exp's
// last bit (amd64ExpOverlay), the newest goroutine first
// (runnextOverlay: the interpreter's goroutines are its host's) and
// GOMAXPROCS read back (maxProcsOverlay); and go/build, flag and os/exec reduced to
// what yaegi reads of them (reducedOverlay); regexp reduced to the one
// expression yaegi compiles (oneRegexpOverlay); go/printer without doc comments' reformatting
// (docCommentOverlay); and more, replacements already written (the
// original's path to its copy's). It returns the overlay's JSON path.
func engineOverlay(goroot, dir string, more map[string]string) (string, error) {
	reduced, err := reducedOverlay(goroot, dir)
	if err != nil {
		return "", err
	}
	regexp, err := oneRegexpOverlay(goroot, dir)
	if err != nil {
		return "", err
	}
	maps.Copy(reduced, regexp)
	maps.Copy(reduced, more)
	return writeOverlayWith(goroot, dir, "engine.json", reduced, localZoneOverlay, amd64ExpOverlay, docCommentOverlay, runnextOverlay, timerReadyOverlay, maxProcsOverlay)
}

// docCommentOverlay writes, for the interpreter's module, a copy of
// go/printer/comment.go whose formatDocComment leaves a doc comment as
// written, as gofmt did before Go 1.19: the editor's Format (go/format)
// then formats every program as gofmt does but for the lists, code blocks
// and headings of doc comments, which gofmt re-indents. Its reformatting
// is all the module links go/doc/comment for (TestStdReductions fails
// if it comes back): without it the module was about 22 KB smaller
// gzipped (3,472,673 to 3,450,108 bytes with gzip -9, measured by hand on
// 2026-12-04; TestPlaygroundBudgets prints the size it holds to), room
// for the source pass's rewrites under issue 14's 3.5 MB. A Go release whose comment.go no longer declares
// formatDocComment so stops the build.
func docCommentOverlay(goroot, dir string) (orig, dst string, err error) {
	orig = filepath.Join(goroot, "src", "go", "printer", "comment.go")
	b, err := os.ReadFile(orig)
	if err != nil {
		return "", "", fmt.Errorf("the editor's Format: %w", err)
	}
	const decl = "func formatDocComment(list []*ast.Comment) []*ast.Comment {"
	if strings.Count(string(b), decl) != 1 || strings.Count(string(b), "\nfunc ") != 3 {
		return "", "", fmt.Errorf("the editor's Format: %s no longer holds formatDocComment and its two helpers alone (update generator/assets/stdoverlay.go for this Go release)", orig)
	}
	dst = filepath.Join(dir, "printer_comment.go")
	src := "package printer\n\nimport \"go/ast\"\n\n// formatDocComment leaves a doc comment as written (generator/assets/stdoverlay.go).\n" + decl + "\n\treturn list\n}\n"
	return orig, dst, os.WriteFile(dst, []byte(src), 0o644)
}

// writeOverlay writes each file's copy into dir and the overlay's JSON,
// named name, that replaces the originals with them.
func writeOverlay(goroot, dir, name string, writers ...func(goroot, dir string) (string, string, error)) (string, error) {
	return writeOverlayWith(goroot, dir, name, nil, writers...)
}

// writeOverlayWith is writeOverlay with replacements already made
// (original to copy, or to "" for a file left out).
func writeOverlayWith(goroot, dir, name string, made map[string]string, writers ...func(goroot, dir string) (string, string, error)) (string, error) {
	replace := maps.Clone(made)
	if replace == nil {
		replace = map[string]string{}
	}
	for _, write := range writers {
		orig, dst, err := write(goroot, dir)
		if err != nil {
			return "", err
		}
		replace[orig] = dst
	}
	j, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	name = filepath.Join(dir, name)
	return name, os.WriteFile(name, j, 0o644)
}

// edit replaces old, which must be in the file once, with new.
type edit struct{ old, new string }

// patch writes into dir a copy of the file at rel under GOROOT's src with
// each edit made and tail appended, for an overlay. A file whose text no
// longer holds an edit's old once fails the build, naming the file and
// what (the overlay's subject, for the message), rather than leaving a
// Go release's program unpatched.
func patch(goroot, dir, what, rel string, edits []edit, tail string) (orig, dst string, err error) {
	orig = filepath.Join(goroot, "src", filepath.FromSlash(rel))
	b, err := os.ReadFile(orig)
	if err != nil {
		return "", "", fmt.Errorf("%s: %w", what, err)
	}
	src := string(b)
	for _, e := range edits {
		if strings.Count(src, e.old) != 1 {
			return "", "", fmt.Errorf("%s: %s no longer has %q once (update its edits in generator/assets for this Go release)", what, orig, e.old)
		}
		src = strings.Replace(src, e.old, e.new, 1)
	}
	dst = filepath.Join(dir, filepath.Base(orig))
	return orig, dst, os.WriteFile(dst, []byte(src+tail), 0o644)
}

// Under GOOS=js the runtime has no signal names, so a nil pointer
// dereference (which it turns into a SIGSEGV panic, runtime/os_wasm.go)
// reports "[signal 0xb code=0x0 addr=0x0 pc=0x0]", where go run on Linux
// says "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0
// pc=0x…]". linuxSignalOverlay writes a copy of runtime/os_wasm.go whose
// signame names SIGSEGV in Linux's words (from sigtab_linux_generic.go)
// and whose sigpanic records the code Linux gives a fault at an unmapped
// address (SEGV_MAPERR, 1). The fault's address and pc stay js/wasm's
// (0): the wasm runtime does not know them.
func linuxSignalOverlay(goroot, dir string) (orig, dst string, err error) {
	tab, err := os.ReadFile(filepath.Join(goroot, "src", "runtime", "sigtab_linux_generic.go"))
	if err != nil {
		return "", "", fmt.Errorf("the signal words: %w", err)
	}
	m := regexp.MustCompile(`"(SIGSEGV: [^"]*)"`).FindSubmatch(tab)
	if m == nil {
		return "", "", fmt.Errorf("the signal words: sigtab_linux_generic.go names no SIGSEGV (update generator/assets/stdoverlay.go for this Go release)")
	}
	return patch(goroot, dir, "the signal words", "runtime/os_wasm.go", []edit{
		{"func signame(sig uint32) string {\n\treturn \"\"\n}", "func signame(sig uint32) string {\n\tif sig == _SIGSEGV {\n\t\treturn " + strconv.Quote(string(m[1])) + "\n\t}\n\treturn \"\"\n}"},
		{"\tgp.sig = _SIGSEGV\n", "\tgp.sig = _SIGSEGV\n\tgp.sigcode0 = 1 // SEGV_MAPERR, as Linux reports a fault at address 0\n"},
	}, "")
}

// Under GOOS=js the syscall package writes to standard output and error
// as to any file, with Node's fs.write and a callback (fsCall): the
// runner's file system calls it back within the write, and Go's runtime
// then parks the writer (runtime.handleEvent) and runs every other
// goroutine that can run before the write returns. A write is a
// scheduling point, as it is not on Linux: every line lets the other
// goroutines run, those that print too queue for os.Stdout's lock, and
// once main's sleep is over main is queued among them and ends the
// program with lines unprinted that go run prints well within the sleep
// (ten goroutines printing 50 lines each, main asleep 20 ms: 51 lines of
// 501 in Chromium, TestBrowserExactPrintingGoroutines).
//
// syncOutputOverlay writes a copy of syscall/fs_js.go whose Write gives
// fs.write, for fd 1 and 2, a callback of JavaScript's own that does
// nothing (Function.prototype) instead of a Go function: the runner's
// file system takes the bytes within the call, as before, and the write
// returns without running another goroutine, as on Linux. Files keep the
// Go callback. Every 1000th such write yields (runtime.Gosched),
// deterministically: a goroutine that prints without end would otherwise
// never let a main whose sleep is over run and end the program, where go
// run's scheduler preempts it (sysmon) or runs main on another P.
func syncOutputOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "synchronous output", "syscall/fs_js.go", []edit{
		{"import (\n\t\"errors\"\n", "import (\n\t\"errors\"\n\t\"runtime\"\n"},
		{"\tn, err := fsCall(\"write\", fd, buf, 0, len(b), nil)\n", "\tvar n js.Value\n\tif fd == 1 || fd == 2 {\n\t\tn, err = writeOutput(fd, buf, len(b))\n\t} else {\n\t\tn, err = fsCall(\"write\", fd, buf, 0, len(b), nil)\n\t}\n"},
		{"func recoverErr(errPtr *error) {", "func recoverErr(errPtr *error) {"},
		{"var jsFS = ", "var jsFS = "},
	}, `
// writeOutput writes to standard output or error, whose file system (the
// runner's) takes the bytes within the call: its callback is JavaScript's
// and does nothing, so Go's runtime runs no other goroutine within the
// write. It yields at every 1000th write (generator/assets/stdoverlay.go).
func writeOutput(fd int, buf js.Value, n int) (written js.Value, err error) {
	defer recoverErr(&err)
	jsFS.Call("write", fd, buf, 0, n, nil, noCallback)
	if outputWrites++; outputWrites%1000 == 0 {
		runtime.Gosched()
	}
	return js.ValueOf(n), nil
}

var (
	noCallback   = js.Global().Get("Function").Get("prototype")
	outputWrites int
)
`)
}

// Under GOOS=js, time.initLocal (time/zoneinfo_js.go) has no zone
// database: it names the browser's offset "UTC+1", "UTC-5:30", and
// "UTC+0" for offset 0, where go run on a machine whose zone is UTC (as
// the one the playground is compared with) prints "UTC":
// fmt.Println(time.Unix(0, 0)) says "1970-01-01 00:00:00 +0000 UTC".
// localZoneOverlay writes a copy of zoneinfo_js.go that names offset 0
// "UTC". Other offsets keep js/wasm's names: without the tz database the
// browser's zone cannot be named as go run names it ("CET"), and the
// README says so.
func localZoneOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "the local zone's name", "time/zoneinfo_js.go", []edit{
		{"\tz.name = \"UTC\"\n\tif offset < 0 {\n", "\tz.name = \"UTC\"\n\tif offset == 0 {\n\t\t// As go run names a machine's zone of UTC (generator/assets/stdoverlay.go).\n\t\tlocalLoc.zone = []zone{z}\n\t\treturn\n\t}\n\tif offset < 0 {\n"},
	}, "")
}

// Under GOOS=js, once the program has waited (time.Sleep, a channel),
// the runtime keeps a goroutine of its own for the browser's events
// (handleAsyncEvent, runtime/lock_js.go), which isSystemGoroutine counts
// as the program's: runtime.NumGoroutine said 2 after a sleep where go run
// on Linux says 1 (stranger7 19, a goroutine leak shown by counting).
// numGoroutineOverlay writes a copy of runtime/debug.go whose
// NumGoroutine leaves such goroutines out; traces and the deadlock
// check keep theirs. The copy's GOMAXPROCS keeps a program's setting
// too (maxProcsEdits).
func numGoroutineOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "runtime.NumGoroutine", "runtime/debug.go", append(maxProcsEdits, edit{
		"func NumGoroutine() int {\n\treturn int(gcount(false))\n}", `func NumGoroutine() int {
	n := int(gcount(false))
	// The browser's events' goroutines are not the program's
	// (generator/assets/stdoverlay.go).
	forEachG(func(gp *g) {
		if readgstatus(gp) != _Gdead && funcname(findfunc(gp.startpc)) == "runtime.handleAsyncEvent" {
			n--
		}
	})
	return max(n, 1)
}`}), maxProcsTail)
}

// Under GOOS=js, os.Getpagesize is the WebAssembly page, 65536, where go
// run on linux/amd64 says 4096 (stranger4 S9). pageSizeOverlay writes
// a copy of runtime/runtime.go whose syscall.Getpagesize is 4096; the
// runtime's own page size (physPageSize) stays.
func pageSizeOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "the page size", "runtime/runtime.go", []edit{
		{"func syscall_Getpagesize() int { return int(physPageSize) }", "func syscall_Getpagesize() int { return 4096 } // go run's on linux/amd64 (generator/assets/stdoverlay.go)"},
	}, "")
}

// On amd64 math.Exp is archExp, in assembly (math/exp_amd64.s), whose
// algorithm (a Taylor series on x/16, squared four times) is not the
// pure Go exp that js/wasm runs: the last bit differs for some x (845
// of TestAmd64ExpOverlay's 3,019), and so do Pow, Sinh and Cosh, built
// on it: go run printed math.Exp(1.5) as 4.481689070338065, the page
// 4.4816890703380645 (stranger4 S4). amd64ExpOverlay writes a copy of math/exp_noasm.go
// whose archExp is the assembly's path for a CPU with FMA (useFMA, as on
// the machine go run is compared on) in Go: the same operations, each
// fused multiply-add a math.FMA, CVTSD2SL's rounding to nearest even and
// its "integer indefinite" out of int32's range written out.
func amd64ExpOverlay(goroot, dir string) (orig, dst string, err error) {
	return patch(goroot, dir, "math.Exp", "math/exp_noasm.go", []edit{
		{"const haveArchExp = false\n\nfunc archExp(x float64) float64 {\n\tpanic(\"not implemented\")\n}\n", archExpFMA},
	}, "")
}

// archExpFMA is math/exp_amd64.s's archExp, its avxfma path, in Go.
const archExpFMA = `const haveArchExp = true

// archExp is exp_amd64.s's archExp on a CPU with FMA, as go run on
// linux/amd64 computes math.Exp (generator/assets/stdoverlay.go).
func archExp(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920
		ln2U     = 0.69314718055966295651160180568695068359375
		ln2L     = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
	)
	bits := Float64bits(x)
	if bits&^(1<<63) >= 0x7FF0000000000000 {
		if bits == 0xFFF0000000000000 {
			return 0
		}
		return x
	}
	if x > overflow {
		return Inf(1)
	}
	t := float64(log2e * x)
	e := int32(-1 << 31) // CVTSD2SL: to nearest even, or integer indefinite
	if t > -2147483648.5 && t < 2147483647.5 {
		e = int32(RoundToEven(t))
	}
	k := float64(e)
	x = FMA(-k, ln2U, x)
	x = FMA(-k, ln2L, x)
	x = float64(x * 0.0625)
	p := FMA(2.4801587301587301587e-5, x, 1.9841269841269841270e-4)
	p = FMA(p, x, 1.3888888888888888889e-3)
	p = FMA(p, x, 8.3333333333333333333e-3)
	p = FMA(p, x, 4.1666666666666666667e-2)
	p = FMA(p, x, 1.6666666666666666667e-1)
	p = FMA(p, x, 0.5)
	p = FMA(p, x, 1.0)
	x = float64(x * p)
	for range 3 {
		x = float64(x * float64(x+2))
	}
	x = FMA(float64(x+2), x, 1.0)
	b := e + 0x3FF
	if b <= 0 {
		if b < -52 {
			return 0
		}
		x = float64(x * Float64frombits(uint64(b+0x3FE)<<52))
		b = 1
	} else if b >= 0x7FF {
		return Inf(1)
	}
	return x * Float64frombits(uint64(b)<<52)
}
`

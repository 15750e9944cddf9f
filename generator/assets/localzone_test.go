package assets

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/cpu"
)

// TestLocalZoneOverlay builds a program for js/wasm as the site builds
// Go's standard library for each engine (the exact engine's archives with
// stdOverlay; the interpreter's module with BuildWasm) and runs it under
// Node in three zones: at offset 0 the local zone is named "UTC", as go
// run names it on a machine whose zone is UTC (js/wasm's own time package
// says "UTC+0"); other offsets keep js/wasm's names, there being no zone
// database in a browser.
func TestLocalZoneOverlay(t *testing.T) {
	node := nodePath(t)
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	_, exact, fast := overlaidBuilds(t, goroot, map[string]string{
		"go.mod":  "module example.org/zone\n\ngo 1.26\n",
		"go.sum":  "",
		"main.go": "package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(time.Unix(0, 0))\n}\n",
	})
	for _, bin := range []string{exact, fast} {
		for _, c := range []struct{ tz, want string }{
			{"UTC", "1970-01-01 00:00:00 +0000 UTC\n"},
			{"Asia/Kolkata", "1970-01-01 05:30:00 +0530 UTC+5:30\n"},
			{"America/Caracas", "1969-12-31 20:00:00 -0400 UTC-4\n"},
		} {
			run := nodeRun(node, goroot, bin)
			run.Env = append(os.Environ(), "TZ="+c.tz)
			out, err := run.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: running under node: %v\n%s", filepath.Base(bin), err, out)
			}
			if string(out) != c.want {
				t.Errorf("%s, TZ=%s: fmt.Println(time.Unix(0, 0)) printed %q, want %q", filepath.Base(bin), c.tz, out, c.want)
			}
		}
	}
}

// TestPageSizeOverlay builds a program for js/wasm with stdOverlay, as
// the exact engine's archives are, and runs it under Node:
// os.Getpagesize is go run's on linux/amd64, 4096, not WebAssembly's page.
func TestPageSizeOverlay(t *testing.T) {
	if out := runStdOverlaid(t, "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfmt.Println(os.Getpagesize())\n}\n"); out != "4096\n" {
		t.Errorf("os.Getpagesize() printed %q, want go run's \"4096\\n\"", out)
	}
}

// TestNumGoroutineOverlay: after a sleep, js/wasm's runtime keeps a
// goroutine for the browser's events; runtime.NumGoroutine leaves it out,
// as go run on Linux has none (it said 2 where go run says 1).
func TestNumGoroutineOverlay(t *testing.T) {
	src := "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(runtime.NumGoroutine())\n\ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n\tdone := make(chan bool)\n\tgo func() { <-done }()\n\ttime.Sleep(10 * time.Millisecond)\n\tfmt.Println(runtime.NumGoroutine())\n\tclose(done)\n}\n"
	if out := runStdOverlaid(t, src); out != "1\n1\n2\n" {
		t.Errorf("runtime.NumGoroutine() before and after a sleep, then with one goroutine more, printed %q, want go run's \"1\\n1\\n2\\n\"", out)
	}
}

// runStdOverlaid builds a program for js/wasm with stdOverlay, as the
// exact engine's archives are, runs it under Node and returns its output.
func runStdOverlaid(t *testing.T, main string) string {
	t.Helper()
	node := nodePath(t)
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	mod := writeModule(t, map[string]string{"go.mod": "module example.org/overlaid\n\ngo 1.26\n", "main.go": main})
	out, err := nodeRun(node, goroot, exactBuild(t, goroot, mod)).CombinedOutput()
	if err != nil {
		t.Fatalf("running under node: %v\n%s", err, out)
	}
	return string(out)
}

// TestNodeRunKeepsOutputOrder runs a program of many short writes to
// standard output and error, built with stdOverlay, under nodeRun: every
// line arrives in the order written. syncOutputOverlay's writes give
// Node's fs.write a callback that does nothing, and Node's own write runs
// them on libuv's thread pool, where they overtook one another (lines
// swapped in TestMaxProcsOverlay on a busy machine); testdata/syncoutput.cjs
// writes them within the call, as the page's file system does.
func TestNodeRunKeepsOutputOrder(t *testing.T) {
	const n = 3000
	out := runStdOverlaid(t, "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tfor i := range 3000 {\n\t\tw := os.Stdout\n\t\tif i%3 == 0 {\n\t\t\tw = os.Stderr\n\t\t}\n\t\tfmt.Fprintln(w, i)\n\t}\n}\n")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), n, out)
	}
	for i, l := range lines {
		if l != strconv.Itoa(i) {
			t.Fatalf("line %d is %q, want %d: writes reached the pipe out of order", i+1, l, i)
		}
	}
}

// expProgram prints the bits of math.Exp, Pow, Sinh and Cosh over fixed
// and pseudo-random arguments, a line each, in one write (it did so when
// Node's asynchronous fs.write could reorder writes; nodeRun now keeps
// their order).
const expProgram = `package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

func main() {
	xs := []float64{0, 1, -1, 1.5, 0.74, 2.59, 10.3, -708.5, -745.1, -744.4, 709.7, 709.79, 1e-300, -1e-10, math.Inf(1), math.Inf(-1), math.NaN(), -2e9}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		xs = append(xs, (rng.Float64()*2-1)*math.Ldexp(1, rng.IntN(14)-4))
	}
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintln(&b, math.Float64bits(math.Exp(x)), math.Float64bits(math.Pow(0.37, x)), math.Float64bits(math.Sinh(x)), math.Float64bits(math.Cosh(x)))
	}
	fmt.Print(b.String())
}
`

// TestAmd64ExpOverlay builds expProgram for js/wasm with each engine's
// overlay (stdOverlay, as the exact engine's archives are; BuildWasm, as
// the interpreter's module is), runs it under Node, and compares every
// line with the same program built for this machine: math.Exp, and Pow,
// Sinh and Cosh built on it, give amd64's bits (its assembly, on a CPU
// with FMA) where js/wasm's pure Go exp differed in the last bit.
func TestAmd64ExpOverlay(t *testing.T) {
	node := nodePath(t)
	if runtime.GOARCH != "amd64" || !cpu.X86.HasAVX || !cpu.X86.HasFMA {
		t.Skip("go run's math.Exp here is not amd64's with FMA, which the overlay computes")
	}
	goroot, want, exact, fast := overlaidAndNative(t, "example.org/exp", expProgram)
	for _, bin := range []string{exact, fast} {
		got, err := nodeRun(node, goroot, bin).Output()
		if err != nil {
			t.Fatalf("%s: running under node: %v", filepath.Base(bin), err)
		}
		g, n := strings.Split(string(got), "\n"), strings.Split(want, "\n")
		if len(g) != len(n) {
			t.Fatalf("%s: %d lines, go run %d", filepath.Base(bin), len(g), len(n))
		}
		bad := 0
		for i := range g {
			if g[i] != n[i] {
				if bad++; bad <= 5 {
					t.Errorf("%s: line %d: %s; go run: %s", filepath.Base(bin), i+1, g[i], n[i])
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d of %d lines differ from go run", filepath.Base(bin), bad, len(n))
		}
	}
}

// overlaidAndNative builds the program main as a module (overlaidBuilds)
// and returns GOROOT, what go run prints and the two js/wasm binaries.
func overlaidAndNative(t *testing.T, module, main string) (goroot, want, exact, fast string) {
	t.Helper()
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	mod, exact, fast := overlaidBuilds(t, goroot, map[string]string{"go.mod": "module " + module + "\n\ngo 1.26\n", "go.sum": "", "main.go": main})
	native := exec.Command("go", "run", ".")
	native.Dir = mod
	out, err := native.Output()
	if err != nil {
		t.Fatalf("go run: %v", err)
	}
	return goroot, string(out), exact, fast
}

// overlaidBuilds writes a module of files and builds it for js/wasm as the
// site builds each engine's standard library: exact with stdOverlay (the
// exact engine's archives), fast with BuildWasm (the interpreter's
// module, engineOverlay).
func overlaidBuilds(t *testing.T, goroot string, files map[string]string) (mod, exact, fast string) {
	t.Helper()
	mod = writeModule(t, files)
	exact = exactBuild(t, goroot, mod)
	w, err := BuildWasm(context.Background(), WasmOptions{ModuleDir: mod, Package: ".", SourceDirs: []string{"."}})
	if err != nil {
		t.Fatal(err)
	}
	fast = filepath.Join(t.TempDir(), "fast.wasm")
	if err := os.WriteFile(fast, w.Binary, 0o644); err != nil {
		t.Fatal(err)
	}
	return mod, exact, fast
}

// writeModule writes files into a new directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	mod := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return mod
}

// exactBuild builds the module mod for js/wasm with stdOverlay, as the
// exact engine's archives are built, and returns the binary's path.
func exactBuild(t *testing.T, goroot, mod string) string {
	t.Helper()
	std, err := stdOverlay(goroot, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "exact.wasm")
	build := exec.Command("go", "build", "-overlay", std, "-o", bin, ".")
	build.Dir = mod
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building with stdOverlay for js/wasm: %v\n%s", err, out)
	}
	return bin
}

// nodeRun is the command that runs the js/wasm binary bin under node with
// goroot's wasm_exec_node.js, standard output and error written within
// the call as the page writes them (testdata/syncoutput.cjs).
func nodeRun(node, goroot, bin string) *exec.Cmd {
	sync, err := filepath.Abs(filepath.Join("testdata", "syncoutput.cjs"))
	if err != nil {
		panic(err) // the working directory is gone
	}
	return exec.Command(node, "--require", sync, filepath.Join(goroot, "lib", "wasm", "wasm_exec_node.js"), bin)
}

// nodePath is Node, which runs js/wasm programs outside a browser. The
// overlays' promises are proven only here, so CI, where .ci/run installs
// Debian's nodejs if the machine lacks it, must not skip them.
func nodePath(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("Node is required under CI=true to run js/wasm: .ci/run installs Debian's nodejs package")
		}
		t.Skip("no node on PATH to run js/wasm: install Debian's nodejs package")
	}
	return node
}

package assets

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// floatConversionsProgram converts floats in and out of every integer
// type's range, NaN and infinities included, from float64 and float32,
// through a generic function too.
const floatConversionsProgram = `package main

import (
	"fmt"
	"math"
)

type Number interface{ ~float32 | ~float64 }

func Truncate[T Number](f T) int { return int(f) }

//go:noinline
func all(x float64) {
	fmt.Println(x, int8(x), int16(x), int32(x), int64(x), uint8(x), uint16(x), uint32(x), uint64(x), int(x), uint(x))
	f := float32(x)
	fmt.Println(" f32", int8(f), int16(f), int32(f), int64(f), uint8(f), uint16(f), uint32(f), uint64(f))
}

func main() {
	readings := []float64{12.7, -3.2, math.Inf(1), math.NaN(), 1e20}
	for _, r := range readings {
		fmt.Printf("%v -> %d\n", r, Truncate(r))
	}
	avg := math.Sqrt(-1)
	fmt.Println("average as int:", int(avg))
	big := 3.5e9
	fmt.Println("int32:", int32(big), "uint:", uint(-big))
	for _, x := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), -1.5, 300.7, 3.007e9, 1e20, 0x1p63, -0x1p63, 0x1p64, 0x1.8p63, -2147483648.9, 70000.5, 5e9, -5e9, 0x1p31, -0x1p31, 1e19} {
		all(x)
	}
}
`

// floatConversionsAmd64 is what go run printed for it on linux/amd64
// (go1.26.8, 2026-12-03): written here, so the test holds on any machine.
const floatConversionsAmd64 = `12.7 -> 12
-3.2 -> -3
+Inf -> -9223372036854775808
NaN -> -9223372036854775808
1e+20 -> -9223372036854775808
average as int: -9223372036854775808
int32: -2147483648 uint: 18446744070209551616
+Inf 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
-Inf 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
NaN 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
-1.5 -1 -1 -1 -1 255 65535 4294967295 18446744073709551615 -1 18446744073709551615
 f32 -1 -1 -1 -1 255 65535 4294967295 18446744073709551615
300.7 44 300 300 300 44 300 300 300 300 300
 f32 44 300 300 300 44 300 300 300
3.007e+09 0 0 -2147483648 3007000000 0 0 3007000000 3007000000 3007000000 3007000000
 f32 0 0 -2147483648 3007000064 0 0 3007000064 3007000064
1e+20 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
9.223372036854776e+18 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
-9.223372036854776e+18 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
1.8446744073709552e+19 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808 -9223372036854775808 9223372036854775808
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9223372036854775808
1.3835058055282164e+19 0 0 -2147483648 -9223372036854775808 0 0 0 13835058055282163712 -9223372036854775808 13835058055282163712
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 13835058055282163712
-2.1474836489e+09 0 0 -2147483648 -2147483648 0 0 2147483648 18446744071562067968 -2147483648 18446744071562067968
 f32 0 0 -2147483648 -2147483648 0 0 2147483648 18446744071562067968
70000.5 112 4464 70000 70000 112 4464 70000 70000 70000 70000
 f32 112 4464 70000 70000 112 4464 70000 70000
5e+09 0 0 -2147483648 5000000000 0 0 705032704 5000000000 5000000000 5000000000
 f32 0 0 -2147483648 5000000000 0 0 705032704 5000000000
-5e+09 0 0 -2147483648 -5000000000 0 0 3589934592 18446744068709551616 -5000000000 18446744068709551616
 f32 0 0 -2147483648 -5000000000 0 0 3589934592 18446744068709551616
2.147483648e+09 0 0 -2147483648 2147483648 0 0 2147483648 2147483648 2147483648 2147483648
 f32 0 0 -2147483648 2147483648 0 0 2147483648 2147483648
-2.147483648e+09 0 0 -2147483648 -2147483648 0 0 2147483648 18446744071562067968 -2147483648 18446744071562067968
 f32 0 0 -2147483648 -2147483648 0 0 2147483648 18446744071562067968
1e+19 0 0 -2147483648 -9223372036854775808 0 0 0 10000000000000000000 -9223372036854775808 10000000000000000000
 f32 0 0 -2147483648 -9223372036854775808 0 0 0 9999999980506447872
`

// TestAmd64FloatConversions builds the compiler with the exact engine's
// overlay (wasmOnlyOverlay, with amd64FloatConversions and
// unsafeConversions), compiles
// floatConversionsProgram for js/wasm with it, runs it under Node and
// compares with amd64's output. With Go's own wasm compiler the program
// prints wasm's saturated values instead (checked: 9223372036854775807
// for +Inf, 0 for NaN); natively on amd64 it must print the table too.
func TestAmd64FloatConversions(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/compile")
	}
	node := nodePath(t)
	goroot, _, err := goEnv(t.Context(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	overlay, err := wasmOnlyOverlay(goroot, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	compiler := filepath.Join(dir, "compile")
	if out, err := exec.Command("go", "build", "-overlay", overlay, "-o", compiler, "cmd/compile").CombinedOutput(); err != nil {
		t.Fatalf("building the compiler with the overlay: %v\n%s", err, out)
	}
	// go build runs each tool through -toolexec: this one swaps in the
	// compiler just built. The go command knows a release's compiler by
	// the line its -V=full prints, the version alone, and would reuse what
	// Go's own compiler put in the build cache, and store this one's work
	// as Go's (as -a did, which only skips reading the cache); the swapped
	// one says its SHA-256 on that line too, so the cache keeps its work
	// apart and reuses it only while the compiler is byte for byte the
	// same (a cold build of the standard library's packages took 150 s of
	// the package's test time on 2 CPUs, where -a rebuilt them every run).
	// A development toolchain's line ends in a build ID, which the go
	// command reads instead, and which differs already.
	bin, err := os.ReadFile(compiler)
	if err != nil {
		t.Fatal(err)
	}
	id := fmt.Sprintf("%x", sha256.Sum256(bin))
	swap := filepath.Join(dir, "swap.sh")
	script := "#!/bin/sh\ncompiler='" + compiler + "'\ncase \"$(basename \"$1\")\" in compile)\n" +
		"  shift\n" +
		"  if [ \"$1\" = -V=full ]; then\n" +
		"    v=$(\"$compiler\" -V=full) || exit\n" +
		"    case \"$v\" in *buildID=*) echo \"$v\";; *) echo \"$v overlay:" + id + "\";; esac\n" +
		"    exit\n" +
		"  fi\n" +
		"  exec \"$compiler\" \"$@\";;\nesac\nexec \"$@\"\n"
	if err := os.WriteFile(swap, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(dir, "prog")
	if err := os.Mkdir(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"go.mod": "module prog\n\ngo 1.26\n", "main.go": floatConversionsProgram} {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prog := filepath.Join(dir, "prog.wasm")
	build := exec.Command("go", "build", "-toolexec", swap, "-o", prog, ".")
	build.Dir = mod
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building for js/wasm with the compiler: %v\n%s", err, out)
	}
	out, err := nodeRun(node, goroot, prog).CombinedOutput()
	if err != nil {
		t.Fatalf("running it under node: %v\n%s", err, out)
	}
	if string(out) != floatConversionsAmd64 {
		t.Errorf("compiled for js/wasm with the exact engine's compiler, it prints\n%s\ngo run on linux/amd64 prints\n%s", out, floatConversionsAmd64)
	}
	// unsafeConversions: the same compiler refuses a reader's conversions
	// of an unsafe.Pointer (the standard library it just compiled, the
	// runtime's included, keeps its own), as the exact engine compiles a
	// reader's program: package main.
	// The first program, a security review's, reaches memory without
	// naming unsafe or reflect: json.Marshal's error for a cycle carries
	// a reflect.Value, whose UnsafePointer Go converts into any pointer
	// type (the browser's TestBrowserAutomaticRefusesAtOnce runs it too).
	throughReflect, err := os.ReadFile("../testdata/refused/unsafe_through_reflect.go")
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"reflect": string(throughReflect), "unsafe": unsafeNamed} {
		if err := os.WriteFile(filepath.Join(mod, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		build := exec.Command("go", "build", "-toolexec", swap, "-o", filepath.Join(dir, name+".wasm"), ".")
		build.Dir = mod
		build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
		out, err := build.CombinedOutput()
		if want := "the playground does not convert unsafe.Pointer values"; err == nil || strings.Count(string(out), want) != 2 {
			t.Errorf("compiling the %s program with the exact engine's compiler: %v\n%s\nwant its two conversions refused: %q", name, err, out, want)
		}
		native := exec.Command("go", "vet", ".")
		native.Dir = mod
		if out, err := native.CombinedOutput(); err != nil && !strings.Contains(string(out), "possible misuse of unsafe.Pointer") {
			t.Errorf("the %s program is not valid Go for Go's own compiler: %v\n%s", name, err, out)
		}
	}
	if runtime.GOARCH == "amd64" {
		if err := os.WriteFile(filepath.Join(mod, "main.go"), []byte(floatConversionsProgram), 0o644); err != nil {
			t.Fatal(err)
		}
		run := exec.Command("go", "run", ".")
		run.Dir = mod
		if native, err := run.CombinedOutput(); err != nil || string(native) != floatConversionsAmd64 {
			t.Errorf("go run on this amd64 machine prints (%v)\n%s\nnot the table written here", err, native)
		}
	}
}

// unsafeNamed converts both ways with unsafe named: the guard refuses
// it in the page; the compiler does too.
const unsafeNamed = `package main

import (
	"fmt"
	"unsafe"
)

func main() {
	x := 1
	var p unsafe.Pointer
	fmt.Println(unsafe.Pointer(&x), (*int)(p))
}
`

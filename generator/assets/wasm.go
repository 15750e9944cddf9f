package assets

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// Wasm is a Go program compiled for the browser, with the glue script of
// the toolchain that compiled it.
type Wasm struct {
	// Binary is the .wasm module when it was just compiled; a module from
	// the cache is not read (see File and Bytes).
	Binary []byte
	// File is the module in the cache directory, hash-named, when caching
	// is on: the site links it rather than copying it.
	File   *CachedFile
	Exec   []byte // $GOROOT/lib/wasm/wasm_exec.js of the same toolchain
	Cached bool   // true when the module came from the cache
}

// Bytes returns the module, reading it from the cache if need be.
func (w *Wasm) Bytes() ([]byte, error) {
	if w.Binary != nil || w.File == nil {
		return w.Binary, nil
	}
	return os.ReadFile(w.File.Path)
}

// WasmOptions says what to compile and where to keep it.
type WasmOptions struct {
	ModuleDir string // the module root (holds go.mod)
	Package   string // the main package, relative to ModuleDir: "./playground/wasm"
	// SourceDirs are the directories, relative to ModuleDir, whose .go
	// files the program is made of; with go.mod, go.sum and the toolchain
	// version they key the cache.
	SourceDirs []string
	CacheDir   string // where compiled modules are kept; "" disables caching
	// Embedded are Go files, relative to ModuleDir, that the program
	// embeds as text: built with their comments left out
	// (uncommentedOverlay).
	Embedded []string
}

// BuildWasm compiles opts.Package for GOOS=js GOARCH=wasm with the go
// command on PATH, the same toolchain that builds the site, offline. A
// compiled module is kept under CacheDir keyed by the hash of everything
// it is built from, so an unchanged playground costs a hash, not a link.
func BuildWasm(ctx context.Context, opts WasmOptions) (*Wasm, error) {
	goroot, version, err := goEnv(ctx, opts.ModuleDir)
	if err != nil {
		return nil, err
	}
	execJS, err := WasmExec(ctx, opts.ModuleDir)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "wasm-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	// The files the module is built with in place of the installed
	// standard library's (engineOverlay) and of its embedded sources
	// (uncommentedOverlay) are part of what it is made of.
	uncommented, err := uncommentedOverlay(opts.ModuleDir, tmp, opts.Embedded)
	if err != nil {
		return nil, err
	}
	overlay, err := engineOverlay(goroot, tmp, uncommented)
	if err != nil {
		return nil, err
	}
	key, err := sourceKey(opts, version, overlay)
	if err != nil {
		return nil, err
	}
	cached := ""
	if opts.CacheDir != "" {
		cached = filepath.Join(opts.CacheDir, "wasm-"+key+".wasm")
		// A module that changed in the cache since it was made
		// (ChangedError) is made again, like a missing one: it is built
		// from the repository's sources alone.
		if f, err := cachedFile(cached, "engine.wasm", nil); err == nil {
			markUsed(moduleKind, cached)
			return &Wasm{File: &f, Exec: execJS, Cached: true}, nil
		}
	}
	out := filepath.Join(tmp, "main.wasm")
	cmd := exec.CommandContext(ctx, "go", append(append([]string{"build", "-overlay", overlay}, wasmFlags...), "-o", out, opts.Package)...)
	cmd.Dir = opts.ModuleDir
	// GOFLAGS=-mod=mod could reach the network; the module cache and
	// go.sum must already hold every dependency.
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=-mod=readonly", "GOPROXY=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("building %s for js/wasm: %v\n%s", opts.Package, err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	w := &Wasm{Binary: b, Exec: execJS}
	if cached != "" {
		if err := writeAtomic(cached, b); err != nil {
			return nil, err
		}
		f, err := cachedFile(cached, "engine.wasm", b)
		if err != nil {
			return nil, err
		}
		w.File = &f
		pruneCache(opts.CacheDir, moduleKind)
	}
	return w, nil
}

// Minify minifies a script as Bundle does its outputs, keeping its
// leading comment lines (wasm_exec.js's copyright and license lines,
// which esbuild keeps only in comments marked as legal).
func Minify(script []byte) ([]byte, error) {
	var head []byte
	rest := script
	for bytes.HasPrefix(rest, []byte("//")) {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		head = append(append(head, line...), '\n')
		rest = after
	}
	r := api.Transform(string(script), api.TransformOptions{
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Target:            scriptTarget,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
	})
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("minifying a script: %s", r.Errors[0].Text)
	}
	return append(head, r.Code...), nil
}

// WasmExec is $GOROOT/lib/wasm/wasm_exec.js of the go command on PATH
// (run in moduleDir): the glue a page needs to run what that toolchain
// compiles for js/wasm. It is read, not built: a check of the site that
// bundles the playground's scripts gets it without compiling a module.
func WasmExec(ctx context.Context, moduleDir string) ([]byte, error) {
	goroot, version, err := goEnv(ctx, moduleDir)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("wasm_exec.js of %s: %w", version, err)
	}
	return b, nil
}

// wasmFlags build the module small: no symbol table or DWARF, no paths
// of this machine, no VCS stamp (the module is its sources, not the
// commit they sit in), and no inlining in the code that runs once per
// program rather than while it runs: the module's own packages ("./..."
// from the module root: the source pass, the check, the symbol tables'
// set-up) and onceGcflags' packages (parsing, type-checking, constants).
// Leaving it out of the module's own took the gzipped module from
// 3,000,785 to 2,979,969 bytes on 2026-12-01 (TestPlaygroundBudgets
// prints the size); out of onceGcflags' too, with go/types in (the
// check of typecheck.go), from 3,689,073 to 3,455,350 on 2026-12-02.
// The interpreter's run loop (yaegi's interp), reflect and the runtime
// keep theirs: without it in interp the module was 122 KB smaller and a
// CPU-bound program ran about 11% slower natively, in reflect 80 KB and
// about 20% slower (2026-12-02).
//
// In yaegi's interp, only functions that hold closures are not inlined
// (-d=inlfuncswithclosures=0): they make the closures its compiler
// leaves for the run (genValue and the like, run once per node), so
// inlining them copied that code at each call. On 2026-12-05 it took the
// module from 3,503,783 to 3,500,441 bytes gzipped; natively, the CPU
// time of 9 runs of a program computing fib(25), filling a map through
// fmt, sorting 20,000 structs and passing 20,000 values on a channel was
// 8.31 s with it and 8.29 s without, on average over 5 runs each,
// alternated. The same in reflect and sync took 843 bytes more off the
// same day; that program's CPU time was 8.76 s on average with and
// without (5 runs each, alternated, a test suite running beside them).
// In the runtime it took 1,758 bytes off on 2026-12-05 (the closures of
// its slow paths, systemstack's and the like); natively, a program
// computing fib(24), filling a map through fmt, sorting 20,000 structs
// and selecting 20,000 sends, run 3 times, took 2.57 s of CPU on average
// with the runtime's inlining and 2.48 s without it and internal/chacha8rand's
// (6 runs each, alternated, a test suite running beside them).
var wasmFlags = append([]string{"-trimpath", "-buildvcs=false", "-ldflags=-s -w", "-gcflags=./...=-l",
	"-gcflags=github.com/traefik/yaegi/interp=-d=inlfuncswithclosures=0",
	"-gcflags=reflect=-d=inlfuncswithclosures=0", "-gcflags=sync=-d=inlfuncswithclosures=0",
	"-gcflags=runtime=-d=inlfuncswithclosures=0"}, onceGcflags()...)

// onceGcflags turns inlining off in the packages the interpreter and the
// check use once per program, before it runs: Go's parser and type
// checker, constant arithmetic, yaegi's build-tag and import machinery,
// go/format (the editor's Format); the start-up and path helpers they
// and yaegi pull in (godebug, log, path/filepath); syscall/js, which
// carries one message per batch of output; and fmt and time. A program
// calls fmt and time while it runs, but through yaegi, that is
// reflect.Value.Call, whose cost is far above what inlining saves inside
// them: natively, a program making 22,000 fmt calls ran 1% slower on
// average over 7 runs, within the noise of a loaded machine. On
// 2026-12-02 this list's additions from internal/godebug on took the
// gzipped module from 3,499,553 to 3,455,350 bytes: fmt 24.6 KB of it,
// time 11.6 KB, the rest 6.5 KB. The same holds for the library a
// program calls while it runs (strings, bytes, unicode, strconv, math,
// math/rand, context, errors, ...): each call of the program's reaches
// it through reflect. -l also keeps other packages (yaegi, reflect) from
// inlining these packages' small functions, since a package built with
// -l exports no inline bodies: the CPU time measured below is what says
// it does not matter here. On 2026-12-02 that line took the
// module from 3,498,577 to 3,476,485 bytes gzipped (strings, bytes and
// unicode 15 KB of it); natively the site's corpus and a CPU-bound
// program ran within the noise of a machine at load 27. io, bufio,
// internal/reflectlite, iter, maps and internal/itoa took 9 KB more
// (3,480,233 to 3,471,257), the CPU time of a CPU-bound program the same
// (1.59 s against 1.60 s, mean of 5 runs at load 10). internal/abi would
// give 22 KB, but -l there also keeps reflect and the runtime from
// inlining its accessors (a package built with -l exports no inline
// bodies): that program took 28% more CPU time. os, internal/poll and
// syscall grew the module by 5 KB. container/list (a program's calls
// reach it through reflect, as above), internal/gover,
// go/internal/scannerhooks, internal/testlog and internal/syscall/execenv
// took it from 3,500,256 to 3,497,969 on 2026-12-03; sort (whose
// inner loops call a program's Less and Swap, or its less function,
// through the interpreter, far above what inlining saves: a program
// sorting 100,000, 300,000 and 30,000 values with sort.Slice, sort.Ints
// and sort.Sort took, best of 5 natively, 1.71 and 1.70 s with sort's
// inlining, 1.78 and 1.68 s without), internal/stringslite,
// internal/oserror, internal/byteorder and cmp from 3,505,456 to
// 3,500,186 the same day; slices 620 bytes more (a program sorting
// 300,000 ints and 50,000 strings with sort.Ints and sort.Strings, and
// calling slices.Index and Contains, took 84 to 87 ms natively, best of
// 5, with or without its inlining; a program's slices.Sort goes through
// sort.Slice, _lowerSort). encoding, internal/godebugs and the
// runtime's tables for tracing and profiling (internal/trace/tracev2,
// internal/profilerecord: read only while a trace or a profile is taken,
// which a program here cannot start) took it from 3,500,109 to 3,499,333
// on 2026-12-05, room for runnextOverlay's runqput, whose runnext branch
// js/wasm's compiler had left out as dead code; internal/chacha8rand (the
// runtime's random numbers: a select's order, a map's first key, the
// measure above), internal/runtime/exithook, internal/coverage/rtcov,
// internal/synctest and internal/runtime/pprof/label took 1,483 bytes
// more off the same day, with the runtime's closures' (above): 3,499,351.
func onceGcflags() []string {
	var flags []string
	for _, pkg := range []string{
		"go/ast", "go/build", "go/build/constraint", "go/constant", "go/doc", "go/doc/comment",
		"go/format", "go/parser", "go/printer", "go/scanner", "go/token", "go/types", "go/version",
		"internal/buildcfg", "internal/types/errors", "math/big", "regexp", "regexp/syntax",
		"text/tabwriter", "flag", "os/exec",
		"internal/godebug", "internal/bisect", "internal/lazyregexp", "internal/goroot",
		"internal/platform", "internal/syslist", "internal/goversion", "internal/filepathlite",
		"log", "log/internal", "os/signal", "path", "path/filepath", "io/fs", "embed",
		"github.com/traefik/yaegi/stdlib/generic", "github.com/traefik/yaegi/internal/unsafe2",
		"syscall/js", "fmt", "time",
		"strings", "bytes", "unicode", "unicode/utf8", "strconv", "internal/strconv",
		"math", "math/rand", "runtime/debug", "container/heap", "sync/atomic",
		"context", "errors", "go/doc/comment", "internal/fmtsort",
		"io", "bufio", "internal/reflectlite", "iter", "maps", "internal/itoa",
		"container/list", "internal/gover", "go/internal/scannerhooks", "internal/testlog", "internal/syscall/execenv",
		"sort", "internal/stringslite", "internal/oserror", "internal/byteorder", "cmp", "slices",
		"encoding", "internal/godebugs", "internal/trace/tracev2", "internal/profilerecord",
		"internal/chacha8rand", "internal/runtime/exithook", "internal/coverage/rtcov", "internal/synctest", "internal/runtime/pprof/label",
	} {
		flags = append(flags, "-gcflags="+pkg+"=-l")
	}
	return flags
}

// goEnv asks the go command for its GOROOT and version, once per module
// directory and process: a dev server rebuilds many times, and starting
// the go command costs tens of milliseconds.
func goEnv(ctx context.Context, dir string) (goroot, version string, err error) {
	goEnvMu.Lock()
	defer goEnvMu.Unlock()
	if e, ok := goEnvCache[dir]; ok {
		return e[0], e[1], nil
	}
	goroot, version, err = runGoEnv(ctx, dir)
	if err == nil {
		goEnvCache[dir] = [2]string{goroot, version}
	}
	return goroot, version, err
}

var (
	goEnvMu    sync.Mutex
	goEnvCache = map[string][2]string{}
)

func runGoEnv(ctx context.Context, dir string) (goroot, version string, err error) {
	cmd := exec.CommandContext(ctx, "go", "env", "GOROOT", "GOVERSION")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", "", fmt.Errorf("go env: %v (is Go installed and on PATH?)", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return "", "", fmt.Errorf("go env printed %q", out)
	}
	return lines[0], lines[1], nil
}

// sourceKey hashes the toolchain version, the standard library files
// overlay replaces, go.mod, go.sum and every .go file of the source
// directories, in a fixed order.
func sourceKey(opts WasmOptions, version, overlay string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", version, opts.Package, strings.Join(wasmFlags, " "))
	// The overlay's copies, by the name of the file they replace: their
	// own paths are in a temporary directory.
	j, err := os.ReadFile(overlay)
	if err != nil {
		return "", err
	}
	var o struct{ Replace map[string]string }
	if err := json.Unmarshal(j, &o); err != nil {
		return "", fmt.Errorf("%s: %v", overlay, err)
	}
	moduleDir, err := filepath.Abs(opts.ModuleDir)
	if err != nil {
		return "", err
	}
	for _, orig := range slices.Sorted(maps.Keys(o.Replace)) {
		name := filepath.ToSlash(orig)
		if rel, err := filepath.Rel(moduleDir, orig); err == nil && filepath.IsLocal(rel) {
			// The module's own file (uncommentedOverlay), by its name in
			// the module: clones of it in other places share the key.
			name = "module:" + filepath.ToSlash(rel)
		}
		if o.Replace[orig] == "" {
			// Left out of the build (reducedOverlay).
			fmt.Fprintf(h, "%s\x00-\x00", name)
			continue
		}
		b, err := os.ReadFile(o.Replace[orig])
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
	}
	files := []string{"go.mod", "go.sum"}
	for _, dir := range opts.SourceDirs {
		err := fs.WalkDir(os.DirFS(opts.ModuleDir), filepath.ToSlash(dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	slices.Sort(files[2:])
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(opts.ModuleDir, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// writeAtomic writes b to name through a temporary file, so a reader never
// sees half a module even if two builds race.
func writeAtomic(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	// Readable by all, as a file of the site: the site links to it.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), name)
}

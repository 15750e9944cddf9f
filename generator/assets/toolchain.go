package assets

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// The exact engine's files: the Go compiler and linker of the toolchain
// that runs the build, compiled for GOOS=js GOARCH=wasm, and the standard
// library's archives for js/wasm, each compressed on its own (DownloadSet), with
// a manifest of their imports (stdlib.go). In the page a Web Worker
// (playground/web/exact.js) fetches the archives a program needs,
// compiles and links it with them behind an in-memory file system, and
// writes the importcfg files itself: the compiler's names only the
// packages among them that policy.Importable allows, so a program
// importing anything else (syscall/js above all) fails to compile; the
// linker's names every archive the program needs. Everything here comes from the local Go
// installation: no network.

// Toolchain is where the exact engine's files are, in one directory:
// compile.wasm, link.wasm, importcfg, imports, and pkg/<import path>.a.
type Toolchain struct {
	Dir       string
	GoVersion string
	Archives  []string // import paths, sorted, one pkg/<path>.a each
	Packages  []string // what a program may import (BuildToolchain's packages)
	// Imports holds each archive's direct imports that have an archive
	// (unsafe has none): the import graph the page walks.
	Imports map[string][]string
	Cached  bool // true when nothing had to be built
}

// toolchainSources are the files of this package that decide what
// BuildToolchain writes: the layout of its directory (this file), the
// trimming of the tools to wasm and the changes to them (trim.go,
// floatconv.go, unsafeconv.go) and the standard library's
// overlays (stdoverlay.go, errnos.go, runnext.go, maxprocs.go). The directory's name hashes them,
// so that a change to any of them, even one its author forgot to mark,
// never reads a toolchain an earlier version of them built.
//
//go:embed toolchain.go trim.go floatconv.go unsafeconv.go stdoverlay.go errnos.go runnext.go maxprocs.go
var toolchainSources embed.FS

// toolchainKey names the cached directory of a toolchain: the Go version,
// the packages it offers, and the sources that build it.
func toolchainKey(version string, packages []string, sources fs.FS) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", version, strings.Join(packages, "\x00"))
	names, err := fs.Glob(sources, "*")
	if err != nil {
		return "", err
	}
	for _, name := range names { // fs.Glob sorts them
		b, err := fs.ReadFile(sources, name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
	}
	return "toolchain-" + version + "-" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// BuildToolchain builds the exact engine's files into a directory of
// cacheDir named by the Go version, the package list and the sources
// that build them (toolchainKey), or finds them there. Its files are
// written in a temporary directory, its "complete" marker last, and the
// directory is renamed into place (install), so an interrupted build is
// redone rather than half used.
func BuildToolchain(ctx context.Context, moduleDir, cacheDir string, packages []string) (*Toolchain, error) {
	goroot, version, err := goEnv(ctx, moduleDir)
	if err != nil {
		return nil, err
	}
	key, err := toolchainKey(version, packages, toolchainSources)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(cacheDir, key)
	if archives, imports, ok := whole(dir); ok {
		markUsed(toolchainKind, dir)
		return &Toolchain{Dir: dir, GoVersion: version, Archives: archives, Packages: packages, Imports: imports, Cached: true}, nil
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(cacheDir, "toolchain-tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	run := func(args ...string) ([]byte, error) {
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir, cmd.Env = moduleDir, env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return out, nil
	}
	trimmed, err := os.MkdirTemp("", "gointernals-trim-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(trimmed)
	overlay, err := wasmOnlyOverlay(goroot, trimmed)
	if err != nil {
		return nil, err
	}
	for _, tool := range []string{"compile", "link"} {
		if _, err := run("build", "-overlay", overlay, "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(tmp, tool+".wasm"), "cmd/"+tool); err != nil {
			return nil, err
		}
	}
	std, err := stdOverlay(goroot, trimmed)
	if err != nil {
		return nil, err
	}
	// go list -export builds each archive in the build cache and names it.
	out, err := run(append([]string{"list", "-overlay", std, "-export", "-deps", "-f", "{{if .Export}}{{.ImportPath}}={{.Export}}={{join .Imports \" \"}}{{end}}"}, packages...)...)
	if err != nil {
		return nil, err
	}
	var cfg strings.Builder
	var archives []string
	imports := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		imp, rest, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			continue
		}
		file, deps, _ := strings.Cut(rest, "=")
		imports[imp] = strings.Fields(deps)
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(tmp, "pkg", filepath.FromSlash(imp)+".a")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return nil, err
		}
		archives = append(archives, imp)
	}
	sort.Strings(archives)
	var graph strings.Builder
	for _, imp := range archives {
		deps := slices.DeleteFunc(imports[imp], func(d string) bool { _, ok := imports[d]; return !ok })
		imports[imp] = deps
		fmt.Fprintf(&graph, "%s\n", strings.Join(append([]string{imp}, deps...), " "))
	}
	if err := os.WriteFile(filepath.Join(tmp, "imports"), []byte(graph.String()), 0o644); err != nil {
		return nil, err
	}
	for _, imp := range archives {
		// Paths in the worker's file system, where pkg/ is mounted at /.
		fmt.Fprintf(&cfg, "packagefile %s=%s\n", imp, path.Join("/pkg", imp+".a"))
	}
	if err := os.WriteFile(filepath.Join(tmp, "importcfg"), []byte(cfg.String()), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, "complete"), []byte(strings.Join(archives, "\n")+"\n"), 0o644); err != nil {
		return nil, err
	}
	if err := install(tmp, dir); err != nil {
		return nil, err
	}
	pruneCache(cacheDir, toolchainKind)
	return &Toolchain{Dir: dir, GoVersion: version, Archives: archives, Packages: packages, Imports: imports}, nil
}

// whole reads the toolchain in dir, and says whether it is one a build
// can use: its "complete" marker and its imports there.
func whole(dir string) (archives []string, imports map[string][]string, ok bool) {
	b, err := os.ReadFile(filepath.Join(dir, "complete"))
	if err != nil {
		return nil, nil, false
	}
	imports, err = readImports(filepath.Join(dir, "imports"))
	return strings.Fields(string(b)), imports, err == nil
}

// install moves the toolchain built in tmp to dir. Another build of the
// same toolchain (a build beside this one, another test) may have put its
// own there first: it is whole (it got there by a rename too), built from
// the same key, and may be in use, so it stays and tmp is dropped by the
// caller. A rename does not replace a directory that holds files, so of
// two builds one wins and neither removes the other's, where removing dir
// first had a build pull a toolchain from under the one that finished
// before it. A dir that is not whole, which no build leaves, is renamed
// out of the way first (a build that renamed its own there meanwhile
// keeps it; pruneCache removes the ".rm-" entry), then replaced.
func install(tmp, dir string) error {
	err := os.Rename(tmp, dir)
	if err == nil {
		return nil
	}
	if _, _, ok := whole(dir); ok {
		return nil
	}
	if _, serr := os.Lstat(dir); serr != nil {
		return err
	}
	aside := filepath.Join(filepath.Dir(dir), ".rm-"+filepath.Base(tmp))
	if err := os.Rename(dir, aside); err != nil {
		return err
	}
	os.RemoveAll(aside)
	if err := os.Rename(tmp, dir); err != nil {
		if _, _, ok := whole(dir); ok {
			return nil
		}
		return err
	}
	return nil
}

// readImports reads the imports file: one archive a line, its path and
// then its direct imports.
func readImports(file string) (map[string][]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	imports := map[string][]string{}
	for line := range strings.Lines(string(b)) {
		if f := strings.Fields(line); len(f) > 0 {
			imports[f[0]] = f[1:]
		}
	}
	return imports, nil
}

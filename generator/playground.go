package generator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goexpert/gointernals/generator/assets"
)

// addPlayground compiles the interpreter to WebAssembly (cached by the hash
// of its sources), bundles the page script and the workers, and ships them
// with wasm_exec.js from the same toolchain, all under hashed names. The
// exact engine's files (the Go compiler, linker and the standard library's
// archives for js/wasm, cached by Go version) go with them; a page fetches
// the tools only when a program needs them, and an archive only when a
// program imports it.
func (r *renderer) addPlayground(ctx context.Context, cfg PlaygroundConfig) error {
	cache, err := wasmCache(&cfg)
	if err != nil {
		return err
	}
	w, err := assets.BuildWasm(ctx, assets.WasmOptions{
		ModuleDir:  cfg.ModuleDir,
		Package:    "./playground/wasm",
		SourceDirs: []string{"playground"},
		CacheDir:   cache,
	})
	if err != nil {
		return fmt.Errorf("playground: %w", err)
	}
	packages, err := assets.ExactPackages(ctx, cfg.ModuleDir, cache)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	tc, err := assets.BuildToolchain(ctx, cfg.ModuleDir, cache, packages)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	dl, err := tc.DownloadFiles()
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	out, err := assets.Bundle(r.web, []string{"playground.js", "worker.js", "exact.js", "runner.js"}, nil)
	if err != nil {
		return fmt.Errorf("playground: %w", err)
	}
	sandbox, sandboxHash, err := sandboxScript(r.web, w.Exec, out)
	if err != nil {
		return fmt.Errorf("playground: %w", err)
	}
	add := func(name string, b []byte) string {
		r.files["assets/"+name] = b
		return "/assets/" + name
	}
	// Megabytes from the cache are linked into the site, not copied.
	link := func(f assets.CachedFile) string {
		r.links["assets/"+f.Name] = f
		return "/assets/" + f.Name
	}
	wasmURL := ""
	if w.File != nil {
		wasmURL = link(*w.File)
	} else {
		wasmURL = add(assets.HashName("engine.wasm", w.Binary), w.Binary)
	}
	limit := cfg.TimeLimit
	if limit == 0 {
		limit = 10 * time.Second
	}
	r.playground = &playgroundURLs{
		Script:        add(out["playground.js"].Name, out["playground.js"].Contents),
		Sandbox:       add(sandbox.Name, sandbox.Contents),
		SandboxHash:   sandboxHash,
		SandboxPolicy: sandboxPolicy(sandboxHash),
		Exec:          add(assets.HashName("wasm_exec.js", w.Exec), w.Exec),
		Wasm:          wasmURL,
		Limit:         int(limit / time.Second),
	}
	sums := map[string]string{}
	inflated := map[string]int64{}
	for _, f := range []assets.CachedFile{dl.Compile, dl.Link} {
		if sums["/assets/"+f.Name], err = linkedDigest(f); err != nil {
			return fmt.Errorf("playground: the exact engine: %w", err)
		}
		if inflated["/assets/"+f.Name], err = inflatedSize(f.Path); err != nil {
			return fmt.Errorf("playground: the exact engine: %w", err)
		}
	}
	manifest, err := r.stdlibManifest(tc, dl)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	stdlib := add(assets.HashName("stdlib.json", manifest), manifest)
	sums[stdlib] = manifestDigest(manifest)
	exact, err := json.Marshal(exactURLs{
		Worker:   add(out["exact.js"].Name, out["exact.js"].Contents),
		Compile:  link(dl.Compile),
		Link:     link(dl.Link),
		Stdlib:   stdlib,
		Size:     int(dl.Size(assets.Closure(tc.Imports, assets.FirstPackages...))) + len(manifest),
		SHA256:   sums,
		Inflated: inflated,
	})
	if err != nil {
		return err
	}
	r.playground.Exact = string(exact)
	return nil
}

// exactURLs are what the exact engine's worker is told to load
// (playground/web/exact.js), as JSON in the page's data-pg-exact.
type exactURLs struct {
	Worker  string `json:"worker"`
	Compile string `json:"compile"`
	Link    string `json:"link"`
	// Stdlib is the manifest of the standard library's archives
	// (assets.Manifest), which the worker fetches as programs import them.
	Stdlib string `json:"stdlib"`
	// Size is the gzipped bytes the worker fetches before the first
	// build (the tools, the manifest and the archives of
	// assets.FirstPackages), for progress.
	Size int `json:"size"`
	// SHA256 is the digest of each file inflated, by URL (linkedDigest):
	// the worker checks a download, and each later load from its cache.
	// The archives' digests are in the manifest.
	SHA256 map[string]string `json:"sha256"`
	// Inflated is the size of the compiler and the linker inflated, by
	// URL. The browser inflates them as they arrive (they are served with
	// Content-Encoding: gzip, see headers.go), so the worker counts
	// inflated bytes and scales them to the gzipped size for progress.
	Inflated map[string]int64 `json:"inflated"`
}

// inflatedSize is the size of the gzipped file at path once inflated, from
// the gzip trailer (ISIZE, the size modulo 2^32: the tools are far below
// 4 GiB).
func inflatedSize(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	var trailer [4]byte
	if st.Size() < 18 { // a gzip header and trailer
		return 0, fmt.Errorf("%s: not a gzip file", path)
	}
	if _, err := f.ReadAt(trailer[:], st.Size()-4); err != nil {
		return 0, fmt.Errorf("%s: reading the gzip trailer: %w", path, err)
	}
	return int64(binary.LittleEndian.Uint32(trailer[:])), nil
}

// sandboxScript bundles the playground's sandbox (playground/web/
// sandbox.js) with the workers that run reader code and Go's wasm_exec.js
// embedded (the sandbox can fetch nothing), and returns it with its hash
// as a CSP source: the page writes it inline into the sandbox's frame,
// which the site's policy allows by that hash.
func sandboxScript(web fs.FS, exec []byte, workers map[string]assets.Output) (assets.Output, string, error) {
	sources, err := json.Marshal(map[string]string{
		"fast":   string(workers["worker.js"].Contents),
		"runner": string(workers["runner.js"].Contents),
	})
	if err != nil {
		return assets.Output{}, "", err
	}
	goJS, err := json.Marshal(string(exec))
	if err != nil {
		return assets.Output{}, "", err
	}
	out, err := assets.Bundle(web, []string{"sandbox.js"}, map[string]string{
		"sources.js": "export const wasmExec = " + string(goJS) + ";\nexport const sources = " + string(sources) + ";\n",
	})
	if err != nil {
		return assets.Output{}, "", err
	}
	script := out["sandbox.js"]
	// Inline in a script element, "</script" would end it early, and
	// "<!--" would change how the rest of it is read.
	for _, bad := range []string{"</script", "<!--"} {
		if bytes.Contains(bytes.ToLower(script.Contents), []byte(bad)) {
			return assets.Output{}, "", fmt.Errorf("the sandbox's script holds %q, which cannot be inlined", bad)
		}
	}
	sum := sha256.Sum256(script.Contents)
	return script, sri(sum[:]), nil
}

// FindModule returns the directory holding go.mod, from dir upwards.
func FindModule(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.Contains(string(b), "module github.com/goexpert/gointernals") {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod of this project above %s: run the build from the repository", abs)
		}
	}
}

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

// bundlePlayground is the playground's stage: it adds the page script,
// the workers and the sandbox (with wasm_exec.js of the toolchain that
// runs the build) to out under hashed names, then, when engines is set,
// the engines (addEngines), and returns their URLs for the pages. A check
// passes engines false: bundling the scripts is cheap and fails as the
// build would, but compiling the interpreter and building or reading the
// exact engine's files checks nothing of the content, so a check does
// neither, and its pages name no engine (data-pg-wasm and data-pg-exact
// are empty; a check writes no page). What the content needs of the exact
// engine, the packages a program may import, checkImports gets from the
// go command's list of them (assets.ExactPackages), not from these files.
func bundlePlayground(ctx context.Context, cfg PlaygroundConfig, web fs.FS, engines bool, out *output) (*playgroundURLs, error) {
	execJS, err := assets.WasmExec(ctx, cfg.ModuleDir)
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	bundled, err := assets.Bundle(web, []string{"worker.js", "exact.js", "runner.js"}, nil)
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	sandbox, sandboxHash, err := sandboxScript(web, execJS, bundled)
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	limit := cfg.TimeLimit
	if limit == 0 {
		limit = 10 * time.Second
	}
	scripts, err := scriptPerLanguage(web, out)
	if err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	pg := &playgroundURLs{
		Scripts:       scripts,
		Sandbox:       out.add(sandbox.Name, sandbox.Contents),
		SandboxHash:   sandboxHash,
		SandboxPolicy: sandboxPolicy(sandboxHash),
		Exec:          out.add(assets.HashName("wasm_exec.js", execJS), execJS),
		Limit:         int(limit / time.Second),
	}
	if engines {
		if err := addEngines(ctx, cfg, bundled["exact.js"], pg, out); err != nil {
			return nil, err
		}
	}
	return pg, nil
}

// scriptPerLanguage bundles the page script once per language it has
// words for (strings-*.js), strings.js replaced by one that returns that
// language's alone: a page carries its own language's words, not every
// language's (about 930 bytes gzipped a page for two). It returns the
// scripts' URLs by language ("pt", "en").
func scriptPerLanguage(web fs.FS, out *output) (map[string]string, error) {
	files, err := fs.Glob(web, "strings-*.js")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no strings-*.js in the page script's sources (%v)", err)
	}
	scripts := map[string]string{}
	for _, f := range files {
		lang := strings.TrimSuffix(strings.TrimPrefix(f, "strings-"), ".js")
		b, err := assets.Bundle(web, []string{"playground.js"}, map[string]string{
			"strings.js": "import words from './" + f + "';\nexport function strings() {\n  return words;\n}\n",
		})
		if err != nil {
			return nil, err
		}
		scripts[lang] = out.add(b["playground.js"].Name, b["playground.js"].Contents)
	}
	return scripts, nil
}

// addEngines compiles the interpreter to WebAssembly (cached by the hash
// of its sources) and adds the exact engine's files (the Go compiler,
// linker and the standard library's archives for js/wasm, cached by Go
// version) and its worker, exactJS, to out and their URLs to pg; a page
// fetches the tools only when a
// program needs them, and an archive only when a program imports it.
func addEngines(ctx context.Context, cfg PlaygroundConfig, exactJS assets.Output, pg *playgroundURLs, out *output) error {
	cache, err := wasmCache(&cfg)
	if err != nil {
		return err
	}
	build := cfg.builders.orAssets()
	w, err := build.wasm(ctx, assets.WasmOptions{
		ModuleDir:  cfg.ModuleDir,
		Package:    "./playground/wasm",
		SourceDirs: []string{"playground"},
		CacheDir:   cache,
		Embedded:   []string{"playground/engine/lowerlib/helpers.go"},
	})
	if err != nil {
		return fmt.Errorf("playground: %w", err)
	}
	packages, err := assets.ExactPackages(ctx, cfg.ModuleDir, cache)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	tc, err := build.toolchain(ctx, cfg.ModuleDir, cache, packages)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	dl, err := tc.DownloadFiles()
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	// Megabytes from the cache are linked into the site, not copied.
	if w.File != nil {
		pg.Wasm = out.link(*w.File)
	} else {
		pg.Wasm = out.add(assets.HashName("engine.wasm", w.Binary), w.Binary)
	}
	sums := map[string]string{}
	inflated := map[string]int64{}
	for _, f := range []assets.CachedFile{dl.Compile, dl.Link} {
		// Digested and measured from the gzipped copy, published beside
		// the brotli file for a host that drops its Content-Encoding.
		gz := dl.Gzip[f.Name]
		out.linkAt("assets/"+assets.GzipName(f.Name), gz)
		if sums["/assets/"+f.Name], err = linkedDigest(gz); err != nil {
			return fmt.Errorf("playground: the exact engine: %w", err)
		}
		if inflated["/assets/"+f.Name], err = inflatedSize(gz.Path); err != nil {
			return fmt.Errorf("playground: the exact engine: %w", err)
		}
	}
	gd, err := assets.ReadGodebugs(ctx, cfg.ModuleDir)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	manifest, err := stdlibManifest(tc, dl, gd, out)
	if err != nil {
		return fmt.Errorf("playground: the exact engine: %w", err)
	}
	stdlib := out.add(assets.HashName("stdlib.json", manifest), manifest)
	sums[stdlib] = manifestDigest(manifest)
	exact, err := json.Marshal(exactURLs{
		Worker:   out.add(exactJS.Name, exactJS.Contents),
		Compile:  out.link(dl.Compile),
		Link:     out.link(dl.Link),
		Stdlib:   stdlib,
		Size:     int(dl.Size(assets.Closure(tc.Imports, assets.FirstPackages...))) + len(manifest),
		SHA256:   sums,
		Inflated: inflated,
	})
	if err != nil {
		return err
	}
	pg.Exact = string(exact)
	return nil
}

// engineBuilders compile the playground's engines; a nil one is package
// assets' (BuildWasm, BuildToolchain). Tests set their own in
// PlaygroundConfig to see which a build calls: a check calls neither.
type engineBuilders struct {
	wasm      func(context.Context, assets.WasmOptions) (*assets.Wasm, error)
	toolchain func(ctx context.Context, moduleDir, cacheDir string, packages []string) (*assets.Toolchain, error)
}

func (b engineBuilders) orAssets() engineBuilders {
	if b.wasm == nil {
		b.wasm = assets.BuildWasm
	}
	if b.toolchain == nil {
		b.toolchain = assets.BuildToolchain
	}
	return b
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
	// Size is the compressed bytes the worker fetches before the first
	// build (the tools, the manifest and the archives of
	// assets.FirstPackages), for progress.
	Size int `json:"size"`
	// SHA256 is the digest of each file inflated, by URL (linkedDigest):
	// the worker checks a download, and each later load from its cache.
	// The archives' digests are in the manifest.
	SHA256 map[string]string `json:"sha256"`
	// Inflated is the size of the compiler and the linker inflated, by
	// URL. The browser decodes them as they arrive (they are served with
	// Content-Encoding: br, see headers.go), so the worker counts
	// decoded bytes and scales them to the compressed size for progress.
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
	// The workers' copy of wasm_exec.js is minified, its copyright lines
	// kept: unminified, it was the largest part of the page's scripts
	// that a reader's browser loads on every page with a playground.
	for _, r := range []struct{ old, new string }{
		// Its decoder of Go's strings keeps a leading U+FEFF, which is
		// the string's own: a TextDecoder drops it by default, and each
		// batch of the interpreter's output that began with one lost it.
		{`const decoder = new TextDecoder("utf-8");`, `const decoder = new TextDecoder("utf-8", { ignoreBOM: true });`},
		// time.Now reads the wall clock from Date, in whole
		// milliseconds: every reading's Nanosecond() was a multiple of a
		// million, where go run's are not (a blind pass). The monotonic
		// clock's source, timeOrigin (Date's time when the Go object was
		// made) plus performance.now(), has the fraction the browser
		// gives.
		{`const msec = (new Date).getTime();`, `const msec = timeOrigin + performance.now();`},
		// Its checks that the host has crypto, performance, TextEncoder
		// and TextDecoder (which older Node needed polyfills for), each
		// with its message, are dead code in the sandbox's workers: every
		// browser that runs the playground has all four in a worker.
		{"\tif (!globalThis.crypto) {\n\t\tthrow new Error(\"globalThis.crypto is not available, polyfill required (crypto.getRandomValues only)\");\n\t}\n\n" +
			"\tif (!globalThis.performance) {\n\t\tthrow new Error(\"globalThis.performance is not available, polyfill required (performance.now only)\");\n\t}\n\n" +
			"\tif (!globalThis.TextEncoder) {\n\t\tthrow new Error(\"globalThis.TextEncoder is not available, polyfill required\");\n\t}\n\n" +
			"\tif (!globalThis.TextDecoder) {\n\t\tthrow new Error(\"globalThis.TextDecoder is not available, polyfill required\");\n\t}\n", ""},
	} {
		if bytes.Count(exec, []byte(r.old)) != 1 {
			return assets.Output{}, "", fmt.Errorf("wasm_exec.js no longer has %q once: update sandboxScript in generator/playground.go for this Go release", r.old)
		}
		exec = bytes.Replace(exec, []byte(r.old), []byte(r.new), 1)
	}
	small, err := assets.Minify(exec)
	if err != nil {
		return assets.Output{}, "", err
	}
	goJS, err := json.Marshal(string(small))
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

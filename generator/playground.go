package generator

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
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
// exact engine's files (the Go compiler, linker and archives for js/wasm,
// cached by Go version) go with them; a page fetches them only when a
// program needs them.
func (r *renderer) addPlayground(ctx context.Context, cfg PlaygroundConfig) error {
	cache := cfg.CacheDir
	if cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return err
		}
		cache = filepath.Join(dir, "gointernals", "wasm")
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
	tc, err := assets.BuildToolchain(ctx, cfg.ModuleDir, cache, assets.ExactPackages)
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
	sandbox, err := sandboxFiles(r.web, w.Exec, out)
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
	add(sandbox.script.Name, sandbox.script.Contents)
	r.files[sandbox.pageName] = sandbox.page
	r.playground = &playgroundURLs{
		Script:      add(out["playground.js"].Name, out["playground.js"].Contents),
		Sandbox:     "/" + sandbox.pageName,
		SandboxHash: sandbox.hash,
		Exec:        add(assets.HashName("wasm_exec.js", w.Exec), w.Exec),
		Wasm:        wasmURL,
		Limit:       int(limit / time.Second),
	}
	sums := map[string]string{}
	for _, f := range dl {
		if sums["/assets/"+f.Name], err = linkedDigest(f); err != nil {
			return fmt.Errorf("playground: the exact engine: %w", err)
		}
	}
	exact, err := json.Marshal(exactURLs{
		Worker:  add(out["exact.js"].Name, out["exact.js"].Contents),
		Compile: link(dl[0]),
		Link:    link(dl[1]),
		Pack:    link(dl[2]),
		Size:    int(dl[0].Size + dl[1].Size + dl[2].Size),
		SHA256:  sums,
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
	Pack    string `json:"pack"`
	Size    int    `json:"size"` // gzipped bytes in all, for progress
	// SHA256 is the digest of each file inflated, by URL (linkedDigest):
	// the worker checks a download, and each later load from its cache.
	SHA256 map[string]string `json:"sha256"`
}

// sandboxFiles makes the playground's sandbox (playground/web/sandbox.js):
// its script, with the workers that run reader code embedded after
// wasm_exec.js (the frame can fetch nothing), and the page that loads it,
// which the frame's policy pins by the script's hash. The page's name
// carries a hash of its own, so it is cached like an asset.
func sandboxFiles(web fs.FS, exec []byte, workers map[string]assets.Output) (sandboxOut, error) {
	sources, err := json.Marshal(map[string]string{
		"fast":   string(exec) + "\n" + string(workers["worker.js"].Contents),
		"runner": string(exec) + "\n" + string(workers["runner.js"].Contents),
	})
	if err != nil {
		return sandboxOut{}, err
	}
	out, err := assets.Bundle(web, []string{"sandbox.js"}, map[string]string{
		"sources.js": "export const sources = " + string(sources) + ";\n",
	})
	if err != nil {
		return sandboxOut{}, err
	}
	script := out["sandbox.js"]
	sum := sha256.Sum256(script.Contents)
	hash := "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
	page := fmt.Appendf(nil, "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>Go playground sandbox</title>\n"+
		"<script src=\"/assets/%s\" integrity=\"%s\" crossorigin=\"anonymous\"></script>\n", script.Name, hash)
	return sandboxOut{
		script:   script,
		hash:     hash,
		page:     page,
		pageName: "sandbox/" + assets.HashName("run.html", page),
	}, nil
}

type sandboxOut struct {
	script   assets.Output
	hash     string // of script, as a CSP source
	page     []byte
	pageName string // "sandbox/run-HASH.html"
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

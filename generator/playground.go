package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/playground/web"
)

// addPlayground compiles the interpreter to WebAssembly (cached by the hash
// of its sources), bundles the page script and the worker, and ships them
// with wasm_exec.js from the same toolchain, all under hashed names.
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
	out, err := assets.Bundle(web.Files, []string{"playground.js", "worker.js"}, nil)
	if err != nil {
		return fmt.Errorf("playground: %w", err)
	}
	add := func(name string, b []byte) string {
		r.files["assets/"+name] = b
		return "/assets/" + name
	}
	limit := cfg.TimeLimit
	if limit == 0 {
		limit = 10 * time.Second
	}
	r.playground = &playgroundURLs{
		Script: add(out["playground.js"].Name, out["playground.js"].Contents),
		Worker: add(out["worker.js"].Name, out["worker.js"].Contents),
		Exec:   add(assets.HashName("wasm_exec.js", w.Exec), w.Exec),
		Wasm:   add(assets.HashName("engine.wasm", w.Binary), w.Binary),
		Limit:  int(limit / time.Second),
	}
	return nil
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

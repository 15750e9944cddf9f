package generator

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"

	"github.com/goexpert/gointernals/generator/assets"
	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/internal/par"
	"github.com/goexpert/gointernals/generator/snippet"
	"github.com/goexpert/gointernals/playground/policy"
)

// The standard library in the exact engine: the page fetches each
// package's archive when a program imports it (assets/stdlib.go says what
// a program may import). The build publishes the archives under hashed
// names and a manifest of them, and refuses a playground program that
// imports anything else, so that what the build accepts, the page runs.

// wasmCache is where the playground's compiled files are kept.
func wasmCache(cfg *PlaygroundConfig) (string, error) {
	if cfg != nil && cfg.CacheDir != "" {
		return cfg.CacheDir, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "gointernals", "wasm"), nil
}

// stdlibManifest links every archive of dl into out under /assets/std/
// and returns the manifest the page's worker reads.
func stdlibManifest(tc *assets.Toolchain, dl *assets.DownloadSet, gd *assets.Godebugs, out *output) ([]byte, error) {
	importable := map[string]bool{}
	for _, p := range tc.Packages {
		importable[p] = true
	}
	m := assets.Manifest{First: assets.FirstPackages, Packages: map[string]assets.ManifestEntry{}, Godebug: gd}
	paths := tc.Archives
	sums := make([]string, len(paths))
	errs := make([]error, len(paths))
	// The first build after a new toolchain inflates 30 MB for these
	// digests; later ones read them from beside each file.
	par.N(len(paths), func(i int) { sums[i], errs[i] = linkedDigest(dl.Gzip[dl.Archives[paths[i]].Name]) })
	for i, p := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		f := dl.Archives[p]
		out.linkAt("assets/std/"+assets.GzipName(f.Name), dl.Gzip[f.Name])
		m.Packages[p] = assets.ManifestEntry{
			URL:        out.linkAt("assets/std/"+f.Name, f),
			Size:       f.Size,
			SHA256:     sums[i],
			Imports:    tc.Imports[p],
			Importable: importable[p],
		}
	}
	return json.Marshal(m) // map keys sorted: the same archives give the same bytes
}

// manifestDigest is the digest the worker checks the manifest against.
func manifestDigest(b []byte) string {
	sum := sha256.Sum256(b)
	return sri(sum[:])
}

// checkImports refuses a playground program (a program the page lets the
// reader run) that imports a package the exact engine does not offer, or
// uses more of unsafe than its layout's functions (policy.UnsafeMisuse):
// the interpreter hands such a program to the exact engine, which would
// refuse it in the page.
func checkImports(ctx context.Context, cfg Config, all []*snippet.Snippet) diag.List {
	var errs diag.List
	var offered map[string]bool
	for _, sn := range all {
		if sn.Attrs.NoRun != "" || snippet.KindOf(sn.Code) != snippet.Program {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "main.go", sn.Code, parser.SkipObjectResolution)
		if err != nil {
			continue // validation says what is wrong with it
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			if path == "unsafe" {
				if at, msg := policy.UnsafeMisuse(f, spec); msg != "" {
					pos := fset.Position(at)
					errs.Add(sn.Page, sn.Line+pos.Line-1, sn.Col+pos.Column-1, "snippet %d: %s (a snippet that needs it says so: {norun=\"why\"})", sn.Index, msg)
				}
				continue
			}
			if offered == nil {
				list, err := exactPackages(ctx, cfg)
				if err != nil {
					errs.Add(sn.Page, sn.Line, sn.Col, "snippet %d: the exact engine's packages: %v", sn.Index, err)
					return errs
				}
				offered = map[string]bool{}
				for _, p := range list {
					offered[p] = true
				}
			}
			if !offered[path] {
				pos := fset.Position(spec.Path.Pos())
				errs.Add(sn.Page, sn.Line+pos.Line-1, sn.Col+pos.Column-1,
					"snippet %d: package %s is not available in the playground (it offers the standard library for js/wasm, less reflect, syscall/js and internal packages, and all of unsafe but its layout's functions)", sn.Index, path)
			}
		}
	}
	return errs
}

// exactPackages is what a program may import in the exact engine, as
// the playground's build computes it.
func exactPackages(ctx context.Context, cfg Config) ([]string, error) {
	module := ""
	if cfg.Playground != nil {
		module = cfg.Playground.ModuleDir
	}
	cache, err := wasmCache(cfg.Playground)
	if err != nil {
		cache = "" // kept for the process only
	}
	return assets.ExactPackages(ctx, module, cache)
}

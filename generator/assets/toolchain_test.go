package assets

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestToolchainFiles builds the exact engine's files from the local Go
// installation (cached in the user cache directory, as the build caches
// them) and holds them to the budget: at most 20 MB gzipped in
// all, which is what a reader's browser downloads the first time it needs
// the exact engine.
func TestToolchainFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/compile for js/wasm")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = t.TempDir()
	}
	cache = filepath.Join(cache, "gointernals", "wasm") // where the build keeps it
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	moduleDir, _ := filepath.Abs("../..")
	start := time.Now()
	tc, err := BuildToolchain(ctx, moduleDir, cache, ExactPackages)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("toolchain for %s in %v (cached: %v)", tc.GoVersion, time.Since(start).Round(time.Millisecond), tc.Cached)

	have := map[string]bool{}
	for _, a := range tc.Archives {
		have[a] = true
	}
	for _, p := range ExactPackages {
		if !have[p] {
			t.Errorf("no archive for %s", p)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(tc.Dir, "importcfg"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(cfg), "packagefile "); n != len(tc.Archives) {
		t.Errorf("importcfg names %d archives, want %d", n, len(tc.Archives))
	}
	if !strings.Contains(string(cfg), "packagefile fmt=/pkg/fmt.a\n") {
		t.Errorf("importcfg does not name fmt as /pkg/fmt.a:\n%s", cfg)
	}

	for _, f := range []string{"compile.wasm", "link.wasm"} {
		b, err := os.ReadFile(filepath.Join(tc.Dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\x00asm")) {
			t.Errorf("%s is not a WebAssembly module", f)
		}
	}

	start = time.Now()
	d, err := tc.Downloads()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("downloads in %v: compile %d, link %d, pack %d bytes gzipped", time.Since(start).Round(time.Millisecond), len(d.Compile), len(d.Link), len(d.Pack))
	const budget = 20_000_000
	t.Logf("exact engine downloads: %d bytes in all (budget %d)", d.Size(), budget)
	if d.Size() > budget {
		t.Errorf("the exact engine's files are %d bytes gzipped, over the %d budget", d.Size(), budget)
	}
	files := untar(t, d.Pack)
	if len(files) != len(tc.Archives)+2 {
		t.Errorf("the pack holds %d files, want %d archives and 2 importcfg", len(files), len(tc.Archives))
	}
	compileCfg, linkCfg := string(files["importcfg.compile"]), string(files["importcfg.link"])
	for _, p := range ExactPackages {
		if !strings.Contains(compileCfg, "packagefile "+p+"=/pkg/"+p+".a\n") {
			t.Errorf("importcfg.compile does not name %s", p)
		}
		if _, ok := files["pkg/"+p+".a"]; !ok {
			t.Errorf("the pack has no pkg/%s.a", p)
		}
	}
	// What only the standard library may import stays out of the
	// compiler's reach, but the linker needs it.
	for _, p := range []string{"syscall/js", "internal/abi", "runtime/internal/sys"} {
		if strings.Contains(compileCfg, "packagefile "+p+"=") {
			t.Errorf("importcfg.compile names %s: a program could import it", p)
		}
	}
	if !strings.Contains(linkCfg, "packagefile syscall/js=/pkg/syscall/js.a\n") {
		t.Errorf("importcfg.link does not name syscall/js:\n%s", linkCfg)
	}
	again1, err := tc.Downloads()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again1.Compile, d.Compile) || !bytes.Equal(again1.Pack, d.Pack) {
		t.Error("a second Downloads gave different bytes")
	}

	again, err := BuildToolchain(ctx, moduleDir, cache, ExactPackages)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || again.Dir != tc.Dir || strings.Join(again.Archives, " ") != strings.Join(tc.Archives, " ") {
		t.Errorf("second build: cached %v, dir %s (first %s)", again.Cached, again.Dir, tc.Dir)
	}
}

func untar(t *testing.T, gz []byte) map[string][]byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Format != tar.FormatUSTAR {
			t.Errorf("%s: format %v, want ustar (the worker reads only ustar)", h.Name, h.Format)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name] = b
	}
}

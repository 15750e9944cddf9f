package assets

import (
	"bytes"
	"compress/gzip"
	"context"
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
	cache = filepath.Join(cache, "gointernals")
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

	var raw, gz int64
	for _, f := range tc.Files() {
		b, err := os.ReadFile(filepath.Join(tc.Dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".wasm") && !bytes.HasPrefix(b, []byte("\x00asm")) {
			t.Errorf("%s is not a WebAssembly module", f)
		}
		n := gzipLen(b)
		if strings.HasSuffix(f, ".wasm") {
			t.Logf("%s: %d bytes, %d gzipped", f, len(b), n)
		}
		raw += int64(len(b))
		gz += n
	}
	const budget = 20_000_000
	t.Logf("exact engine downloads: %d files, %d bytes, %d gzipped (budget %d)", len(tc.Files()), raw, gz, budget)
	if gz > budget {
		t.Errorf("the exact engine's files are %d bytes gzipped, over the %d budget", gz, budget)
	}

	again, err := BuildToolchain(ctx, moduleDir, cache, ExactPackages)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || again.Dir != tc.Dir || strings.Join(again.Archives, " ") != strings.Join(tc.Archives, " ") {
		t.Errorf("second build: cached %v, dir %s (first %s)", again.Cached, again.Dir, tc.Dir)
	}
}

func gzipLen(b []byte) int64 {
	cw := &countWriter{}
	w, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return cw.n
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

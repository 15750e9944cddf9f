package assets

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestPruneCacheKeepsTheRecentlyUsed fills a cache directory with modules
// and toolchains used at known times, and what failed builds leave, and
// prunes it: of each kind the most recently used stay, and any used within
// the hour, whatever their number; nothing of another kind is touched.
func TestPruneCacheKeepsTheRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	file := func(name string, at time.Time) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	// Modules: used (their .name's time) 1 to 5 days ago, one 10 minutes
	// ago, one without a record (its own time counts).
	for i, used := range []time.Duration{5 * 24 * time.Hour, 4 * 24 * time.Hour, 3 * 24 * time.Hour, 2 * 24 * time.Hour, 24 * time.Hour} {
		m := fmt.Sprintf("wasm-m%d.wasm", i)
		file(m, ago(6*24*time.Hour))
		file(m+".name", ago(used))
		file(m+".sri", ago(6*24*time.Hour))
	}
	file("wasm-recent.wasm", ago(9*24*time.Hour))
	file("wasm-recent.wasm.name", ago(10*time.Minute))
	file("wasm-bare.wasm", ago(7*24*time.Hour))
	// Toolchains: used 3, 2 and 1 days ago.
	for i, used := range []time.Duration{3 * 24 * time.Hour, 2 * 24 * time.Hour, 24 * time.Hour} {
		d := fmt.Sprintf("toolchain-go1.26.8-t%d", i)
		file(d+"/pkg/fmt.a", ago(4*24*time.Hour))
		file(d+"/complete", ago(used))
	}
	// What failed builds left: old, and one still being written.
	file(".tmp-old", ago(2*24*time.Hour))
	file(".sri-old", ago(2*24*time.Hour))
	file("toolchain-tmp-old/compile.wasm", ago(2*24*time.Hour))
	file("toolchain-tmp-now/compile.wasm", ago(time.Minute))
	file(".tmp-now", ago(time.Minute))
	// What a removal that died left, renamed out of the way.
	file(".rm-wasm-gone.wasm", ago(time.Minute))
	// Another cache's files.
	file("stdlib-go1.26.8-x.list", ago(30*24*time.Hour))
	os.Chtimes(filepath.Join(dir, "toolchain-tmp-old"), ago(2*24*time.Hour), ago(2*24*time.Hour))

	pruneCache(dir, moduleKind)
	pruneCache(dir, toolchainKind)

	var left []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			left = append(left, filepath.ToSlash(rel))
		}
		return nil
	})
	want := []string{
		".tmp-now",
		"stdlib-go1.26.8-x.list",
		"toolchain-go1.26.8-t1/complete", "toolchain-go1.26.8-t1/pkg/fmt.a",
		"toolchain-go1.26.8-t2/complete", "toolchain-go1.26.8-t2/pkg/fmt.a",
		"toolchain-tmp-now/compile.wasm",
		// The three most recently used, and none older.
		"wasm-m3.wasm", "wasm-m3.wasm.name", "wasm-m3.wasm.sri",
		"wasm-m4.wasm", "wasm-m4.wasm.name", "wasm-m4.wasm.sri",
		"wasm-recent.wasm", "wasm-recent.wasm.name",
	}
	slices.Sort(left)
	if !slices.Equal(left, want) {
		t.Errorf("left in the cache:\n%q\nwant\n%q", left, want)
	}

	// Used within the hour, entries stay beyond the number kept, even
	// marked up to markEvery before their last use.
	for _, m := range []string{"wasm-m3.wasm", "wasm-m4.wasm", "wasm-recent.wasm"} {
		file(m+".name", ago(recentUse+markEvery-5*time.Minute))
	}
	file("wasm-new.wasm.name", ago(time.Second))
	file("wasm-new.wasm", ago(time.Second))
	pruneCache(dir, moduleKind)
	for _, m := range []string{"wasm-m3.wasm", "wasm-m4.wasm", "wasm-recent.wasm", "wasm-new.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, m)); err != nil {
			t.Errorf("%s, used within the hour, was removed", m)
		}
	}
}

// TestBuildWasmPrunesTheCache builds one small program in four versions
// into one cache, with the first three last used days ago: the fourth's
// build removes the oldest, and a build that finds its module marks it
// used.
func TestBuildWasmPrunesTheCache(t *testing.T) {
	mod, write := helloModule(t)
	cache := t.TempDir()
	opts := WasmOptions{ModuleDir: mod, Package: ".", SourceDirs: []string{"."}, CacheDir: cache}
	build := func(v int) string {
		t.Helper()
		write("main.go", fmt.Sprintf("package main\n\nfunc main() { println(%d) }\n", v))
		w, err := BuildWasm(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if w.File == nil {
			t.Fatal("no module in the cache")
		}
		return w.File.Path
	}
	var paths []string
	for v := range 3 {
		p := build(v)
		at := time.Now().Add(-time.Duration(10-v) * 24 * time.Hour)
		if err := os.Chtimes(p+".name", at, at); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	// Found in the cache, the oldest is marked used now.
	if build(0) != paths[0] {
		t.Fatal("the first version was built again, not found")
	}
	if st, err := os.Stat(paths[0] + ".name"); err != nil || time.Since(st.ModTime()) > time.Minute {
		t.Fatalf("the module found in the cache was not marked used: %v", err)
	}
	build(3)
	for i, p := range paths {
		_, err := os.Stat(p)
		if gone := err != nil; gone != (i == 1) {
			t.Errorf("version %d: removed %v; want only version 1, the least recently used, removed", i, gone)
		}
	}
}

// TestMarkUsed marks a module and a toolchain used days ago: each gets
// the time now on the file its kind reads, and a mark younger than
// markEvery is left as it is.
func TestMarkUsed(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-48 * time.Hour)
	for _, p := range []string{"wasm-a.wasm", "wasm-a.wasm.name", "toolchain-x/complete"} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	markUsed(moduleKind, filepath.Join(dir, "wasm-a.wasm"))
	markUsed(toolchainKind, filepath.Join(dir, "toolchain-x"))
	for p, marked := range map[string]bool{"wasm-a.wasm.name": true, "toolchain-x/complete": true, "wasm-a.wasm": false} {
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if recent := time.Since(st.ModTime()) < time.Minute; recent != marked {
			t.Errorf("%s: marked %v, want %v", p, recent, marked)
		}
	}
	recent := time.Now().Add(-markEvery / 2).Truncate(time.Second)
	name := filepath.Join(dir, "wasm-a.wasm.name")
	os.Chtimes(name, recent, recent)
	markUsed(moduleKind, filepath.Join(dir, "wasm-a.wasm"))
	if st, _ := os.Stat(name); !st.ModTime().Equal(recent) {
		t.Errorf("a mark %v old was written again", markEvery/2)
	}
}

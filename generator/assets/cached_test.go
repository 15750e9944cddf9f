package assets

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tamper rewrites a byte of file in place, as a program writing into the
// cache would, and leaves its record alone.
func tamper(t *testing.T, file string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCachedFileIsChecked(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "module.wasm")
	b := []byte("\x00asm some module")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := cachedFile(file, "engine.wasm", nil); !errors.Is(err, errUnrecorded) {
		t.Errorf("a file without a record: got %v, want errUnrecorded", err)
	}
	made, err := cachedFile(file, "engine.wasm", b)
	if err != nil || made.Name != HashName("engine.wasm", b) {
		t.Fatalf("made: %+v, %v", made, err)
	}
	if again, err := cachedFile(file, "engine.wasm", nil); err != nil || again != made {
		t.Errorf("unchanged: %+v, %v", again, err)
	}
	tamper(t, file)
	_, err = cachedFile(file, "engine.wasm", nil)
	var changed *ChangedError
	if !errors.As(err, &changed) || changed.Path != file || !strings.Contains(err.Error(), file+" changed in the cache after it was made") {
		t.Errorf("a changed file: got %v", err)
	}

	// A record of the name alone, as builds before this check wrote it,
	// is checked against the name's hash, then completed.
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file+".name", []byte(made.Name), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := cachedFile(file, "engine.wasm", nil); err != nil || got != made {
		t.Errorf("an old record: %+v, %v", got, err)
	}
	if rec, _ := os.ReadFile(file + ".name"); strings.Count(string(rec), "\n") != 2 {
		t.Errorf("the old record was not completed: %q", rec)
	}
	if err := os.WriteFile(file+".name", []byte(made.Name), 0o644); err != nil {
		t.Fatal(err)
	}
	tamper(t, file)
	if _, err := cachedFile(file, "engine.wasm", nil); !errors.As(err, &changed) {
		t.Errorf("a changed file with an old record: got %v", err)
	}
}

// The engine's module is made again from the sources when its cache
// entry changed.
func TestBuildWasmRemakesAChangedModule(t *testing.T) {
	mod := t.TempDir()
	for name, data := range map[string]string{
		"go.mod":  "module example.org/hello\n\ngo 1.26\n",
		"go.sum":  "",
		"main.go": "package main\n\nfunc main() { println(\"hello\") }\n",
	} {
		if err := os.WriteFile(filepath.Join(mod, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts := WasmOptions{ModuleDir: mod, Package: ".", SourceDirs: []string{"."}, CacheDir: t.TempDir()}
	first, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	tamper(t, first.File.Path)
	again, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(again.File.Path)
	if err != nil {
		t.Fatal(err)
	}
	if again.Cached || !bytes.Equal(b, first.Binary) || again.File.Name != first.File.Name {
		t.Errorf("the changed module was published: cached %v, same bytes %v", again.Cached, bytes.Equal(b, first.Binary))
	}
}

// A changed download of the exact engine, a tool or an archive, fails the
// build, with the file and the directory to remove.
func TestDownloadFilesRefuseAChangedFile(t *testing.T) {
	tc := &Toolchain{Dir: t.TempDir(), Packages: []string{"fmt"}, Archives: []string{"fmt", "internal/abi"}}
	list := tc.downloads()
	made := make([][]byte, len(list))
	for i, x := range list {
		made[i] = []byte("download " + x.file)
		file := filepath.Join(tc.Dir, "download", x.file)
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, made[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(tc.Dir, "download", "complete"), []byte(tc.completeMark()), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := tc.downloadFiles(made)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first.Archives["internal/abi"].Name, "internal-abi-") || !strings.HasSuffix(first.Archives["internal/abi"].Name, ".a.br") || !strings.HasSuffix(first.Gzip[first.Archives["internal/abi"].Name].Name, ".a.gz") {
		t.Errorf("internal/abi is published as %q", first.Archives["internal/abi"].Name)
	}
	start := time.Now()
	again, err := tc.DownloadFiles()
	if err != nil || again.Link != first.Link || again.Archives["fmt"] != first.Archives["fmt"] {
		t.Fatalf("unchanged: %v, %v", again, err)
	}
	t.Logf("checked in %v", time.Since(start))
	for _, file := range []string{filepath.Join("pkg", "internal", "abi.a.br"), filepath.Join("pkg", "internal", "abi.a.gz"), "link.wasm.br", "link.wasm.gz"} {
		path := filepath.Join(tc.Dir, "download", file)
		tamper(t, path)
		_, err = tc.DownloadFiles()
		if err == nil || !strings.Contains(err.Error(), path+" changed in the cache") || !strings.Contains(err.Error(), "remove "+tc.Dir) {
			t.Errorf("%s: want the changed file and the directory to remove, got %v", file, err)
		}
		tamper(t, path) // back as it was
	}
}

// A process remembers a file it checked only while nothing writes to it:
// a write in place, or another file renamed over it, is found at the next
// check as on the first, however long after.
func TestCachedFileRememberedUntilItChanges(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "link.wasm.gz")
	b := []byte("\x1f\x8b some download")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	made, err := cachedFile(file, "link.wasm.gz", b)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // past the second a change is not remembered in
	for range 2 {
		if again, err := cachedFile(file, "link.wasm.gz", nil); err != nil || again != made {
			t.Fatalf("unchanged: %+v, %v", again, err)
		}
	}
	tamper(t, file)
	time.Sleep(1100 * time.Millisecond)
	var changed *ChangedError
	if _, err := cachedFile(file, "link.wasm.gz", nil); !errors.As(err, &changed) {
		t.Errorf("written in place after it was remembered: got %v", err)
	}
	tamper(t, file) // back as it was
	time.Sleep(1100 * time.Millisecond)
	if _, err := cachedFile(file, "link.wasm.gz", nil); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other")
	forged := append([]byte{}, b...)
	forged[3] ^= 0xff
	if err := os.WriteFile(other, forged, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, file); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond)
	if _, err := cachedFile(file, "link.wasm.gz", nil); !errors.As(err, &changed) {
		t.Errorf("another file renamed over it: got %v", err)
	}
}

package assets

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// helloModule makes a module of one main package in a temporary
// directory, and returns it and a function writing a file into it.
func helloModule(t *testing.T) (string, func(name, data string)) {
	mod := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(mod, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.org/hello\n\ngo 1.26\n")
	write("go.sum", "")
	return mod, write
}

func TestBuildWasmCachesByContent(t *testing.T) {
	mod, write := helloModule(t)
	write("main.go", "package main\n\nfunc main() { println(\"hello\") }\n")
	opts := WasmOptions{ModuleDir: mod, Package: ".", SourceDirs: []string{"."}, CacheDir: t.TempDir()}

	first, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if first.Cached || !bytes.HasPrefix(first.Binary, []byte("\x00asm")) {
		t.Fatalf("first build: cached=%v, magic %q", first.Cached, first.Binary[:4])
	}
	if !bytes.Contains(first.Exec, []byte("globalThis.Go")) {
		t.Error("wasm_exec.js does not define globalThis.Go")
	}
	second, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	secondBytes, err := second.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !second.Cached || !bytes.Equal(secondBytes, first.Binary) || second.File == nil || second.File.Name != HashName("engine.wasm", first.Binary) {
		t.Error("an unchanged program was rebuilt instead of read from the cache")
	}
	write("main.go", "package main\n\nfunc main() { println(\"changed\") }\n")
	third, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if third.Cached {
		t.Error("a changed source was served from the cache")
	}
	write("main.go", "package main\n\nfunc main() { undefined() }\n")
	if _, err := BuildWasm(context.Background(), opts); err == nil || !bytes.Contains([]byte(err.Error()), []byte("undefined")) {
		t.Errorf("a broken program should fail with the compiler's message, got %v", err)
	}
}

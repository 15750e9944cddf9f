package assets

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goexpert/gointernals/playground/policy"
)

// The closure is what the page fetches for a program: every package
// reachable through imports, once, sorted; a root without an archive is
// left to the compiler to report.
func TestClosure(t *testing.T) {
	imports := map[string][]string{
		"fmt":             {"os", "strconv", "reflect"},
		"os":              {"syscall", "time"},
		"time":            {"syscall", "runtime"},
		"syscall":         {"syscall/js", "runtime"},
		"syscall/js":      {"runtime"},
		"strconv":         {"math", "runtime"},
		"math":            {"runtime"},
		"reflect":         {"strconv", "runtime"},
		"runtime":         {"internal/abi"},
		"internal/abi":    {"runtime"}, // a cycle cannot exist in Go, and costs nothing here
		"encoding/json":   {"reflect", "encoding/base64"},
		"encoding/base64": {"strconv"},
	}
	got := Closure(imports, "fmt", "runtime", "time", "github.com/not/std")
	want := []string{"fmt", "internal/abi", "math", "os", "reflect", "runtime", "strconv", "syscall", "syscall/js", "time"}
	if !slices.Equal(got, want) {
		t.Errorf("Closure(fmt, runtime, time) = %v, want %v", got, want)
	}
	more := Closure(imports, "encoding/json", "runtime")
	if !slices.Contains(more, "encoding/base64") || slices.Contains(more, "fmt") || slices.Contains(more, "syscall/js") {
		t.Errorf("Closure(encoding/json) = %v", more)
	}
	if got := Closure(imports); len(got) != 0 {
		t.Errorf("Closure() = %v", got)
	}
}

// Every archive gets a name of its own, whatever separators its path has.
func TestArchiveNames(t *testing.T) {
	seen := map[string]string{}
	for _, p := range []string{"encoding/json", "encoding-json", "vendor/golang.org/x/net/http2/hpack", "math/rand/v2", "fmt"} {
		n := archiveName(p)
		stem, ext := splitExt(n)
		if ext != ".a.br" || strings.ContainsAny(stem, "/.") {
			t.Errorf("archiveName(%q) = %q: stem %q, extension %q", p, n, stem, ext)
		}
		if other, ok := seen[n]; ok && p != "encoding-json" {
			t.Errorf("%s and %s share the name %s", p, other, n)
		}
		seen[n] = p
	}
}

// ExactPackages asks the go command once, then reads its list from the
// cache directory.
func TestExactPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cache := t.TempDir()
	moduleDir, _ := filepath.Abs("../..")
	start := time.Now()
	list, err := ExactPackages(ctx, moduleDir, cache)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d packages a program may import, listed in %v", len(list), time.Since(start).Round(time.Millisecond))
	if !slices.IsSorted(list) || len(list) < 150 {
		t.Errorf("%d packages, sorted %v", len(list), slices.IsSorted(list))
	}
	for _, p := range list {
		if !policy.Importable(p) {
			t.Errorf("%s is listed", p)
		}
	}
	files, _ := filepath.Glob(filepath.Join(cache, "stdlib-*.list"))
	if len(files) != 1 {
		t.Fatalf("kept in %v", files)
	}
	// From the file, as a new process would.
	stdMu.Lock()
	clear(stdLists)
	stdMu.Unlock()
	if err := os.WriteFile(files[0], []byte("fmt\nstrings\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := ExactPackages(ctx, moduleDir, cache)
	if err != nil || !slices.Equal(again, []string{"fmt", "strings"}) {
		t.Errorf("from the cache: %v, %v", again, err)
	}
	stdMu.Lock()
	clear(stdLists)
	stdMu.Unlock()
}

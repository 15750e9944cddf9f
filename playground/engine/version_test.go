package engine

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var updateVersion = flag.Bool("update", false, "write version.go's digest of the engine's sources")

// TestVersionIsTheSources holds Version to the sources it names: a change
// to the source pass or the symbol tables that leaves Version alone would
// let the build reuse snippet results the engine may no longer give.
func TestVersionIsTheSources(t *testing.T) {
	want := engineSourceDigest(t)
	if sourceDigest == want {
		return
	}
	if !*updateVersion {
		t.Fatalf("the engine's sources changed: Version's digest is %s, the sources' %s; run go test ./playground/engine -run TestVersionIsTheSources -update", sourceDigest, want)
	}
	b, err := os.ReadFile("version.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`const sourceDigest = "[0-9a-f]*"`)
	if !re.Match(b) {
		t.Fatal("version.go has no sourceDigest to update")
	}
	if err := os.WriteFile("version.go", re.ReplaceAll(b, []byte(fmt.Sprintf("const sourceDigest = %q", want))), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("version.go: sourceDigest %s", want)
}

// engineSourceDigest hashes the engine's, its helpers' (lowerlib, which
// it embeds) and the symbol tables' Go files, tests and version.go aside,
// by name and content, and go.mod's yaegi line.
func engineSourceDigest(t *testing.T) string {
	t.Helper()
	h := sha256.New()
	for _, dir := range []string{".", "lowerlib", "../symbols"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(names)
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") || filepath.Base(name) == "version.go" && dir == "." {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(filepath.Join(filepath.Base(filepath.Clean(dir)), filepath.Base(name))), len(b))
			h.Write(b)
		}
	}
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(mod))
	found := false
	for sc.Scan() {
		if strings.Contains(sc.Text(), "github.com/traefik/yaegi ") {
			fmt.Fprintf(h, "%s\n", strings.TrimSpace(sc.Text()))
			found = true
		}
	}
	if !found {
		t.Fatal("go.mod names no github.com/traefik/yaegi")
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

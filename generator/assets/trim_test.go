package assets

import (
	"context"
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWasmOnlyOverlay trims the installed Go's sources: each file keeps
// its wasm branch and loses the others, parses, and names no other
// architecture's package. A Go release that moves these places fails
// here first.
func TestWasmOnlyOverlay(t *testing.T) {
	overlay := makeOverlay(t, wasmOnlyOverlay)
	// Beside the trimmed files, amd64FloatConversions' and
	// unsafeConversions' (their test is TestAmd64FloatConversions).
	float := map[string]bool{}
	for _, c := range append(amd64FloatConversions, unsafeConversions...) {
		float[filepath.Base(filepath.Dir(c.file))+"/"+filepath.Base(c.file)] = true
	}
	if len(overlay.Replace) != len(wasmOnly)+len(float) {
		t.Fatalf("the overlay replaces %d files, want %d", len(overlay.Replace), len(wasmOnly)+len(float))
	}
	for orig, trimmed := range overlay.Replace {
		src, err := os.ReadFile(trimmed)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), trimmed, src, parser.ParseComments); err != nil {
			t.Errorf("%s trimmed does not parse: %v", orig, err)
		}
		if float[filepath.Base(filepath.Dir(orig))+"/"+filepath.Base(orig)] {
			continue
		}
		was, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		want := trimmedAway[filepath.Base(filepath.Dir(orig))+"/"+filepath.Base(orig)]
		gone, kept := want[1:], want[0]
		if len(gone) == 0 {
			t.Errorf("%s: the test does not know this file", orig)
		}
		for _, s := range gone {
			if !strings.Contains(string(was), s) {
				t.Errorf("%s never had %s: the test is out of date", orig, s)
			} else if strings.Contains(string(src), s) {
				t.Errorf("%s trimmed still has %s", orig, s)
			}
		}
		if !strings.Contains(string(src), kept) {
			t.Errorf("%s trimmed lost its wasm branch", orig)
		}
		t.Logf("%s: %d bytes, %d trimmed", orig, len(was), len(src))
	}
}

// trimmedAway is, for each trimmed file by its directory and name, what
// it must keep (first) and what it must no longer name.
var trimmedAway = map[string][]string{
	"compile/main.go": {"wasm.Init", "cmd/compile/internal/amd64", "arm64.Init", "s390x.Init"},
	"ssa/config.go":   {"rewriteValueWasm", "rewriteValueAMD64", "rewriteBlockARM64", "rewriteValueRISCV64"},
	"link/main.go":    {"wasm.Init()", "cmd/link/internal/amd64", "arm64.Init()", "s390x.Init()"},
	// Each other architecture's entry keeps its name only; its assembler
	// package is no longer named.
	"ssa/opGen.go":             {"wasm.AI64Add", "x86.AADDQ", "cmd/internal/obj/arm64", "var registersAMD64", "gpRegMaskS390X"},
	"ssagen/simdintrinsics.go": {"func simdIntrinsics(", "ssa.OpAbsInt8x16", "sys.AMD64"},
	"s390x/objz.go":            {"func preprocess(", "var Links390x"},
}

// overlay is what go build's -overlay reads.
type overlay struct{ Replace map[string]string }

// makeOverlay runs make over the installed Go into a temporary directory
// and reads the overlay it wrote.
func makeOverlay(t *testing.T, make func(goroot, dir string) (string, error)) overlay {
	t.Helper()
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	name, err := make(goroot, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var o overlay
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("overlay %s: %v", b, err)
	}
	return o
}

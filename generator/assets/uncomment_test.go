package assets

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An embedded Go file goes into the module without its comments, its
// code whole, and the module's key follows the file.
func TestBuildWasmDropsEmbeddedComments(t *testing.T) {
	mod, write := helloModule(t)
	write("main.go", "package main\n\nimport _ \"embed\"\n\n//go:embed lib/helpers.go\nvar src string\n\nfunc main() { println(src) }\n")
	if err := os.Mkdir(filepath.Join(mod, "lib"), 0o755); err != nil {
		t.Fatal(err)
	}
	helpers := "package lib\n\n// DocCommentOfTheHelper says what the helper is.\nfunc helperBodyMarker() int {\n\treturn 42 /* InlineCommentMarker */\n}\n"
	if err := os.WriteFile(filepath.Join(mod, "lib", "helpers.go"), []byte(helpers), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := WasmOptions{ModuleDir: mod, Package: ".", SourceDirs: []string{"."}, CacheDir: t.TempDir(), Embedded: []string{"lib/helpers.go"}}
	w, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"DocCommentOfTheHelper", "InlineCommentMarker"} {
		if bytes.Contains(w.Binary, []byte(s)) {
			t.Errorf("the module carries the embedded file's comment %q", s)
		}
	}
	if !bytes.Contains(w.Binary, []byte("func helperBodyMarker() int {\n\treturn 42\n}")) {
		t.Error("the module lacks the embedded file's code, as gofmt writes it")
	}
	// Without Embedded the same file goes in whole: the test can fail.
	opts.Embedded = nil
	whole, err := BuildWasm(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := whole.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if whole.Cached || !bytes.Contains(b, []byte("DocCommentOfTheHelper")) {
		t.Errorf("built without Embedded: cached %v, comment kept %v", whole.Cached, bytes.Contains(b, []byte("DocCommentOfTheHelper")))
	}
}

func TestUncommentedRefusesDirectives(t *testing.T) {
	for _, src := range []string{
		"//go:build js\n\npackage lib\n",
		"package lib\n\n//go:noinline\nfunc f() {}\n",
		"package lib\n\nfunc f() {\n//line other.go:1\n}\n",
	} {
		if _, err := uncommented("lib/helpers.go", []byte(src)); err == nil || !strings.Contains(err.Error(), "lib/helpers.go:") || !strings.Contains(err.Error(), "directive") {
			t.Errorf("%q: got %v, want an error naming the file's line and the directive", src, err)
		}
	}
	if _, err := uncommented("lib/helpers.go", []byte("package lib\n\nfunc f( {\n")); err == nil || !strings.Contains(err.Error(), "lib/helpers.go:3") {
		t.Errorf("a file that does not parse: got %v", err)
	}
}

// The engine's helpers as the interpreter's module carries them: every
// declaration kept, no comment.
func TestEngineHelpersUncommented(t *testing.T) {
	name := filepath.Join("..", "..", "playground", "engine", "lowerlib", "helpers.go")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := uncommented(name, src)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("//")) || bytes.Contains(out, []byte("/*")) {
		t.Error("a comment is left")
	}
	if n, m := bytes.Count(src, []byte("\nfunc ")), bytes.Count(out, []byte("\nfunc ")); n != m || n == 0 {
		t.Errorf("%d functions in helpers.go, %d in its copy", n, m)
	}
	t.Logf("helpers.go: %d bytes, %d without comments", len(src), len(out))
}

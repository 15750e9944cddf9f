package assets

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestGodebugsAreTheGoCommands: the settings read from the table are
// those go build takes in a //go:debug line, and the removed ones those
// it refuses as removed: each is tried with the go command itself.
func TestGodebugsAreTheGoCommands(t *testing.T) {
	g, err := ReadGodebugs(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(g.Known, "panicnil") || !slices.Contains(g.Known, "asynctimerchan") || slices.Contains(g.Known, "x509sha1") || g.Removed["x509sha1"] != 24 {
		t.Fatalf("read %v, removed %v: panicnil and asynctimerchan known, x509sha1 removed in 1.24 expected", g.Known, g.Removed)
	}
	// One build with a known setting and a removed one, and a made-up:
	// go build names each that it refuses.
	dir := t.TempDir()
	src := "//go:debug panicnil=1\n//go:debug x509sha1=1\n//go:debug madeup=1\npackage main\n\nfunc main() {}\n"
	if err := os.WriteFile(dir+"/main.go", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-o", dir+"/x", "main.go")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	if s := string(out); strings.Contains(s, "panicnil") || !strings.Contains(s, `removed //go:debug setting "x509sha1"`) || !strings.Contains(s, `unknown //go:debug setting "madeup"`) {
		t.Errorf("go build said:\n%s\nwant it to refuse x509sha1 (removed) and madeup, not panicnil", s)
	}
}

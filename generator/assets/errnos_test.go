package assets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinuxErrnoOverlay rewrites the installed Go's syscall/tables_js.go:
// its error words become Linux's, the rest of the file stays.
func TestLinuxErrnoOverlay(t *testing.T) {
	orig, was, now := stdReplaced(t, "syscall/tables_js.go")
	for _, c := range []struct{ before, after string }{
		{`ENOENT:          "No such file or directory"`, `ENOENT:          "no such file or directory"`},
		{`EACCES:          "Permission denied"`, `EACCES:          "permission denied"`},
		{`EEXIST:          "File exists"`, `EEXIST:          "file exists"`},
	} {
		if !strings.Contains(was, c.before) {
			t.Errorf("%s no longer says %s: the test is out of date", orig, c.before)
		}
		if !strings.Contains(now, c.after) {
			t.Errorf("the overlay's copy does not say %s", c.after)
		}
	}
	if !strings.Contains(now, "ENOENT          Errno = 2 ") {
		t.Error("the overlay's copy lost js/wasm's errno numbers")
	}
}

// TestLinuxSignalOverlay rewrites the installed Go's runtime/os_wasm.go:
// a nil pointer dereference's signal line names SIGSEGV, with Linux's
// code for a fault at address 0.
func TestLinuxSignalOverlay(t *testing.T) {
	orig, was, now := stdReplaced(t, "runtime/os_wasm.go")
	if strings.Contains(was, "SIGSEGV: segmentation violation") {
		t.Errorf("%s names SIGSEGV itself now: the overlay may be needless", orig)
	}
	for _, want := range []string{"return \"SIGSEGV: segmentation violation\"", "gp.sigcode0 = 1", "gp.sig = _SIGSEGV", "func sigpanic()"} {
		if !strings.Contains(now, want) {
			t.Errorf("the overlay's copy lacks %q", want)
		}
	}
}

// stdReplaced finds stdOverlay's replacement of the file at rel (under
// GOROOT/src): the original's path, and the original's and the copy's
// text.
func stdReplaced(t *testing.T, rel string) (orig, was, now string) {
	t.Helper()
	overlay := makeOverlay(t, stdOverlay)
	if len(overlay.Replace) != 2 {
		t.Fatalf("the overlay replaces %d files, want 2", len(overlay.Replace))
	}
	for orig, copy := range overlay.Replace {
		if !strings.HasSuffix(filepath.ToSlash(orig), "/src/"+rel) {
			continue
		}
		was, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		now, err := os.ReadFile(copy)
		if err != nil {
			t.Fatal(err)
		}
		return orig, string(was), string(now)
	}
	t.Fatalf("the overlay does not replace %s", rel)
	return "", "", ""
}

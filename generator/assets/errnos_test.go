package assets

import (
	"os"
	"strings"
	"testing"
)

// TestLinuxErrnoOverlay rewrites the installed Go's syscall/tables_js.go:
// its error words become Linux's, the rest of the file stays.
func TestLinuxErrnoOverlay(t *testing.T) {
	overlay := makeOverlay(t, linuxErrnoOverlay)
	if len(overlay.Replace) != 1 {
		t.Fatalf("the overlay replaces %d files, want 1", len(overlay.Replace))
	}
	for orig, copy := range overlay.Replace {
		was, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		now, err := os.ReadFile(copy)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ before, after string }{
			{`ENOENT:          "No such file or directory"`, `ENOENT:          "no such file or directory"`},
			{`EACCES:          "Permission denied"`, `EACCES:          "permission denied"`},
			{`EEXIST:          "File exists"`, `EEXIST:          "file exists"`},
		} {
			if !strings.Contains(string(was), c.before) {
				t.Errorf("%s no longer says %s: the test is out of date", orig, c.before)
			}
			if !strings.Contains(string(now), c.after) {
				t.Errorf("the overlay's copy does not say %s", c.after)
			}
		}
		if !strings.Contains(string(now), "ENOENT          Errno = 2 ") {
			t.Error("the overlay's copy lost js/wasm's errno numbers")
		}
	}
}

package assets

import (
	"context"
	"os"
	"os/exec"
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
	// tables_js.go, os_wasm.go, fs_js.go, zoneinfo_js.go, runtime.go,
	// exp_noasm.go, debug.go, metrics.go, proc.go and time.go
	// (stdOverlay's writers).
	if len(overlay.Replace) != 10 {
		t.Fatalf("the overlay replaces %d files, want 10", len(overlay.Replace))
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

// TestSyncOutputOverlay rewrites the installed Go's syscall/fs_js.go:
// Write gives fs.write, for fd 1 and 2, JavaScript's own callback that
// does nothing instead of a Go function and yields at every 1000th such
// write; files keep the Go callback; the copy compiles for js/wasm.
func TestSyncOutputOverlay(t *testing.T) {
	orig, was, now := stdReplaced(t, "syscall/fs_js.go")
	if strings.Contains(was, "func writeOutput(") {
		t.Errorf("%s has a writeOutput of its own now: update the overlay", orig)
	}
	for _, want := range []string{
		"if fd == 1 || fd == 2 {\n\t\tn, err = writeOutput(fd, buf, len(b))\n\t} else {\n\t\tn, err = fsCall(\"write\", fd, buf, 0, len(b), nil)",
		`jsFS.Call("write", fd, buf, 0, n, nil, noCallback)`,
		`noCallback   = js.Global().Get("Function").Get("prototype")`,
		"outputWrites%1000 == 0 {\n\t\truntime.Gosched()",
		`fsCall("write", fd, buf, 0, len(b), offset)`, // Pwrite: files keep the Go callback
	} {
		if !strings.Contains(now, want) {
			t.Errorf("the overlay's copy lacks %q", want)
		}
	}
	goroot, _, err := goEnv(context.Background(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	std, err := stdOverlay(goroot, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-overlay", std, "-o", os.DevNull, "syscall")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("syscall with the overlay does not build for js/wasm: %v\n%s", err, out)
	}
}

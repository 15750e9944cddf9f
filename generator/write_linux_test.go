package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/sys/unix"
)

// TestRunningBuildsDirectoriesStay: while another build is writing beside
// the output (it holds the lock beside it), a build leaves every
// directory and unfinished sums file there alone, since some are that
// build's; once it is gone, the next build clears them.
func TestRunningBuildsDirectoriesStay(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if err := writeSite(out, siteA, nil); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{".public.new-running", ".public.old-running"} {
		if err := os.MkdirAll(filepath.Join(dir, d, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".public.sums.tmp-running"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	lock, err := os.Open(filepath.Join(dir, ".public.lock"))
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	if err := writeSite(out, siteB, nil); err != nil {
		t.Fatal(err)
	}
	want := []string{".public.lock", ".public.new-running", ".public.old-running", ".public.spare", ".public.sums", ".public.sums.tmp-running", "public"}
	if got := besides(t, dir); !slices.Equal(got, want) {
		t.Errorf("while another build is writing, beside the output: %v, want %v", got, want)
	}
	lock.Close() // the other build is done
	if err := writeSite(out, siteA, nil); err != nil {
		t.Fatal(err)
	}
	want = []string{".public.lock", ".public.spare", ".public.sums", "public"}
	if got := besides(t, dir); !slices.Equal(got, want) {
		t.Errorf("once no other build is writing, beside the output: %v, want %v", got, want)
	}
}

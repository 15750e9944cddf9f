package generator

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestSumsVouchOnlyForUnchangedFiles: once the sums vouch for the spare's
// files, a rebuild keeps them without reading them; a file changed in
// place with its size and mtime put back (only its ctime tells) is read,
// found different and replaced; a damaged sums file costs reading every
// file, nothing else.
func TestSumsVouchOnlyForUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	spare := filepath.Join(dir, ".public.spare")
	var mu sync.Mutex
	var opened []string
	openSpare = func(path string) (readerAtFile, error) {
		rel, _ := filepath.Rel(dir, path)
		mu.Lock()
		opened = append(opened, filepath.ToSlash(rel))
		mu.Unlock()
		return os.Open(path)
	}
	t.Cleanup(func() { openSpare = func(path string) (readerAtFile, error) { return os.Open(path) } })
	reads := func() []string {
		mu.Lock()
		defer mu.Unlock()
		r := opened
		opened = nil
		slices.Sort(r)
		return r
	}
	write := func() {
		t.Helper()
		if err := writeSite(out, siteA, nil); err != nil {
			t.Fatal(err)
		}
		if got := tree(t, out); !maps.Equal(got, asStrings(siteA)) {
			t.Fatalf("the output holds %v", got)
		}
	}

	// Two trees, written now: their records cannot vouch for them (a
	// change in the same tick would not show). Past the racy window, the
	// next two builds read them once more and record them again.
	write()
	write()
	fi, err := os.Lstat(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	id, ok := idOf(fi)
	if !ok {
		t.Fatal("no file identity on Linux")
	}
	time.Sleep(time.Duration(racyWindow(id.Ctime)) + 50*time.Millisecond)
	write()
	write()
	if got := reads(); len(got) != 2*len(siteA) {
		t.Errorf("the two builds after the pause read %v; want every file of both trees, whose records were racy", got)
	}

	// The spare is the first tree, recorded by the third build.
	page := filepath.Join(spare, "x", "page.html")
	before, err := os.Stat(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("page A"), 0o644); err != nil { // the size of "page a"
		t.Fatal(err)
	}
	if err := os.Chtimes(page, time.Time{}, before.ModTime()); err != nil {
		t.Fatal(err)
	}
	kept, err := os.Stat(filepath.Join(spare, "same.txt"))
	if err != nil {
		t.Fatal(err)
	}
	write() // fails if the changed page were kept
	if got, want := reads(), []string{".public.new-*/x/page.html"}; len(got) != 1 || filepath.Base(got[0]) != "page.html" {
		t.Errorf("the build read %v; want only the changed file, %v", got, want)
	}
	if now, err := os.Stat(filepath.Join(out, "same.txt")); err != nil || !os.SameFile(kept, now) {
		t.Error("same.txt was written again, not kept from the spare")
	}

	if err := os.WriteFile(filepath.Join(dir, ".public.sums"), []byte("not sums"), 0o644); err != nil {
		t.Fatal(err)
	}
	write()
	if got := reads(); len(got) != len(siteA) {
		t.Errorf("with the sums file damaged, the build read %v; want every file of the spare", got)
	}
}

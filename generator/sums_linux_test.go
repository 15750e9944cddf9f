package generator

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
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
	// Past a tick of the file system's clock (a jiffy at most, on a
	// kernel of 100 Hz), the next builds start after those files' ctime.
	time.Sleep(100 * time.Millisecond)
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
	if got := reads(); len(got) != 1 || !strings.HasSuffix(got[0], "/x/page.html") {
		t.Errorf("the build read %v; want only the changed file, x/page.html", got)
	}
	if now, err := os.Stat(filepath.Join(out, "same.txt")); err != nil || !os.SameFile(kept, now) {
		t.Error("same.txt was written again, not kept from the spare")
	}

	// The spare now is the second tree, which the fourth build recorded:
	// a site of the same sizes and other bytes must be written, not kept.
	if err := writeSite(out, siteC, nil); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); !maps.Equal(got, asStrings(siteC)) {
		t.Fatalf("a site of other bytes, the sizes the same, was written as %v", got)
	}
	if got := reads(); len(got) != 0 {
		t.Errorf("the build read %v; want nothing, its records all vouching", got)
	}
	write()
	reads()

	if err := os.WriteFile(filepath.Join(dir, ".public.sums"), []byte("not sums"), 0o644); err != nil {
		t.Fatal(err)
	}
	write()
	if got := reads(); len(got) != len(siteA) {
		t.Errorf("with the sums file damaged, the build read %v; want every file of the spare", got)
	}
}

// siteC is siteA with other bytes of the same sizes in all but one file.
var siteC = map[string][]byte{"index.html": []byte("c"), "x/page.html": []byte("page c"), "x/y/gone.txt": []byte("GONE"), "same.txt": []byte("same")}

// Records of another boot of the machine vouch for nothing: after a
// crash, a file's size may have reached the disk and its bytes not.
func TestSumsOfAnotherBootAreNotRead(t *testing.T) {
	dir := t.TempDir()
	probe := filepath.Join(dir, "probe")
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	start, err := os.Lstat(probe)
	if err != nil {
		t.Fatal(err)
	}
	recs := []sumRecord{{ID: fileID{Ino: 1}, Gen: 3}}
	path := filepath.Join(dir, "sums")
	for boot, want := range map[string]int{bootID(): 1, "another boot": 0} {
		if err := os.WriteFile(path, encodeSums(boot, recs), 0o644); err != nil {
			t.Fatal(err)
		}
		s := readSums(path, start)
		if s == nil {
			t.Fatal("no sums on Linux")
		}
		if len(s.old) != want {
			t.Errorf("sums of boot %q: %d records read; want %d", boot, len(s.old), want)
		}
	}
}

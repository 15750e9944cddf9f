package generator

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRebuildTakesOverTheSpare: a build keeps the site it replaced beside
// the output, and the next build writes into it only what differs. The
// spare here was tampered with in every way it could be stale (a stray
// file and directory, a file changed without changing its size, a
// directory where a file goes, a file that is a hard link to something
// outside); the result must still be exactly a fresh build's, the outside
// file untouched, and a file the two builds share must be the very file
// the spare held, not a new copy.
func TestRebuildTakesOverTheSpare(t *testing.T) {
	a := fixture(t)
	b := fixture(t)
	b["en/memory.md"].Data = append(b["en/memory.md"].Data, []byte("\nOne more paragraph.\n")...)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	spare := filepath.Join(dir, ".public.spare")
	for _, fsys := range []fs.FS{a, b} {
		if _, err := build(t, fsys, out); err != nil {
			t.Fatal(err)
		}
	}
	// The spare holds a's site now. Spoil it.
	write := func(name, s string) {
		t.Helper()
		p := filepath.Join(spare, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("stray.txt", "x")
	write("stray/deep/file", "x")
	page := read(t, spare, "pt/canais/index.html")
	write("pt/canais/index.html", strings.Replace(page, "<html", "<HTML", 1))
	if err := os.Remove(filepath.Join(spare, "sitemap.xml")); err != nil {
		t.Fatal(err)
	}
	write("sitemap.xml/inside", "x")
	outside := filepath.Join(dir, "outside")
	if err := os.WriteFile(outside, []byte("not robots"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(spare, "robots.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(outside, filepath.Join(spare, "robots.txt")); err != nil {
		t.Fatal(err)
	}
	kept, err := os.Stat(filepath.Join(spare, "pt/memoria/index.html"))
	if err != nil {
		t.Fatal(err)
	}

	if _, err := build(t, b, out); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := build(t, b, fresh); err != nil {
		t.Fatal(err)
	}
	got, want := listing(t, out), listing(t, fresh)
	if !slices.Equal(got, want) {
		t.Errorf("the rebuild over the spare has\n%v\na fresh build\n%v", got, want)
	}
	tg, tw := tree(t, out), tree(t, fresh)
	for name, c := range tw {
		if tg[name] != c {
			t.Errorf("%s differs from a fresh build's", name)
		}
	}
	if b, _ := os.ReadFile(outside); string(b) != "not robots" {
		t.Errorf("the file outside the site that the spare linked to now holds %q", b)
	}
	now, err := os.Stat(filepath.Join(out, "pt/memoria/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(kept, now) {
		t.Error("pt/memoria/index.html is the same in both builds but was written again, not kept from the spare")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{".public.spare", "outside", "public"}) {
		t.Errorf("beside the output: %v; want the spare and the output", names)
	}
}

// listing is every path under dir, directories marked with a slash.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var all []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			rel += "/"
		}
		all = append(all, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

package generator

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
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
	if !slices.Equal(names, []string{".public.lock", ".public.spare", ".public.sums", "outside", "public"}) {
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

// siteA and siteB are two small sites for writeSite: a file changes, one
// goes, one comes, one stays.
var (
	siteA = map[string][]byte{"index.html": []byte("a"), "x/page.html": []byte("page a"), "x/y/gone.txt": []byte("gone"), "same.txt": []byte("same")}
	siteB = map[string][]byte{"index.html": []byte("b"), "x/page.html": []byte("page b"), "z/new.txt": []byte("new"), "same.txt": []byte("same")}
)

// TestWriteSiteCrashChild is the build that TestCrashWhileWriting kills:
// it writes siteB to $WRITE_CRASH_OUT and exits at the $WRITE_CRASH_AT'th
// step of writeSite, running none of its deferred clean-up, as a crash.
func TestWriteSiteCrashChild(t *testing.T) {
	out := os.Getenv("WRITE_CRASH_OUT")
	if out == "" {
		t.Skip("run by TestCrashWhileWriting")
	}
	at, _ := strconv.Atoi(os.Getenv("WRITE_CRASH_AT"))
	n := 0
	writeStep = func(string) {
		if n++; n == at {
			os.Exit(3)
		}
	}
	if err := writeSite(out, siteB, nil); err != nil {
		t.Fatal(err)
	}
}

// TestCrashWhileWriting kills a build after each step of writeSite in
// turn: the output must then be the old site or the new one, whole, and
// the next build must clear what the dead one left beside it.
func TestCrashWhileWriting(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for at := 1; ; at++ {
		if err := writeSite(out, siteA, nil); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteSiteCrashChild$")
		cmd.Env = append(os.Environ(), "WRITE_CRASH_OUT="+out, "WRITE_CRASH_AT="+strconv.Itoa(at))
		b, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err == nil {
			if at == 1 {
				t.Fatal("the build never reached a step")
			}
			break // it got through every step
		} else if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			t.Fatalf("the build to crash at step %d: %v\n%s", at, err, b)
		}
		if _, err := os.Stat(out); err != nil {
			t.Fatalf("after a crash at step %d, no output: %v", at, err)
		}
		got := tree(t, out)
		if !maps.Equal(got, asStrings(siteA)) && !maps.Equal(got, asStrings(siteB)) {
			t.Errorf("after a crash at step %d, the output is neither site: %v", at, got)
		}
		// The next build clears what the dead one left.
		if err := writeSite(out, siteA, nil); err != nil {
			t.Fatal(err)
		}
		if got, want := besides(t, dir), []string{".public.lock", ".public.spare", ".public.sums", "public"}; !slices.Equal(got, want) {
			t.Errorf("after a crash at step %d and a build, beside the output: %v, want %v", at, got, want)
		}
		if got := tree(t, out); !maps.Equal(got, asStrings(siteA)) {
			t.Errorf("after a crash at step %d, the next build wrote %v", at, got)
		}
	}
}

// TestSwapWithoutExchange: where the system cannot swap in one step, the
// old site is moved aside and the new one in, and kept as the spare.
func TestSwapWithoutExchange(t *testing.T) {
	exchange = func(a, b string) error { return errors.ErrUnsupported }
	t.Cleanup(func() { exchange = renameExchange })
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for _, site := range []map[string][]byte{siteA, siteB} {
		if err := writeSite(out, site, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := tree(t, out); !maps.Equal(got, asStrings(siteB)) {
		t.Errorf("the output holds %v", got)
	}
	if got := tree(t, filepath.Join(dir, ".public.spare")); !maps.Equal(got, asStrings(siteA)) {
		t.Errorf("the spare holds %v", got)
	}
}

// TestUnreadableSpareFileIsReplaced: a file of the spare that cannot be
// read for the comparison (EACCES, EIO) is created anew, as a differing
// one is, and the build goes on.
func TestUnreadableSpareFileIsReplaced(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for range 2 { // the second leaves a spare
		if err := writeSite(out, siteA, nil); err != nil {
			t.Fatal(err)
		}
	}
	// A link to the spare's file keeps its inode from being reused.
	witness := filepath.Join(dir, "witness")
	if err := os.Link(filepath.Join(dir, ".public.spare", "same.txt"), witness); err != nil {
		t.Fatal(err)
	}
	openSpare = func(path string) (readerAtFile, error) {
		if filepath.Base(path) == "same.txt" {
			return nil, &fs.PathError{Op: "open", Path: path, Err: syscall.EIO}
		}
		return os.Open(path)
	}
	t.Cleanup(func() { openSpare = func(path string) (readerAtFile, error) { return os.Open(path) } })
	if err := writeSite(out, siteA, nil); err != nil {
		t.Fatalf("a file of the spare that could not be read failed the build: %v", err)
	}
	if sameFile(witness, filepath.Join(out, "same.txt")) {
		t.Error("same.txt could not be read but was kept")
	}
	if got := tree(t, out); !maps.Equal(got, asStrings(siteA)) {
		t.Errorf("the output holds %v", got)
	}
}

// TestKeptFilesHaveFreshModes: a file or directory kept from the spare has
// the mode a fresh build gives it, whatever mode it had there.
func TestKeptFilesHaveFreshModes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	for range 2 {
		if err := writeSite(out, siteA, nil); err != nil {
			t.Fatal(err)
		}
	}
	spare := filepath.Join(dir, ".public.spare")
	for name, mode := range map[string]fs.FileMode{"same.txt": 0o600, "x/page.html": 0o755, "x": 0o700, "x/y": 0o711} {
		if err := os.Chmod(filepath.Join(spare, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeSite(out, siteA, nil); err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if err := writeSite(fresh, siteA, nil); err != nil {
		t.Fatal(err)
	}
	got, want := modes(t, out), modes(t, fresh)
	if !maps.Equal(got, want) {
		t.Errorf("modes over the spare:\n%v\nof a fresh build:\n%v", got, want)
	}
}

// modes is the mode of everything under dir.
func modes(t *testing.T, dir string) map[string]fs.FileMode {
	t.Helper()
	m := map[string]fs.FileMode{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		rel, _ := filepath.Rel(dir, p)
		if err == nil {
			m[filepath.ToSlash(rel)] = fi.Mode()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// besides names what is in dir.
func besides(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func asStrings(m map[string][]byte) map[string]string {
	s := map[string]string{}
	for k, v := range m {
		s[k] = string(v)
	}
	return s
}

package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/goexpert/gointernals/generator/internal/par"
)

// writeSite writes files into a directory beside outDir and then swaps it
// into place, so that a reader of outDir (a dev server, a deploy in
// progress) sees either the old site or the new one, never a mix, and a
// failure leaves the old one untouched. On Linux the swap is one step
// (renameat2's RENAME_EXCHANGE), so that a crash at any point still leaves
// the old site or the new one in outDir; elsewhere, or on a file system
// without it, the old site is moved aside and the new one in, and a crash
// between the two leaves no outDir until the next build.
//
// The directory it writes into is the site before last when there is one:
// the swap keeps the replaced site beside outDir as a spare ("."+base+
// ".spare"), and the next build takes it over and changes only what
// differs. A rebuild then creates, writes and removes only the files that
// changed, where writing a fresh tree cost a directory and a file per page
// and removing the old one as much again (on ext4, as much time as
// rendering the pages). The spare is never served, and a file of it that
// differs is removed and created anew, never written in place: it may be
// open in a reader of an older site, or be a link into the cache. Which
// files differ is seen from the sums file beside outDir where it vouches
// for a file, else by reading the file (sums.go).
//
// A build that died while writing left its directories beside outDir
// ("."+base+".new-*", ".old-*", a whole site each); the next build clears
// them, unless another build is writing beside outDir (lockBeside).
//
// links names files to place by path rather than by content: large build
// products in the cache, hard-linked (copied where the cache is on another
// file system). The cache never changes a file in place, so a link cannot
// change under the site.
func writeSite(outDir string, files map[string][]byte, links map[string]string) (err error) {
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	unlock, err := lockBeside(parent, base)
	if err != nil {
		return fmt.Errorf("locking beside the output: %w", err)
	}
	defer unlock()
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	// Take the spare over by renaming it to the new directory's name: of
	// two builds racing for it, one gets it and the other starts afresh.
	spare := filepath.Join(parent, "."+base+".spare")
	if err := os.Remove(tmp); err != nil { // Rename needs the name free
		return err
	}
	if fi, lerr := os.Lstat(spare); lerr != nil || !fi.IsDir() || os.Rename(spare, tmp) != nil {
		if err := os.Mkdir(tmp, 0o755); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	modes, probe, err := freshModes(tmp)
	if err != nil {
		return err
	}
	sumsPath := filepath.Join(parent, "."+base+".sums")
	sums := readSums(sumsPath, probe)
	if err := syncTree(tmp, files, links, modes, sums); err != nil {
		return err
	}
	writeStep("synced")
	// Recorded now: whether or not the swap below succeeds, each record
	// is true of its file for as long as the file is unchanged.
	sums.write(sumsPath)

	// keep keeps the replaced site as the next build's spare. Another
	// build may have left a spare meanwhile: then this one is not needed.
	keep := func(old string) error {
		if fi, err := os.Lstat(old); err != nil || !fi.IsDir() || os.Rename(old, spare) != nil {
			return os.RemoveAll(old)
		}
		return nil
	}
	if _, statErr := os.Lstat(abs); statErr == nil && exchange(tmp, abs) == nil {
		writeStep("exchanged")
		return keep(tmp) // tmp now holds the previous site
	}

	// Without the exchange: move the old site aside, the new one in,
	// then keep the old as the next build's spare.
	old := ""
	if _, statErr := os.Lstat(abs); statErr == nil {
		old, err = os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		if err := os.Remove(old); err != nil {
			return err
		}
		if err := os.Rename(abs, old); err != nil {
			return fmt.Errorf("moving the previous site aside: %w", err)
		}
		writeStep("aside")
	}
	if err := os.Rename(tmp, abs); err != nil {
		if old != "" {
			_ = os.Rename(old, abs) // put the previous site back
		}
		return fmt.Errorf("moving the new site into place: %w", err)
	}
	writeStep("moved")
	if old != "" {
		return keep(old)
	}
	return nil
}

// writeStep is called after each step of writeSite that a crash could
// follow; tests stop the process there, as a crash would.
var writeStep = func(step string) {}

// exchange swaps the directories at a and b in one step, where the system
// can (renameExchange); tests replace it to take the other way.
var exchange = renameExchange

// clearStale clears what builds that died while writing beside outDir
// ("."+base) left there: their new sites, the old ones they moved aside,
// and their sums files not yet in place (sums.write). It must run only
// while no build is writing beside outDir (lockBeside). Where there is no spare, one of those becomes it, a
// replaced site first (it is whole): a crash between moving the old site
// aside and the new one in then costs the next build no more than a
// spare does. Removing is best effort: what stays is tried again by the
// next build.
func clearStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	var stale []string
	for _, prefix := range []string{"." + base + ".old-", "." + base + ".new-", "." + base + ".sums.tmp-"} {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				stale = append(stale, filepath.Join(parent, e.Name()))
			}
		}
	}
	spare := filepath.Join(parent, "."+base+".spare")
	_, err = os.Lstat(spare)
	needSpare := errors.Is(err, fs.ErrNotExist)
	for _, p := range stale {
		if fi, err := os.Lstat(p); needSpare && err == nil && fi.IsDir() && os.Rename(p, spare) == nil {
			needSpare = false
			continue
		}
		os.RemoveAll(p)
	}
}

// fileModes are the modes a fresh build's files and directories get.
type fileModes struct{ file, dir fs.FileMode }

// freshModes finds the modes a file and a directory created in dir by a
// fresh build get (0644 and 0755 less the umask, and what the file system
// adds), by creating one of each. A kept file or directory of the spare
// must have them too: a build gives the same tree, modes included,
// whatever the spare held. The file's stat is the build's start as the
// file system's clock tells it (readSums).
func freshModes(dir string) (fileModes, fs.FileInfo, error) {
	probe := filepath.Join(dir, ".mode-probe")
	if err := os.RemoveAll(probe); err != nil {
		return fileModes{}, nil, err
	}
	if err := createFile(probe, nil); err != nil {
		return fileModes{}, nil, err
	}
	start, err := os.Lstat(probe)
	if err != nil {
		return fileModes{}, nil, err
	}
	m := fileModes{file: start.Mode()}
	if err := os.Remove(probe); err != nil {
		return fileModes{}, nil, err
	}
	if err := os.Mkdir(probe, 0o755); err != nil {
		return fileModes{}, nil, err
	}
	fi, err := os.Lstat(probe)
	if err != nil {
		return fileModes{}, nil, err
	}
	m.dir = fi.Mode()
	return m, start, os.Remove(probe)
}

// syncTree makes the tree under root hold exactly files and links: it
// removes what is not in them, keeps each file whose bytes are already
// the wanted ones (and each link that is already to its file), and
// creates the rest. Kept files and directories get modes' modes: a kept
// file of another mode is created anew (it may be a link to a file that
// is not the site's, whose mode is not the build's to change), a kept
// directory is changed. Whether a file holds its bytes is seen from sums
// where they vouch for it, else by reading it; every file written or kept
// is recorded in sums (where there are: readSums).
func syncTree(root string, files map[string][]byte, links map[string]string, modes fileModes, sums *sums) error {
	wanted := func(name string) bool {
		_, file := files[name]
		_, link := links[name]
		return file || link
	}
	dirs := map[string]bool{".": true}
	for _, names := range [][]string{slices.Collect(maps.Keys(files)), slices.Collect(maps.Keys(links))} {
		for _, name := range names {
			for d := filepath.Dir(filepath.FromSlash(name)); !dirs[d]; d = filepath.Dir(d) {
				dirs[d] = true
			}
		}
	}
	// What the tree has now: what is not wanted goes, and so does what is
	// not a plain file or directory. The root's entries are walked in
	// parallel: reading a directory is system calls, and a site has a
	// directory per page.
	var mu sync.Mutex
	have := map[string]bool{}
	haveDir := map[string]bool{".": true} // writeSite gives the root its mode
	visit := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir() && dirs[rel]:
			mu.Lock()
			haveDir[rel] = true
			mu.Unlock()
			fi, err := d.Info()
			if err != nil {
				return err
			}
			if fi.Mode() != modes.dir {
				return os.Chmod(p, modes.dir)
			}
			return nil
		case d.Type().IsRegular() && wanted(filepath.ToSlash(rel)):
			mu.Lock()
			have[filepath.ToSlash(rel)] = true
			mu.Unlock()
			return nil
		}
		if err := os.RemoveAll(p); err != nil {
			return err
		}
		if d.IsDir() {
			return filepath.SkipDir
		}
		return nil
	}
	top, err := os.ReadDir(root)
	if err != nil {
		return err
	}
	walkErrs := make([]error, len(top))
	par.N(len(top), func(i int) {
		walkErrs[i] = filepath.WalkDir(filepath.Join(root, top[i].Name()), visit)
	})
	if err := errors.Join(walkErrs...); err != nil {
		return err
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) { // parents sort before children
		if !haveDir[d] {
			if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
				return err
			}
		}
	}
	names := slices.Sorted(maps.Keys(files))
	// Writing is system calls, hashing CPU: a few at a time overlap.
	errs := make([]error, len(names))
	par.N(len(names), func(i int) {
		name := names[i]
		b := files[name]
		dst := filepath.Join(root, filepath.FromSlash(name))
		sum := sums.sum(b)
		if have[name] {
			fi, err := os.Lstat(dst)
			same, known := false, false
			if err == nil && fi.Mode() == modes.file {
				same, known = sums.holds(fi, b, sum)
			}
			if same {
				sums.record(fi, sum)
				return
			}
			if !known {
				if fi, ok := sameBytes(dst, b, modes.file); ok {
					sums.record(fi, sum)
					return
				}
			}
			if err := os.Remove(dst); err != nil {
				errs[i] = err
				return
			}
		}
		if errs[i] = createFile(dst, b); errs[i] != nil {
			return
		}
		if fi, err := os.Lstat(dst); err == nil {
			sums.record(fi, sum)
		}
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(links)) {
		dst := filepath.Join(root, filepath.FromSlash(name))
		if have[name] {
			if sameFile(dst, links[name]) {
				continue
			}
			if err := os.Remove(dst); err != nil {
				return err
			}
		}
		if err := linkOrCopy(links[name], dst); err != nil {
			return err
		}
	}
	return nil
}

// sameBytes says whether the file at path holds exactly b and has the
// mode, and gives the file's stat as it was read. A file it cannot read
// is not the same: it is replaced, as a differing one is.
func sameBytes(path string, b []byte, mode fs.FileMode) (fs.FileInfo, bool) {
	f, err := openSpare(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Mode() != mode || fi.Size() != int64(len(b)) {
		return nil, false
	}
	have := make([]byte, len(b)+1) // one more, to see the end
	n, err := f.ReadAt(have, 0)
	return fi, n == len(b) && errors.Is(err, io.EOF) && bytes.Equal(have[:n], b)
}

// openSpare opens a file of the spare to compare it; tests make it fail,
// as a file the build may not read would.
var openSpare = func(path string) (readerAtFile, error) { return os.Open(path) }

// readerAtFile is what sameBytes needs of an open file.
type readerAtFile interface {
	io.ReaderAt
	io.Closer
	Stat() (fs.FileInfo, error)
}

// sameFile says whether a and b are the same file (a hard link of it).
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// createFile creates path, which must not exist, holding b.
func createFile(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// linkOrCopy creates dst, which must not exist, as a hard link of src, or
// a copy of it where a link cannot be made.
func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return createFile(dst, b)
}

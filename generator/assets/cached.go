package assets

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// CachedFile is a large build product kept in the cache directory: the
// site links it into the output instead of copying it, and names it by a
// content hash computed once, when the file was made, and kept beside it
// (<file>.name) with the file's whole SHA-256.
type CachedFile struct {
	Path string // the file in the cache
	Name string // its hashed output name: "engine-5XJ2KQ3M.wasm"
	Size int64
}

// A ChangedError says that a file in the cache no longer has the content
// it was made with: something wrote into the cache (a snippet run as the
// build's user may, by absolute path), or the disk failed.
type ChangedError struct {
	Path      string
	Got, Want string // SHA-256, hexadecimal: now, and when it was made
}

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s changed in the cache after it was made: its SHA-256 is %s, %s when it was made", e.Path, e.Got, e.Want)
}

// errUnrecorded: nothing says what the file was made with.
var errUnrecorded = errors.New("no record of the file's SHA-256")

// cachedFile returns path as a CachedFile named like HashName(name, b).
// b holds the file's bytes when the caller just wrote them: the name and
// the SHA-256 are computed from them and recorded. With b nil the file is
// read and its SHA-256 checked against the record before the site may
// publish it: a *ChangedError if it differs, errUnrecorded if there is no
// record, for the caller to make the file again.
//
// Checking reads and hashes the file at every build: the engine's module
// and the exact engine's three downloads, 30.7 MB, took 23 ms warm (48 ms
// the first time) on the machine of this project (2 CPUs with SHA
// instructions), little enough to check the content itself rather than a
// size and time the writer could set back. With every standard package's
// archive the exact engine's files are 39.7 MB, 50-130 ms on a busy
// machine, which a dev server would pay on every rebuild: a process that
// checked a file already checks it again only when its identity moved
// (fileIdentity: on Linux its inode, size and change time, which a write
// always moves and no writer can set back). A file changed in the last
// second is not remembered: a kernel may stamp changes by the clock's
// tick, and a write in the same tick as the last one would keep the time.
func cachedFile(path, name string, b []byte) (f CachedFile, err error) {
	sidecar := path + ".name"
	st, err := os.Stat(path)
	if err != nil {
		return CachedFile{}, err
	}
	id, changed, known := fileIdentity(st)
	if known && time.Since(changed) > time.Second {
		key := path + "\x00" + name
		if c, ok := checkedFiles.Load(key); ok && c.(checkedFile).id == id {
			return c.(checkedFile).f, nil
		}
		defer func() {
			if err == nil {
				checkedFiles.Store(key, checkedFile{id, f})
			}
		}()
	}
	if b != nil {
		sum := sha256.Sum256(b)
		return recordFile(path, name, st.Size(), sum)
	}
	rec, err := os.ReadFile(sidecar)
	if err != nil {
		return CachedFile{}, errUnrecorded
	}
	recName, want, _ := strings.Cut(strings.TrimSpace(string(rec)), "\n")
	if !hashedAs(recName, name) {
		return CachedFile{}, errUnrecorded
	}
	sum, err := fileSum(path)
	if err != nil {
		return CachedFile{}, err
	}
	got := hex.EncodeToString(sum[:])
	switch {
	case want == got && recName == hashedName(name, sum):
		return CachedFile{Path: path, Name: recName, Size: st.Size()}, nil
	case want != "":
		return CachedFile{}, &ChangedError{Path: path, Got: got, Want: want}
	case recName == hashedName(name, sum):
		// A record made before SHA-256s were kept holds the name alone:
		// its 40 bits of hash agree, so the whole one is recorded now.
		return recordFile(path, name, st.Size(), sum)
	}
	return CachedFile{}, &ChangedError{Path: path, Got: got, Want: "named " + recName}
}

// checkedFiles are the files this process checked or made, by path and
// name, with their identity then.
var checkedFiles sync.Map

type checkedFile struct {
	id string
	f  CachedFile
}

// recordFile writes the name and SHA-256 of path beside it.
func recordFile(path, name string, size int64, sum [sha256.Size]byte) (CachedFile, error) {
	hashed := hashedName(name, sum)
	if err := writeAtomic(path+".name", []byte(hashed+"\n"+hex.EncodeToString(sum[:])+"\n")); err != nil {
		return CachedFile{}, fmt.Errorf("naming %s: %w", path, err)
	}
	return CachedFile{Path: path, Name: hashed, Size: size}, nil
}

func fileSum(path string) (sum [sha256.Size]byte, err error) {
	f, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

// hashedName is HashName(name, b) from b's SHA-256.
func hashedName(name string, sum [sha256.Size]byte) string {
	stem, ext := splitExt(name)
	return stem + "-" + strings.ToUpper(base32.StdEncoding.EncodeToString(sum[:5])) + ext
}

// hashedAs reports whether got has the shape HashName gives name.
func hashedAs(got, name string) bool {
	stem, ext := splitExt(name)
	return strings.HasPrefix(got, stem+"-") && strings.HasSuffix(got, ext) && !strings.ContainsAny(got, "/\n")
}

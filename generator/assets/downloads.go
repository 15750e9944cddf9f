package assets

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goexpert/gointernals/generator/internal/par"
)

// DownloadSet is the exact engine's files as the page fetches them, each
// gzipped (the worker inflates them itself, so the download is this size
// whatever the host's compression), in the cache and named by content:
// "compile-<hash>.wasm.gz", "link-…", and one "<path>-<hash>.a.gz" per
// archive (archiveName).
type DownloadSet struct {
	Compile, Link CachedFile
	Archives      map[string]CachedFile // by import path
}

// Size is the bytes a reader downloads for the tools and the archives of
// packages (none: the tools alone).
func (d *DownloadSet) Size(packages []string) int64 {
	n := d.Compile.Size + d.Link.Size
	for _, p := range packages {
		n += d.Archives[p].Size
	}
	return n
}

// download is one file of <Toolchain.Dir>/download: where it is, what it
// is made from, and the name it is published under (hashed).
type download struct {
	file string // in the download directory
	src  string // in Toolchain.Dir
	name string
	imp  string // the archive's import path; "" for a tool
}

func (t *Toolchain) downloads() []download {
	d := []download{
		{file: "compile.wasm.gz", src: "compile.wasm", name: "compile.wasm.gz"},
		{file: "link.wasm.gz", src: "link.wasm", name: "link.wasm.gz"},
	}
	for _, imp := range t.Archives {
		d = append(d, download{file: filepath.Join("pkg", filepath.FromSlash(imp)+".a.gz"), src: filepath.Join("pkg", filepath.FromSlash(imp)+".a"), name: archiveName(imp), imp: imp})
	}
	return d
}

// downloadsFormat changes with what the download directory holds.
const downloadsFormat = "2" // 2: one file per archive

func (t *Toolchain) completeMark() string {
	return downloadsFormat + "\n" + strings.Join(t.Packages, " ")
}

func (t *Toolchain) downloadsComplete() bool {
	b, err := os.ReadFile(filepath.Join(t.Dir, "download", "complete"))
	return err == nil && string(b) == t.completeMark()
}

// DownloadFiles returns the downloads as files in the cache, making them
// first if needed. A warm build reads and hashes them (cachedFile): one
// that changed since it was made fails the build, since what it was made
// from sits in the same cache and may have changed too. The message says
// which file, and which directory to remove.
func (t *Toolchain) DownloadFiles() (*DownloadSet, error) {
	if t.downloadsComplete() {
		out, err := t.downloadFiles(nil)
		var changed *ChangedError
		if errors.As(err, &changed) {
			return nil, fmt.Errorf("%w: remove %s to make the exact engine's files again (about 2 minutes)", err, t.Dir)
		}
		if err == nil {
			return out, nil
		}
		// Missing, or never recorded: made again.
	}
	made, err := t.makeDownloads()
	if err != nil {
		return nil, err
	}
	return t.downloadFiles(made)
}

// downloadFiles is cachedFile of each download, with its bytes when they
// were just made (made[i] for t.downloads()[i]). Hashing 40 MB is most of
// a warm build's cost here, so it is spread over the CPUs.
func (t *Toolchain) downloadFiles(made [][]byte) (*DownloadSet, error) {
	list := t.downloads()
	files := make([]CachedFile, len(list))
	errs := make([]error, len(list))
	par.N(len(list), func(i int) {
		var b []byte
		if made != nil {
			b = made[i]
		}
		files[i], errs[i] = cachedFile(filepath.Join(t.Dir, "download", list[i].file), list[i].name, b)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	set := &DownloadSet{Compile: files[0], Link: files[1], Archives: map[string]CachedFile{}}
	for i, d := range list[2:] {
		set.Archives[d.imp] = files[i+2]
	}
	return set, nil
}

// makeDownloads gzips the toolchain's files and keeps the results beside
// them, so a build with an unchanged toolchain reads them. The output
// depends only on the input (gzip headers carry no time or name), so
// builds stay byte-identical.
func (t *Toolchain) makeDownloads() ([][]byte, error) {
	dir := filepath.Join(t.Dir, "download")
	list := t.downloads()
	out := make([][]byte, len(list))
	errs := make([]error, len(list))
	par.N(len(list), func(i int) {
		b, err := os.ReadFile(filepath.Join(t.Dir, list[i].src))
		if err == nil {
			out[i], err = gzipBytes(b)
		}
		if err == nil {
			err = writeAtomic(filepath.Join(dir, list[i].file), out[i])
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := writeAtomic(filepath.Join(dir, "complete"), []byte(t.completeMark())); err != nil {
		return nil, err
	}
	return out, nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

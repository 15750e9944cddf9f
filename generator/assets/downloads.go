package assets

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"

	"github.com/goexpert/gointernals/generator/internal/par"
)

// DownloadSet is the exact engine's files as the page fetches them, each
// compressed with brotli, served with Content-Encoding: br (headers.go),
// in the cache and named by content: "compile-<hash>.wasm.br", "link-…",
// and one "<path>-<hash>.a.br" per archive (archiveName). Each also has a
// gzipped copy, published beside it under GzipName: Chromium's
// DecompressionStream has no brotli, so when a host drops the
// Content-Encoding, the worker fetches the gzipped copy and inflates it
// itself (playground/web/exact.js, download).
//
// Brotli at quality 6 with a 16 MB window: for Go 1.26.8's trimmed tools
// and hello world's 59 archives, 11.8 MB where gzip -9 gave 14.4 MB, in
// seconds (quality 11 took 12 minutes for the compiler alone).
type DownloadSet struct {
	Compile, Link CachedFile
	Archives      map[string]CachedFile // by import path
	Gzip          map[string]CachedFile // by the brotli file's Name
}

// GzipName is where the gzipped copy of the brotli file name is published.
func GzipName(name string) string { return strings.TrimSuffix(name, ".br") + ".gz" }

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
	gzip bool   // the gzipped copy; the brotli file otherwise
}

// downloads is each file's brotli download followed by its gzipped copy.
func (t *Toolchain) downloads() []download {
	var d []download
	add := func(file, src, name, imp string) {
		d = append(d, download{file: file + ".br", src: src, name: name + ".br", imp: imp},
			download{file: file + ".gz", src: src, name: name + ".gz", imp: imp, gzip: true})
	}
	add("compile.wasm", "compile.wasm", "compile.wasm", "")
	add("link.wasm", "link.wasm", "link.wasm", "")
	for _, imp := range t.Archives {
		src := filepath.Join("pkg", filepath.FromSlash(imp)+".a")
		add(src, src, strings.TrimSuffix(archiveName(imp), ".br"), imp)
	}
	return d
}

// downloadsFormat changes with what the download directory holds.
const downloadsFormat = "3" // 2: one file per archive; 3: brotli, and gzip beside it

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
	set := &DownloadSet{Compile: files[0], Link: files[2], Archives: map[string]CachedFile{}, Gzip: map[string]CachedFile{}}
	for i, d := range list {
		if d.gzip {
			set.Gzip[files[i-1].Name] = files[i]
		} else if d.imp != "" {
			set.Archives[d.imp] = files[i]
		}
	}
	return set, nil
}

// makeDownloads compresses the toolchain's files and keeps the results
// beside them, so a build with an unchanged toolchain reads them. The
// output depends only on the input (gzip headers carry no time or name,
// and the brotli encoder runs on one goroutine), so builds stay
// byte-identical.
func (t *Toolchain) makeDownloads() ([][]byte, error) {
	dir := filepath.Join(t.Dir, "download")
	list := t.downloads()
	out := make([][]byte, len(list))
	errs := make([]error, len(list))
	par.N(len(list), func(i int) {
		b, err := os.ReadFile(filepath.Join(t.Dir, list[i].src))
		if err == nil && list[i].gzip {
			out[i], err = gzipBytes(b)
		} else if err == nil {
			out[i], err = brotliBytes(b)
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

// brotliBytes compresses b as the page downloads it: quality 6 with a
// 16 MB window (the most a browser decodes) took the compiler from 6.6
// MB gzipped to 5.4 MB in 8 seconds on a busy machine; quality 9 took 40
// seconds for the linker and saved 2% more, quality 11 12 minutes for
// the compiler (before its last trims) and saves 11-15% more on the
// linker and the archives (README.md, the exact engine's first download).
func brotliBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: 6, LGWin: 24})
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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

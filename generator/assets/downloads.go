package assets

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Downloads are the exact engine's files as the page fetches them, each
// gzipped (the worker inflates them itself, so the download is this size
// whatever the host's compression).
type Downloads struct {
	Compile, Link []byte // gzipped compile.wasm and link.wasm
	Pack          []byte // gzipped ustar: pkg/<path>.a, importcfg.compile, importcfg.link
}

// Size is the bytes a reader downloads in all.
func (d *Downloads) Size() int {
	return len(d.Compile) + len(d.Link) + len(d.Pack)
}

// DownloadFiles returns the three downloads as files in the cache, named
// by content ("compile-<hash>.wasm.gz", "link-…", "stdlib-….tar.gz"), in
// that order, making them first if needed. A warm build reads and hashes
// them (cachedFile): one that changed since it was made fails the build,
// since what it was made from sits in the same cache and may have changed
// too. The message says which file, and which directory to remove.
func (t *Toolchain) DownloadFiles() ([]CachedFile, error) {
	if t.downloadsComplete() {
		out, err := t.downloadFiles([3][]byte{})
		var changed *ChangedError
		if errors.As(err, &changed) {
			return nil, fmt.Errorf("%w: remove %s to make the exact engine's files again (about 2 minutes)", err, t.Dir)
		}
		if err == nil {
			return out, nil
		}
		// Missing, or never recorded: made again.
	}
	d, err := t.makeDownloads()
	if err != nil {
		return nil, err
	}
	return t.downloadFiles([3][]byte{d.Compile, d.Link, d.Pack})
}

// downloadFiles is cachedFile of each download, with its bytes when they
// were just made.
func (t *Toolchain) downloadFiles(made [3][]byte) ([]CachedFile, error) {
	var out []CachedFile
	for i, x := range downloads {
		f, err := cachedFile(filepath.Join(t.Dir, "download", x.file), x.name, made[i])
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// downloads are the three files in <Toolchain.Dir>/download, in the order
// of Downloads' fields, with the names they are published under (hashed).
var downloads = [3]struct{ file, name string }{
	{"compile.wasm.gz", "compile.wasm.gz"}, {"link.wasm.gz", "link.wasm.gz"}, {"pack.tar.gz", "stdlib.tar.gz"},
}

func (t *Toolchain) downloadsComplete() bool {
	b, err := os.ReadFile(filepath.Join(t.Dir, "download", "complete"))
	return err == nil && string(b) == strings.Join(t.Packages, " ")
}

// Downloads gzips the toolchain's files for the page, once: the results
// are kept beside them, so a build with an unchanged toolchain reads three
// files. The output depends only on the input (gzip and tar headers carry
// no time or name), so builds stay byte-identical.
func (t *Toolchain) Downloads() (*Downloads, error) {
	dir := filepath.Join(t.Dir, "download")
	if t.downloadsComplete() {
		var got [3][]byte
		var err error
		for i, x := range downloads {
			if got[i], err = os.ReadFile(filepath.Join(dir, x.file)); err != nil {
				break
			}
		}
		if err == nil {
			return &Downloads{Compile: got[0], Link: got[1], Pack: got[2]}, nil
		}
	}
	return t.makeDownloads()
}

// makeDownloads gzips the toolchain's files and keeps the results.
func (t *Toolchain) makeDownloads() (*Downloads, error) {
	dir := filepath.Join(t.Dir, "download")
	var d Downloads
	var err error
	for _, x := range []struct {
		dst  *[]byte
		file string
	}{{&d.Compile, "compile.wasm"}, {&d.Link, "link.wasm"}} {
		b, err := os.ReadFile(filepath.Join(t.Dir, x.file))
		if err != nil {
			return nil, err
		}
		if *x.dst, err = gzipBytes(b); err != nil {
			return nil, err
		}
	}
	pack, err := t.pack()
	if err != nil {
		return nil, err
	}
	if d.Pack, err = gzipBytes(pack); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for i, b := range [][]byte{d.Compile, d.Link, d.Pack} {
		file := filepath.Join(dir, downloads[i].file)
		os.Remove(file + ".name") // named again from the new bytes
		if err := writeAtomic(file, b); err != nil {
			return nil, err
		}
	}
	if err := writeAtomic(filepath.Join(dir, "complete"), []byte(strings.Join(t.Packages, " "))); err != nil {
		return nil, err
	}
	return &d, nil
}

// pack writes the archives and the two importcfg files as one ustar.
// The linker's importcfg is the one BuildToolchain wrote; the compiler's
// keeps its lines for Packages only.
func (t *Toolchain) pack() ([]byte, error) {
	linkCfg, err := os.ReadFile(filepath.Join(t.Dir, "importcfg"))
	if err != nil {
		return nil, err
	}
	var compileCfg strings.Builder
	for line := range strings.Lines(string(linkCfg)) {
		imp, _, _ := strings.Cut(strings.TrimPrefix(line, "packagefile "), "=")
		if slices.Contains(t.Packages, imp) {
			compileCfg.WriteString(line)
		}
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	add := func(name string, b []byte) error {
		hdr := &tar.Header{Name: name, Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg, Format: tar.FormatUSTAR}
		if err := tw.WriteHeader(hdr); err != nil {
			return fmt.Errorf("packing %s: %w", name, err)
		}
		_, err := tw.Write(b)
		return err
	}
	if err := add("importcfg.compile", []byte(compileCfg.String())); err != nil {
		return nil, err
	}
	if err := add("importcfg.link", linkCfg); err != nil {
		return nil, err
	}
	for _, imp := range slices.Sorted(slices.Values(t.Archives)) {
		b, err := os.ReadFile(filepath.Join(t.Dir, "pkg", filepath.FromSlash(imp)+".a"))
		if err != nil {
			return nil, err
		}
		if err := add("pkg/"+imp+".a", b); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
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

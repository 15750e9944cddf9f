package assets

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The cache directory gains an interpreter module (15 MB) each time the
// engine's sources change, and a toolchain (over 200 MB) each time its
// build does; nothing else ever removes one. So, like the go command's
// build cache, each entry records when a build last used it, and a build
// that adds an entry removes those of its kind that no build used lately.
//
// An entry stays if it is among the keep most recently used of its kind,
// or was used within the last recentUse: another checkout sharing the
// cache may be building with it right now (a removed module would fail
// that build's link into its site). A site already written keeps its
// files: they are hard links, or copies.
const recentUse = time.Hour

// markEvery is how often a build writes an entry's time of use: a warm
// build then costs a stat. An entry's recorded use may be that much
// older than its last, so the pruning allows for it.
const markEvery = 10 * time.Minute

// A cacheKind is a kind of entry in the cache directory.
type cacheKind struct {
	prefix, suffix string // the entry's name
	// used is the file, relative to the entry, whose modification time
	// says when a build last used it: never the module itself, whose
	// change time says whether it was checked already (cachedFile).
	used string
	// extra are the files beside the entry that go with it.
	extra []string
	keep  int
}

var (
	// The interpreter's module and its sidecars: the name and SHA-256
	// (cachedFile), the browser's digest (render.go's linkedDigest).
	moduleKind = cacheKind{prefix: "wasm-", suffix: ".wasm", used: ".name", extra: []string{".name", ".sri"}, keep: 3}
	// A toolchain's directory; "complete" is its last file written.
	toolchainKind = cacheKind{prefix: "toolchain-", used: "/complete", keep: 2}
)

// usedPath is the file whose time says when entry was last used.
func (k cacheKind) usedPath(entry string) string { return entry + filepath.FromSlash(k.used) }

// markUsed records that a build used entry now, at most once per
// markEvery.
func markUsed(k cacheKind, entry string) {
	p := k.usedPath(entry)
	if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) > markEvery {
		now := time.Now()
		os.Chtimes(p, now, now) // best effort: an unmarked entry is only removed sooner
	}
}

// pruneCache removes from dir the entries of kind k that no build used
// lately (see recentUse), and what failed builds left of that kind
// (temporary files and directories a day old). An entry is first renamed
// out of the way, so that a build never finds half of one (a toolchain
// whose "complete" is there and whose tools are gone), and its time of
// use is read again just before: a build that marked it meanwhile keeps
// it. Removing is best effort: what stays is tried again when the next
// entry is added.
func pruneCache(dir string, k cacheKind) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type entry struct {
		path string
		used time.Time
	}
	var entries []entry
	for _, e := range ents {
		name := e.Name()
		p := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".rm-") { // renamed to be removed
			os.RemoveAll(p)
			continue
		}
		if strings.HasPrefix(name, ".tmp-") || strings.HasPrefix(name, ".sri-") || strings.HasPrefix(name, k.prefix+"tmp-") {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > 24*time.Hour {
				os.RemoveAll(p)
			}
			continue
		}
		if !strings.HasPrefix(name, k.prefix) || !strings.HasSuffix(name, k.suffix) || (k.suffix == "" && !e.IsDir()) {
			continue
		}
		if used, ok := lastUse(k, p); ok {
			entries = append(entries, entry{p, used})
		}
	}
	// The most recently used first; ties by name, so the same cache is
	// pruned the same way.
	slices.SortFunc(entries, func(a, b entry) int {
		if c := b.used.Compare(a.used); c != 0 {
			return c
		}
		return strings.Compare(a.path, b.path)
	})
	stale := func(used time.Time) bool { return time.Since(used) >= recentUse+markEvery }
	for i, e := range entries {
		if i < k.keep || !stale(e.used) {
			continue
		}
		if used, ok := lastUse(k, e.path); !ok || !stale(used) {
			continue
		}
		gone := filepath.Join(dir, ".rm-"+filepath.Base(e.path))
		if os.Rename(e.path, gone) != nil {
			continue
		}
		for _, x := range k.extra {
			os.Remove(e.path + x)
		}
		os.RemoveAll(gone)
	}
}

// lastUse is when a build last used entry: its mark, or without one the
// entry's own time.
func lastUse(k cacheKind, entry string) (time.Time, bool) {
	if st, err := os.Stat(k.usedPath(entry)); err == nil {
		return st.ModTime(), true
	}
	st, err := os.Lstat(entry)
	if err != nil {
		return time.Time{}, false
	}
	return st.ModTime(), true
}

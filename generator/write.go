package generator

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/goexpert/gointernals/generator/internal/par"
)

// writeSite writes files into a fresh directory beside outDir and then
// swaps it into place, so that a reader of outDir (a dev server, a deploy
// in progress) sees either the old site or the new one, never a mix, and a
// failure leaves the old one untouched.
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
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	dirs := map[string]bool{}
	for name := range files {
		names = append(names, name)
		dirs[filepath.Dir(filepath.FromSlash(name))] = true
	}
	for name := range links {
		dirs[filepath.Dir(filepath.FromSlash(name))] = true
	}
	slices.Sort(names)
	sorted := slices.Sorted(maps.Keys(dirs)) // parents sort before children
	for _, d := range sorted {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			return err
		}
	}
	// Writing is system calls, not CPU: a few at a time overlap them.
	errs := make([]error, len(names))
	par.N(len(names), func(i int) {
		errs[i] = os.WriteFile(filepath.Join(tmp, filepath.FromSlash(names[i])), files[names[i]], 0o644)
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(links)) {
		if err := linkOrCopy(links[name], filepath.Join(tmp, filepath.FromSlash(name))); err != nil {
			return err
		}
	}

	// Swap: move the old site aside, the new one in, then drop the old.
	old := ""
	if _, statErr := os.Stat(abs); statErr == nil {
		old, err = os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return err
		}
		if err := os.Remove(old); err != nil { // Rename needs the name free
			return err
		}
		if err := os.Rename(abs, old); err != nil {
			return fmt.Errorf("moving the previous site aside: %w", err)
		}
	}
	if err := os.Rename(tmp, abs); err != nil {
		if old != "" {
			_ = os.Rename(old, abs) // put the previous site back
		}
		return fmt.Errorf("moving the new site into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

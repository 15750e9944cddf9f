package assets

import (
	"fmt"
	"os"
	"strings"
)

// CachedFile is a large build product kept in the cache directory: the
// site links it into the output instead of copying it, and names it by a
// content hash computed once, when the file was made, and kept beside it
// (<file>.name). A warm build then neither reads nor hashes megabytes.
type CachedFile struct {
	Path string // the file in the cache
	Name string // its hashed output name: "engine-5XJ2KQ3M.wasm"
	Size int64
}

// cachedFile returns path as a CachedFile named like HashName(name, b).
// b holds the file's bytes when the caller just wrote them: the name is
// computed from them and written. With b nil the name file is trusted if
// there is one, else the file is read and named.
func cachedFile(path, name string, b []byte) (CachedFile, error) {
	sidecar := path + ".name"
	st, err := os.Stat(path)
	if err != nil {
		return CachedFile{}, err
	}
	if got, err := os.ReadFile(sidecar); err == nil && b == nil && hashedAs(string(got), name) {
		return CachedFile{Path: path, Name: string(got), Size: st.Size()}, nil
	}
	if b == nil {
		if b, err = os.ReadFile(path); err != nil {
			return CachedFile{}, err
		}
	}
	hashed := HashName(name, b)
	if err := writeAtomic(sidecar, []byte(hashed)); err != nil {
		return CachedFile{}, fmt.Errorf("naming %s: %w", path, err)
	}
	return CachedFile{Path: path, Name: hashed, Size: st.Size()}, nil
}

// hashedAs reports whether got has the shape HashName gives name.
func hashedAs(got, name string) bool {
	stem, ext := splitExt(name)
	return strings.HasPrefix(got, stem+"-") && strings.HasSuffix(got, ext) && !strings.ContainsAny(got, "/\n")
}

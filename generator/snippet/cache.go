package snippet

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/goexpert/gointernals/playground/engine"
)

// cacheKey hashes everything that decides a snippet's result. For a
// program written {output="pattern"} the cached result holds the output
// the page shows as its sample, which stays while the key does.
func cacheKey(sn *Snippet) string { return keyWith(sn, engine.Version) }

// keyWith is cacheKey with the interpreter's version given. A program
// written {engine="exact"} is go run's alone: a change to the
// interpreter does not run it again, nor change its page's sample.
func keyWith(sn *Snippet, engineVersion string) string {
	h := sha256.New()
	exp := "\x00none"
	if sn.Expected != nil {
		exp = *sn.Expected
	}
	if sn.Attrs.Exact {
		engineVersion = "none"
	}
	fmt.Fprintf(h, "v%s\x00%s\x00%s\x00%q\x00%+v\x00%s", validatorVersion, runtime.Version(), engineVersion, sn.Code, sn.Attrs, exp)
	return hex.EncodeToString(h.Sum(nil))
}

// load returns the cached result for key, relabelled for sn: the same code
// may stand in several places.
func (v *validator) load(key string, sn *Snippet) (Result, bool) {
	if v.opts.CacheDir == "" {
		return Result{}, false
	}
	b, err := os.ReadFile(filepath.Join(v.opts.CacheDir, key+".json"))
	if err != nil {
		return Result{}, false
	}
	var r Result
	if json.Unmarshal(b, &r) != nil {
		return Result{}, false
	}
	r.ID, r.Page, r.Lang, r.Index, r.Cached = sn.ID, sn.Page, sn.Lang, sn.Index, true
	return r, true
}

// store writes a passing result through a temporary file, so a concurrent
// build never reads half of one. Failing to cache only costs time.
func (v *validator) store(key string, r Result) {
	if v.opts.CacheDir == "" {
		return
	}
	b, err := json.Marshal(r)
	if err != nil || os.MkdirAll(v.opts.CacheDir, 0o755) != nil {
		return
	}
	f, err := os.CreateTemp(v.opts.CacheDir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(b)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return
	}
	if os.Rename(f.Name(), filepath.Join(v.opts.CacheDir, key+".json")) != nil {
		os.Remove(f.Name())
	}
}

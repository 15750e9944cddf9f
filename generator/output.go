package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/goexpert/gointernals/generator/assets"
)

// output is the site as the stages make it: small files by path, and
// large files of the cache to be linked there. The stages add to it in
// Build's order, and one writer (writeSite) puts it on disk at the end.
//
// The service worker lists every hashed asset with its digest, so it is
// made from the finished output (addServiceWorker), which seals it: a
// stage that added an asset after that would ship one the worker refuses,
// and adding to a sealed output panics instead.
type output struct {
	files  map[string][]byte
	links  map[string]assets.CachedFile
	sums   sync.Map // URL → digest of a file of files, once taken (digest)
	sealed bool
}

func newOutput() *output {
	return &output{files: map[string][]byte{}, links: map[string]assets.CachedFile{}}
}

// put places b at path (relative to the site's root).
func (o *output) put(path string, b []byte) {
	if o.sealed {
		panic("generator: " + path + " added after the service worker listed the site's assets")
	}
	o.files[path] = b
}

// add puts b in the site at /assets/name and returns that URL.
func (o *output) add(name string, b []byte) string {
	o.put("assets/"+name, b)
	return "/assets/" + name
}

// link puts a file of the cache in the site at /assets/<its name>, linked
// rather than copied when the site is written, and returns that URL.
func (o *output) link(f assets.CachedFile) string {
	return o.linkAt("assets/"+f.Name, f)
}

// linkAt links a file of the cache at path and returns its URL.
func (o *output) linkAt(path string, f assets.CachedFile) string {
	if o.sealed {
		panic("generator: " + path + " linked after the service worker listed the site's assets")
	}
	o.links[path] = f
	return "/" + path
}

// integrity is the integrity attribute of the script or style sheet
// served at url: the browser runs or applies the file only if its
// SHA-256 is this one.
func (o *output) integrity(url string) (template.HTMLAttr, error) {
	sum, err := o.digest(url)
	if err != nil {
		return "", err
	}
	return template.HTMLAttr(`integrity="` + sum + `"`), nil
}

// digest is the digest of the file served at url, taken once per build:
// every page names the same few files. Pages render in parallel, hence
// the sync.Map; nothing is added to files while they do (renderPages
// adds their results after).
func (o *output) digest(url string) (string, error) {
	if sum, ok := o.sums.Load(url); ok {
		return sum.(string), nil
	}
	b, ok := o.files[strings.TrimPrefix(url, "/")]
	if !ok {
		return "", fmt.Errorf("theme: no file %s to take the digest of", url)
	}
	sum := sha256.Sum256(b)
	s := sri(sum[:])
	o.sums.Store(url, s)
	return s, nil
}

// addServiceWorker adds /sw.js, the last file of a build, and seals o:
// the bundled worker after the digest of each hashed asset it serves, by
// URL (it checks every body against it), and an id of that map. Its bytes
// change exactly when the assets do, which is what makes browsers install
// a new worker. The exact engine's compressed files (.br, .gz) are not
// the worker's to serve (exact.js fetches and checks them), so they are
// not listed.
func (o *output) addServiceWorker(bundled []byte) error {
	o.sealed = true
	sums := map[string]string{}
	for name := range o.files {
		if strings.HasPrefix(name, "assets/") {
			sum, err := o.digest("/" + name)
			if err != nil {
				return err
			}
			sums["/"+name] = sum
		}
	}
	for name, f := range o.links {
		if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
			continue
		}
		sum, err := linkedDigest(f)
		if err != nil {
			return err
		}
		sums["/"+name] = sum
	}
	list, err := json.Marshal(sums) // keys sorted: the same assets give the same bytes
	if err != nil {
		return err
	}
	id := sha256.Sum256(list)
	o.files["sw.js"] = fmt.Appendf(nil, "self.BUILD=%q;self.ASSETS=%s;\n%s", hex.EncodeToString(id[:6]), list, bundled)
	return nil
}

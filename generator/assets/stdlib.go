package assets

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/goexpert/gointernals/playground/policy"
)

// The exact engine offers the whole standard library, each package's
// archive fetched by the page only when a program imports it (directly or
// through another package). What a program may import is computed, not
// kept by hand: every package the go command of the build lists under
// "std" for GOOS=js GOARCH=wasm, less what no program outside the
// standard library may import. The site's build refuses a playground
// program importing anything else, so the build and the page agree.

// FirstPackages are the packages whose archives the page fetches with the
// tools, before any program is known: what hello world links. fmt is the
// program; the linker loads runtime for every program, and the page's
// worker adds a file importing time to every build (playground/web/
// exact.js: it links syscall/js, through which the page has Go's runtime
// report a deadlock).
var FirstPackages = []string{"fmt", "runtime", "time"}

// ExactPackages lists, sorted, what a reader's program may import in the
// exact engine: the standard packages that build for js/wasm (go list
// std) that policy.Importable allows. The go command takes from 0.3 s to
// a few seconds on a busy machine to list them, so the list is kept in
// cacheDir (when not "") by Go version and GOROOT, and in memory for the
// process: a dev server's rebuild pays nothing.
func ExactPackages(ctx context.Context, moduleDir, cacheDir string) ([]string, error) {
	goroot, version, err := goEnv(ctx, moduleDir)
	if err != nil {
		return nil, err
	}
	key := version + "\x00" + goroot
	stdMu.Lock()
	defer stdMu.Unlock()
	if list, ok := stdLists[key]; ok {
		return list, nil
	}
	h := sha256.Sum256([]byte(key))
	file := ""
	if cacheDir != "" {
		file = filepath.Join(cacheDir, "stdlib-"+version+"-"+hex.EncodeToString(h[:])[:12]+".list")
		// The file keeps what the go command listed; what a program may
		// import of it is decided here, so a change of policy.Importable needs
		// no new file.
		if b, err := os.ReadFile(file); err == nil && len(b) > 0 {
			list := importable(strings.Fields(string(b)))
			stdLists[key] = list
			return list, nil
		}
	}
	cmd := exec.CommandContext(ctx, "go", "list", "-e", "-f", "{{if not .Error}}{{.ImportPath}}{{end}}", "std")
	cmd.Dir = moduleDir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list std for js/wasm: %v\n%s", err, stderr.String())
	}
	var std []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if p := strings.TrimSpace(sc.Text()); p != "" {
			std = append(std, p)
		}
	}
	slices.Sort(std)
	list := importable(std)
	// fmt alone would mean the go command listed something else than the
	// standard library: better to fail than to publish a playground that
	// refuses everything.
	if !slices.Contains(list, "fmt") || !slices.Contains(list, "encoding/json") {
		return nil, fmt.Errorf("go list std for js/wasm listed %d importable packages, without fmt or encoding/json:\n%s", len(list), out)
	}
	if file != "" {
		// Failing to keep it costs the next build the go command again.
		_ = writeAtomic(file, []byte(strings.Join(std, "\n")+"\n"))
	}
	stdLists[key] = list
	return list, nil
}

var (
	stdMu    sync.Mutex
	stdLists = map[string][]string{}
)

// Closure returns roots and every package they import, directly or
// through others, sorted: the archives a program importing roots needs
// (the linker reads each of them). imports holds each package's direct
// imports; a root it does not know is left out, since no archive of it
// exists.
func Closure(imports map[string][]string, roots ...string) []string {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(p string) {
		if seen[p] {
			return
		}
		if _, ok := imports[p]; !ok {
			return
		}
		seen[p] = true
		for _, q := range imports[p] {
			visit(q)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return slices.Sorted(func(yield func(string) bool) {
		for p := range seen {
			if !yield(p) {
				return
			}
		}
	})
}

// Manifest is what the page's exact engine reads to fetch archives: one
// entry per archive, by import path, and the packages to fetch first. It
// is published as JSON (stdlib-<hash>.json); its digest is in the page,
// and each archive's is in it, so what the worker fetches is checked all
// the way from the page.
type Manifest struct {
	First    []string                 `json:"first"` // FirstPackages
	Packages map[string]ManifestEntry `json:"packages"`
	Godebug  *Godebugs                `json:"godebug"` // what a //go:debug line may set
}

// ManifestEntry is one archive of the manifest.
type ManifestEntry struct {
	URL    string `json:"url"`    // the archive, brotli-compressed, hash-named (GzipName: gzipped)
	Size   int64  `json:"size"`   // its bytes compressed, as downloaded
	SHA256 string `json:"sha256"` // of the archive inflated, as Subresource Integrity writes it
	// Imports are the package's direct imports that have an archive.
	Imports []string `json:"imports,omitempty"`
	// Importable: a program may import it (the compiler's importcfg
	// names it); the others are only linked.
	Importable bool `json:"importable,omitempty"`
}

// archiveName is the name an archive is published under before its
// hash: the import path with its separators and dots turned to dashes
// (the hashed name takes everything after the first dot as the
// extension). The hash keeps names of different archives apart.
func archiveName(path string) string {
	return strings.NewReplacer("/", "-", ".", "-").Replace(path) + ".a.br"
}

// importable keeps the packages of a sorted list that policy.Importable
// allows.
func importable(std []string) []string {
	var list []string
	for _, p := range std {
		if policy.Importable(p) {
			list = append(list, p)
		}
	}
	return list
}

// Package assets bundles the theme's styles and scripts with esbuild's Go
// API (no Node involved) and names every output by its content hash, so the
// pages can ask browsers to cache them forever.
//
// Sources are read from an fs.FS through an esbuild plugin, never from the
// working directory, so the embedded theme and test fixtures work alike.
// Files that the build generates (the chroma palette) are passed as virtual
// files and imported like any other.
package assets

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Output is one bundled file.
type Output struct {
	Name     string // hashed file name: "main-5XJ2KQ3M.js"
	Contents []byte
}

// scriptTarget is the JavaScript the bundles are written in: ES2021
// keeps logical assignment (a ||= b) as written, where ES2020's lowering
// cost the page's scripts 18 bytes gzipped. Every browser with what the
// playground needs has it: Chromium 85, Firefox 79 and Safari 14 (2020).
const scriptTarget = api.ES2021

// Bundle builds each entry (a path inside fsys or virtual) into one minified
// file. virtual holds generated sources by path; they shadow fsys. The
// result maps each entry path to its output.
func Bundle(fsys fs.FS, entries []string, virtual map[string]string) (map[string]Output, error) {
	const outdir = "/out"
	result := api.Build(api.BuildOptions{
		EntryPoints:       entries,
		Bundle:            true,
		Write:             false,
		Outdir:            outdir,
		AbsWorkingDir:     "/",
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Target:            scriptTarget,
		Format:            api.FormatIIFE,
		LegalComments:     api.LegalCommentsEndOfFile,
		Charset:           api.CharsetUTF8,
		Metafile:          true,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{fsPlugin(fsys, virtual)},
	})
	if len(result.Errors) > 0 {
		var msgs []string
		for _, m := range result.Errors {
			loc := ""
			if m.Location != nil {
				loc = fmt.Sprintf("%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column+1)
			}
			msgs = append(msgs, loc+m.Text)
		}
		return nil, fmt.Errorf("bundling assets: %s", strings.Join(msgs, "; "))
	}
	// The metafile names the entry point behind each output.
	var meta struct {
		Outputs map[string]struct {
			EntryPoint string `json:"entryPoint"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(result.Metafile), &meta); err != nil {
		return nil, fmt.Errorf("bundling assets: reading esbuild's metafile: %v", err)
	}
	out := map[string]Output{}
	for _, f := range result.OutputFiles {
		rel := strings.TrimPrefix(f.Path, "/")
		entry := strings.TrimPrefix(meta.Outputs[rel].EntryPoint, namespace+":")
		if entry == "" {
			continue // not an entry's output (none expected without splitting)
		}
		out[entry] = Output{Name: path.Base(f.Path), Contents: f.Contents}
	}
	for _, e := range entries {
		if _, ok := out[e]; !ok {
			return nil, fmt.Errorf("bundling assets: no output for %s", e)
		}
	}
	return out, nil
}

const namespace = "fs"

// fsPlugin resolves every import inside fsys (or virtual) and loads it
// from there.
func fsPlugin(fsys fs.FS, virtual map[string]string) api.Plugin {
	exists := func(p string) bool {
		if _, ok := virtual[p]; ok {
			return true
		}
		_, err := fs.Stat(fsys, p)
		return err == nil
	}
	return api.Plugin{
		Name: "fs",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				p := args.Path
				if strings.HasPrefix(p, "data:") {
					// An inline image in CSS: nothing to fetch or bundle.
					return api.OnResolveResult{Path: p, External: true}, nil
				}
				if args.Kind != api.ResolveEntryPoint {
					if !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
						return api.OnResolveResult{}, fmt.Errorf("import %q: only relative imports are supported", p)
					}
					p = path.Join(path.Dir(args.Importer), p)
				}
				p = strings.TrimPrefix(path.Clean("/"+p), "/")
				if !exists(p) {
					return api.OnResolveResult{}, fmt.Errorf("%s: no such file", p)
				}
				return api.OnResolveResult{Path: p, Namespace: namespace}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				src, ok := virtual[args.Path]
				if !ok {
					b, err := fs.ReadFile(fsys, args.Path)
					if err != nil {
						return api.OnLoadResult{}, err
					}
					src = string(b)
				}
				loader, ok := loaders[path.Ext(args.Path)]
				if !ok {
					return api.OnLoadResult{}, fmt.Errorf("%s: no loader for this kind of file", args.Path)
				}
				return api.OnLoadResult{Contents: &src, Loader: loader}, nil
			})
		},
	}
}

var loaders = map[string]api.Loader{
	".css": api.LoaderCSS,
	".js":  api.LoaderJS,
	".ts":  api.LoaderTS,
	".svg": api.LoaderText,
}

// Names lists the output names in entry order, for reports.
func Names(out map[string]Output) []string {
	var names []string
	for _, o := range out {
		names = append(names, o.Name)
	}
	slices.Sort(names)
	return names
}

// HashName names a file by its content, as esbuild names bundles:
// HashName("favicon.svg", b) is "favicon-<8 chars>.svg". The hash goes
// before the first dot, so "compile.wasm.gz" keeps both its extensions.
func HashName(name string, content []byte) string {
	return hashedName(name, sha256.Sum256(content))
}

// splitExt cuts name at the first dot: "link.wasm.gz" is "link" and
// ".wasm.gz".
func splitExt(name string) (stem, ext string) {
	if i := strings.IndexByte(name, '.'); i > 0 {
		return name[:i], name[i:]
	}
	return name, ""
}

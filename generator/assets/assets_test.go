package assets

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestBundleResolvesImportsFromFSAndVirtualFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"css/main.css": {Data: []byte("@import \"./base.css\";\n@import \"../gen/palette.css\";\nbody { color: red; }\n")},
		"css/base.css": {Data: []byte("p   {  margin : 0 }\n")},
		"js/main.js":   {Data: []byte("import { greet } from './util.js';\ngreet('x');\n")},
		"js/util.js":   {Data: []byte("export function greet(name) { document.title = 'hi ' + name; }\n")},
	}
	virtual := map[string]string{"gen/palette.css": ".k { color: blue }\n"}
	out, err := Bundle(fsys, []string{"css/main.css", "js/main.js"}, virtual)
	if err != nil {
		t.Fatal(err)
	}
	css, js := out["css/main.css"], out["js/main.js"]
	if !regexp.MustCompile(`^main-[A-Z0-9]{8}\.css$`).MatchString(css.Name) {
		t.Errorf("css name %q is not hashed", css.Name)
	}
	for _, want := range []string{"p{margin:0}", ".k{color:#00f}", "body{color:red}"} {
		if !bytes.Contains(css.Contents, []byte(want)) {
			t.Errorf("css bundle lacks %q:\n%s", want, css.Contents)
		}
	}
	if !strings.HasSuffix(js.Name, ".js") || !bytes.Contains(js.Contents, []byte("document.title")) {
		t.Errorf("js bundle %q lacks the imported module:\n%s", js.Name, js.Contents)
	}
	// Same input, same bytes and names: output must be deterministic.
	again, err := Bundle(fsys, []string{"css/main.css", "js/main.js"}, virtual)
	if err != nil {
		t.Fatal(err)
	}
	if again["css/main.css"].Name != css.Name || !bytes.Equal(again["js/main.js"].Contents, js.Contents) {
		t.Error("two bundles of the same input differ")
	}
	// A change of content changes the name.
	virtual["gen/palette.css"] = ".k { color: green }\n"
	changed, err := Bundle(fsys, []string{"css/main.css"}, virtual)
	if err != nil {
		t.Fatal(err)
	}
	if changed["css/main.css"].Name == css.Name {
		t.Error("changed content kept the same hashed name")
	}
}

// An inline image in CSS stays in the bundle as it was written: there is
// no file to resolve.
func TestBundleKeepsDataURLs(t *testing.T) {
	const icon = `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E`
	fsys := fstest.MapFS{"css/main.css": {Data: []byte("i { background: url(\"" + icon + "\") no-repeat }\n")}}
	out, err := Bundle(fsys, []string{"css/main.css"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if css := out["css/main.css"].Contents; !bytes.Contains(css, []byte(icon)) {
		t.Errorf("the bundle lost the data URL:\n%s", css)
	}
}

func TestBundleReportsMissingImport(t *testing.T) {
	fsys := fstest.MapFS{"css/main.css": {Data: []byte("@import \"./nope.css\";\n")}}
	_, err := Bundle(fsys, []string{"css/main.css"}, nil)
	if err == nil || !strings.Contains(err.Error(), "css/nope.css: no such file") || !strings.Contains(err.Error(), "css/main.css:1") {
		t.Fatalf("want an error naming the missing file and the importing line, got %v", err)
	}
}

// TestHashName holds the names the site publishes: the hash before the
// first dot, so a file keeps every extension, and the same bytes always
// give the same name.
func TestHashName(t *testing.T) {
	b := []byte("x")
	for _, tc := range []struct{ name, stem, ext string }{
		{"favicon.svg", "favicon-", ".svg"}, {"compile.wasm.gz", "compile-", ".wasm.gz"}, {"LICENSE", "LICENSE-", ""},
	} {
		got := HashName(tc.name, b)
		if !strings.HasPrefix(got, tc.stem) || !strings.HasSuffix(got, tc.ext) || len(got) != len(tc.stem)+8+len(tc.ext) {
			t.Errorf("HashName(%q) = %q, want %s<8 characters>%s", tc.name, got, tc.stem, tc.ext)
		}
		if !hashedAs(got, tc.name) || hashedAs(got, "other.svg") {
			t.Errorf("hashedAs(%q, %q) does not recognise it", got, tc.name)
		}
		if HashName(tc.name, b) != got || HashName(tc.name, []byte("y")) == got {
			t.Errorf("HashName(%q) does not follow the content", tc.name)
		}
	}
}

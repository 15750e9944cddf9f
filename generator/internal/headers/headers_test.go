package headers

import (
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	rules, err := Parse([]byte(`# comment
/*
  Content-Security-Policy: default-src 'self'
  Cache-Control: max-age=0
/assets/*
  Cache-Control: immutable
/*.wasm
  Content-Type: application/wasm
/play/:name
  Content-Security-Policy: sandbox allow-scripts
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, name, want string }{
		{"/pt/canais/", "Cache-Control", "max-age=0"},
		{"/pt/canais/", "Content-Security-Policy", "default-src 'self'"},
		{"/assets/main-X.js", "Cache-Control", "immutable"},
		{"/assets/main-X.js", "Content-Security-Policy", "default-src 'self'"},
		{"/assets/engine-X.wasm", "Content-Type", "application/wasm"},
		{"/play/run-X.html", "Content-Security-Policy", "sandbox allow-scripts"},
		{"/play/a/b.html", "Content-Security-Policy", "default-src 'self'"}, // :name is one segment
		{"/assetsX", "Cache-Control", "max-age=0"},
	} {
		if got := rules.For(c.path).Get(c.name); got != c.want {
			t.Errorf("%s: %s is %q, want %q", c.path, c.name, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"  X: y\n", "assets/*\n", "/a\n  no colon\n"} {
		_, err := Parse([]byte(in))
		if err == nil || !strings.Contains(err.Error(), "_headers:") {
			t.Errorf("%q: error %v, want one naming the line", in, err)
		}
	}
}

package generator

import (
	"fmt"
	"strings"
)

// The site's HTTP headers, written as /_headers in the host's format and
// served the same way by the dev server and the browser tests' server
// (generator/internal/headers), so that what is tested is what is hosted.
//
// The policy runs only the site's own scripts and reaches only the site.
// One script is inline: the playground's sandbox (playground/web/
// sandbox.js), which the page writes into a sandboxed frame's srcdoc,
// allowed by its hash. The frame inherits this policy, adds its own
// (sandboxPolicy, in a meta element) and gets an opaque origin from the
// frame's sandbox attribute; the hash changes with the script, hence a
// file the build writes rather than one kept by hand.

// sitePolicy is every page's Content-Security-Policy: no inline script
// but the sandbox's, nothing from other origins; 'wasm-unsafe-eval' lets
// the playground compile WebAssembly, nothing more; blob: workers are the
// sandbox's.
func sitePolicy(sandboxHash string) string {
	script := "script-src 'self' 'wasm-unsafe-eval'"
	if sandboxHash != "" {
		script += " '" + sandboxHash + "'"
	}
	return strings.Join([]string{
		"default-src 'self'",
		script,
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self' blob:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	}, "; ")
}

// sandboxPolicy is what the sandbox's document adds to the site's policy
// it inherits (a browser enforces both): its one script, workers from the
// blob: URLs it makes, and no request of any kind.
func sandboxPolicy(scriptHash string) string {
	return strings.Join([]string{
		"default-src 'none'",
		fmt.Sprintf("script-src '%s' 'wasm-unsafe-eval'", scriptHash),
		"worker-src blob:",
		"connect-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
	}, "; ")
}

// headersFile is /_headers; pg is nil when the site has no playground.
func headersFile(pg *playgroundURLs) []byte {
	hash := ""
	if pg != nil {
		hash = pg.SandboxHash
	}
	rules := []struct {
		path   string
		values [][2]string
	}{
		{"/*", [][2]string{
			{"Content-Security-Policy", sitePolicy(hash)},
			{"X-Content-Type-Options", "nosniff"},
			{"X-Frame-Options", "DENY"},
			{"Referrer-Policy", "strict-origin-when-cross-origin"},
			{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
			{"Cross-Origin-Opener-Policy", "same-origin"},
			// HTML and other unhashed files: always revalidate, so a deploy shows at once.
			{"Cache-Control", "public, max-age=0, must-revalidate"},
		}},
		// Hashed names change with their content: cached for a year.
		{"/assets/*", [][2]string{{"Cache-Control", "public, max-age=31536000, immutable"}}},
		{"/*.wasm", [][2]string{{"Content-Type", "application/wasm"}}},
		// The exact engine's compiler and linker, stored compressed: the
		// browser decodes them and, given a module's Response from its
		// HTTP cache, keeps the machine code it compiles for the next page
		// (playground/web/exact.js, compileTool). Content-Encoding makes
		// it one; a host that drops it costs that reuse and a second
		// download, of the gzipped copy, which the worker inflates. The
		// archives (/assets/std/) are brotli files too.
		{"/assets/*.br", [][2]string{{"Content-Encoding", "br"}}},
		{"/assets/*.wasm.br", [][2]string{{"Content-Type", "application/wasm"}}},
		{"/assets/*.wasm.gz", [][2]string{{"Content-Type", "application/wasm"}, {"Content-Encoding", "gzip"}}},
	}
	var b strings.Builder
	b.WriteString("# Written by the site's build (generator/headers.go).\n")
	for _, rule := range rules {
		fmt.Fprintf(&b, "%s\n", rule.path)
		for _, v := range rule.values {
			fmt.Fprintf(&b, "  %s: %s\n", v[0], v[1])
		}
	}
	return []byte(b.String())
}

package generator

import (
	"fmt"
	"strings"
)

// The site's HTTP headers, written as /_headers in the host's format and
// served the same way by the dev server and the browser tests' server
// (generator/internal/headers), so that what is tested is what is hosted.
//
// Two policies. The site's pages run only the site's own scripts and
// reach only the site. The playground's sandbox (/sandbox/, the frame in
// which reader code runs) gets an opaque origin from its `sandbox`
// directive, runs only its own script (pinned by hash) and reaches
// nothing at all. Hosts differ when two rules set one header for a path:
// some keep the later value, some join both into two policies, which a
// browser then enforces together. The site's policy is written to allow
// what the sandbox needs (blob: workers, being framed by the site), so
// that either way the sandbox gets its own restrictions and keeps working.

// sitePolicy is every page's Content-Security-Policy: no inline script,
// nothing from other origins; 'wasm-unsafe-eval' lets the playground
// compile WebAssembly, nothing more.
var sitePolicy = []string{
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"worker-src 'self' blob:",
	"frame-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'none'",
	"frame-ancestors 'self'",
}

// sandboxPolicy is the sandbox frame's: an opaque origin that may run
// scripts, its one script by hash, workers from the blob: URLs it makes,
// and no request of any kind.
func sandboxPolicy(scriptHash string) string {
	return strings.Join([]string{
		"sandbox allow-scripts",
		"default-src 'none'",
		fmt.Sprintf("script-src '%s' 'wasm-unsafe-eval'", scriptHash),
		"worker-src blob:",
		"connect-src 'none'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'self'",
	}, "; ")
}

type headerRule struct {
	path   string
	values [][2]string
}

// headersFile is /_headers.
func (r *renderer) headersFile() []byte {
	common := [][2]string{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
	}
	immutable := [2]string{"Cache-Control", "public, max-age=31536000, immutable"}
	rules := []headerRule{
		{"/*", append([][2]string{
			{"Content-Security-Policy", strings.Join(sitePolicy, "; ")},
			{"X-Frame-Options", "SAMEORIGIN"},
			{"Cross-Origin-Opener-Policy", "same-origin"},
			// HTML and other unhashed files: always revalidate, so a deploy shows at once.
			{"Cache-Control", "public, max-age=0, must-revalidate"},
		}, common...)},
		// Hashed names change with their content. The sandbox loads its
		// script with CORS (its origin is opaque), hence the allow-origin.
		{"/assets/*", [][2]string{immutable, {"Access-Control-Allow-Origin", "*"}}},
		{"/*.wasm", [][2]string{{"Content-Type", "application/wasm"}}},
	}
	if pg := r.playground; pg != nil {
		// Complete by itself, for a host that applies only the most
		// specific rule; hashed, so cached like an asset.
		rules = append(rules, headerRule{"/sandbox/*", append([][2]string{
			{"Content-Security-Policy", sandboxPolicy(pg.SandboxHash)},
			immutable,
		}, common...)})
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

// Package web holds the playground's browser code: the page script that
// turns runnable snippets into editors, and the Web Worker that runs the
// interpreter. The generator bundles both with esbuild.
package web

import "embed"

// Files holds the scripts and styles.
//
//go:embed *.js *.css
var Files embed.FS

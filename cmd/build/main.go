// Command build renders the site from content/ into public/.
//
//	go run ./cmd/build                 build the site into public/
//	go run ./cmd/build -check          validate everything, write nothing
//	go run ./cmd/build -out dist -base-url https://example.org
//
// On bad input it prints every problem as path:line:col: message and exits
// with status 1, leaving the previous output untouched.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/goexpert/gointernals/generator"
	"github.com/goexpert/gointernals/generator/diag"
)

// defaultBaseURL is where the site is published; Netlify passes its own
// URL with -base-url, so previews get correct canonical links.
const defaultBaseURL = "https://go-internals.netlify.app"

func main() {
	contentDir := flag.String("content", "content", "content `directory` (pt/, en/)")
	out := flag.String("out", "public", "output `directory`")
	baseURL := flag.String("base-url", defaultBaseURL, "absolute `URL` the site is served from")
	check := flag.Bool("check", false, "validate the content without writing the site")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "build: unexpected argument %q\n", flag.Arg(0))
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	module, err := generator.FindModule(".")
	if err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n", err)
		os.Exit(1)
	}

	rep, err := generator.Build(ctx, generator.Config{
		Content:      os.DirFS(*contentDir),
		ContentLabel: filepath.ToSlash(filepath.Clean(*contentDir)),
		OutDir:       *out,
		BaseURL:      *baseURL,
		Check:        *check,
		Playground:   &generator.PlaygroundConfig{ModuleDir: module},
	})
	if err != nil {
		var list diag.List
		if errors.As(err, &list) {
			fmt.Fprintln(os.Stderr, list.Error())
			fmt.Fprintf(os.Stderr, "build failed: %d problem(s); %s was not changed\n", len(list), *out)
		} else {
			fmt.Fprintf(os.Stderr, "build failed: %v\n", err)
		}
		os.Exit(1)
	}
	if *check {
		fmt.Println("check passed:", rep.Summary())
		return
	}
	fmt.Println(rep.Summary())
}

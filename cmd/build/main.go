// Command build renders the site from content/ into public/.
//
//	go run ./cmd/build                 build the site into public/
//	go run ./cmd/build -check          validate everything, write nothing,
//	                                   build no playground engine
//	go run ./cmd/build -out dist -base-url https://example.org
//	go run ./cmd/build -serve          serve on 127.0.0.1:1313, rebuild on change
//
// On bad input it prints every problem as path:line:col: message and exits
// with status 1, leaving the previous output untouched.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"

	"github.com/goexpert/gointernals/generator"
	"github.com/goexpert/gointernals/generator/diag"
	"github.com/goexpert/gointernals/generator/serve"
	"github.com/goexpert/gointernals/playground/engine"
)

// defaultBaseURL is where the site is published; Netlify passes its own
// URL with -base-url, so previews get correct canonical links.
const defaultBaseURL = "https://go-internals.netlify.app"

func main() {
	// Before anything else: the build starts itself again, with an
	// argument only it passes, to confine the programs of snippets.
	engine.Host()
	contentDir := flag.String("content", "content", "content `directory` (pt/, en/)")
	out := flag.String("out", "public", "output `directory`")
	baseURL := flag.String("base-url", defaultBaseURL, "absolute `URL` the site is served from")
	check := flag.Bool("check", false, "validate the content without writing the site")
	serveFlag := flag.Bool("serve", false, "serve the site, rebuild it when a source changes, and reload open pages")
	host := flag.String("host", "127.0.0.1", "with -serve, the `address` to listen on (anything but loopback exposes your drafts)")
	port := flag.Int("port", 1313, "with -serve, the `port` to listen on (0 picks a free one)")
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

	cfg := generator.Config{
		Content:      os.DirFS(*contentDir),
		ContentLabel: filepath.ToSlash(filepath.Clean(*contentDir)),
		OutDir:       *out,
		BaseURL:      *baseURL,
		Check:        *check,
		Playground:   &generator.PlaygroundConfig{ModuleDir: module},
	}
	if *serveFlag {
		if err := runServer(ctx, cfg, module, *contentDir, net.JoinHostPort(*host, strconv.Itoa(*port))); err != nil {
			fmt.Fprintf(os.Stderr, "build: %v\n", err)
			os.Exit(1)
		}
		return
	}
	rep, err := generator.Build(ctx, cfg)
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

// runServer serves the site with live reload until interrupted. Theme and
// page scripts are read from disk rather than from the binary, so edits
// to them show without a restart (the interface's words, in theme.go, are
// Go code: they need one).
func runServer(ctx context.Context, cfg generator.Config, module, contentDir, addr string) error {
	cfg.Theme = os.DirFS(filepath.Join(module, "theme"))
	cfg.Playground.Web = os.DirFS(filepath.Join(module, "playground", "web"))
	s, err := serve.Start(ctx, serve.Options{
		Addr:   addr,
		OutDir: cfg.OutDir,
		Watch:  []string{contentDir, filepath.Join(module, "theme"), filepath.Join(module, "playground")},
		Build: func(ctx context.Context) error {
			_, err := generator.Build(ctx, cfg)
			return err
		},
		Log: os.Stderr,
	})
	if err != nil {
		return err
	}
	fmt.Printf("serving %s at %s (Ctrl+C stops)\n", cfg.OutDir, s.URL())
	<-ctx.Done()
	return nil
}

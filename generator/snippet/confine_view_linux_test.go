package snippet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goexpert/gointernals/playground/engine"
)

// A snippet that writes into the repository, the user cache directory,
// public/ or the Go build cache finds them read-only, and what it may
// write (its temporary and cache directories, inside the run's own) is
// removed with the run. go build, in the same view, still writes its
// module and the shared build cache (the snippet builds at all).
func TestSandboxReadOnlyFiles(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, "go.mod")); err != nil {
		t.Fatalf("the repository is not at %s: %v", repo, err)
	}
	env, err := toolchainEnv()
	if err != nil {
		t.Fatal(err)
	}
	goCaches := goCache(env)
	if len(goCaches) == 0 {
		t.Skip("no Go build cache to protect (GOCACHE=off)")
	}
	// A user cache and a public/ as the build has them.
	tmp := t.TempDir()
	cache := filepath.Join(tmp, "cache", "gointernals", "snippets")
	public := filepath.Join(tmp, "public")
	for _, d := range []string{cache, public} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	mark := fmt.Sprintf("gointernals-view-test-%d", os.Getpid())
	targets := []struct{ name, dir string }{
		{"repository", repo}, {"user cache", cache}, {"public", public}, {"Go build cache", goCaches[0]},
	}
	var list strings.Builder
	for _, tg := range targets {
		fmt.Fprintf(&list, "\t\t{%q, %q},\n", tg.name, tg.dir)
	}
	code := gofmtted(t, `package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

func main() {
	cache, _ := os.UserCacheDir()
	os.MkdirAll(cache, 0o755)
	for _, d := range []struct{ name, dir string }{
`+list.String()+`		{"temporary directory", os.TempDir()},
		{"its user cache", cache},
	} {
		err := os.WriteFile(filepath.Join(d.dir, "`+mark+`"), []byte("x"), 0o644)
		switch {
		case err == nil:
			fmt.Println(d.name, "written")
		case errors.Is(err, syscall.EROFS):
			fmt.Println(d.name, "read-only")
		default:
			fmt.Println(d.name, err)
		}
	}
}
`)
	want := "repository read-only\nuser cache read-only\npublic read-only\nGo build cache read-only\ntemporary directory written\nits user cache written\n"
	var warn bytes.Buffer
	_, errs, _ := validate(t, Options{Sandbox: &engine.Sandbox{Warn: &warn}}, snip(code, str(want)))
	var wrote []string
	for _, tg := range targets {
		if _, err := os.Stat(filepath.Join(tg.dir, mark)); err == nil {
			os.Remove(filepath.Join(tg.dir, mark))
			wrote = append(wrote, tg.name+" ("+tg.dir+")")
		}
	}
	if strings.Contains(warn.String(), "refused") {
		t.Skipf("the kernel refused what the view needs here: %s", warn.String())
	}
	if len(wrote) > 0 {
		t.Errorf("the snippet wrote into the %s", strings.Join(wrote, ", "))
	}
	if errs != "" || warn.Len() > 0 {
		t.Errorf("errors:\n%s\nwarning: %s", errs, warn.String())
	}
}

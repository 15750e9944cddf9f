package snippet

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goexpert/gointernals/playground/engine"
)

// The tests of this file play an author's snippet that attacks the build
// (engine.Sandbox). The attacks are the toolchain's binary's: the
// interpreter offers no network, no processes, and an os.Getenv that
// returns "" (playground/symbols), so it refuses these programs and the
// page hands them to the exact engine. Its child runs in the same sandbox
// all the same (engine.RunInChild). Margins are generous, for a loaded
// machine: what the tests check is that something never happens, not how
// fast.

// gofmtted formats src, as a snippet must be.
func gofmtted(t *testing.T, src string) string {
	t.Helper()
	b, err := format.Source([]byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return string(b)
}

func linuxOnly(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("namespaces and /proc are Linux's: the sandbox runs without them here")
	}
}

// The build's secrets stay out of a snippet's environment, and its user
// cache directory is the run's own, removed afterwards.
func TestSandboxEnvironment(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("HOME and TMPDIR are not where Windows looks")
	}
	const secret = "deploy-token-5b1e0c"
	for _, k := range []string{"NETLIFY_AUTH_TOKEN", "GITHUB_TOKEN", "GOINTERNALS_TEST_SECRET"} {
		t.Setenv(k, secret)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the runs' private directories are made
	mark := fmt.Sprintf("gointernals-sandbox-test-%d", os.Getpid())
	code := gofmtted(t, `package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	var names []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name != "GOCOVERDIR" {
			names = append(names, name)
		}
		if strings.Contains(kv, "`+secret+`") {
			fmt.Println("found a secret in", name)
		}
	}
	slices.Sort(names)
	fmt.Println(names)
	home := os.Getenv("HOME")
	cache, _ := os.UserCacheDir()
	fmt.Println(os.Getenv("TMPDIR") == home, strings.HasPrefix(cache, home+"/"))
	os.MkdirAll(cache, 0o755)
	fmt.Println(os.WriteFile(cache+"/`+mark+`", []byte("x"), 0o644) == nil)
}
`)
	res, errs, _ := validate(t, Options{}, snip(code, str("[HOME TMPDIR]\ntrue true\ntrue\n")))
	if errs != "" || strings.Contains(res[0].Output, secret) {
		t.Fatalf("errors:\n%s\noutput:\n%s", errs, res[0].Output)
	}
	if cache, err := os.UserCacheDir(); err == nil {
		if _, err := os.Stat(filepath.Join(cache, mark)); err == nil {
			os.Remove(filepath.Join(cache, mark))
			t.Errorf("the snippet wrote into the build's cache directory %s", cache)
		}
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "sandbox-*"))
	if len(left) > 0 {
		t.Errorf("the runs' private directories were not removed: %v", left)
	}
}

// procsWith lists the live processes whose command line holds s.
func procsWith(s string) []string {
	var found []string
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, f := range cmdlines {
		b, err := os.ReadFile(f)
		if err == nil && bytes.Contains(b, []byte(s)) {
			found = append(found, filepath.Base(filepath.Dir(f))+": "+strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
	return found
}

// Nothing a snippet starts outlives its run: not a process left behind
// when it ends, not one running when it is killed at its limit, and, in
// the PID namespace, not even one in a session of its own.
func TestSandboxLeavesNothingRunning(t *testing.T) {
	linuxOnly(t)
	const delay = 3 // seconds before the background process writes its file
	spawn := func(file, sys string) string {
		return `_, err := os.StartProcess("/bin/sh", []string{"sh", "-c", "PATH=/usr/bin:/bin; sleep ` + fmt.Sprint(delay) + `; echo late >'` + file + `'"}, &os.ProcAttr{` + sys + `})
	fmt.Println(err == nil)`
	}
	cases := []struct {
		name, body, want, err string
		fallback              bool // also without namespaces
	}{
		{"a child left behind", "%s\n", "true\n", "", true},
		{"a child when the limit comes", "%s\nfor {\n}\n", "true\n", "the program did not end within 1s", true},
		{"a child in its own session", "%s\n", "true\n", "", false},
	}
	for _, tc := range cases {
		for _, fallback := range []bool{false, true} {
			if fallback && !tc.fallback {
				continue // setsid leaves the process group: only the PID namespace holds it
			}
			name := tc.name
			if fallback {
				name += ", without namespaces"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				// A FIFO, not a file: in its read-only view a program may
				// still open one for writing, so a survivor would tell.
				file := filepath.Join(t.TempDir(), "written-after-the-run")
				if out, err := exec.Command("mkfifo", file).CombinedOutput(); err != nil {
					t.Fatalf("mkfifo: %v %s", err, out)
				}
				imports, sys := "import (\n\t\"fmt\"\n\t\"os\"\n)\n", ""
				if !tc.fallback {
					imports = "import (\n\t\"fmt\"\n\t\"os\"\n\t\"syscall\"\n)\n"
					sys = "Sys: &syscall.SysProcAttr{Setsid: true}"
				}
				code := gofmtted(t, "package main\n\n"+imports+"\nfunc main() {\n"+fmt.Sprintf(tc.body, spawn(file, sys))+"}\n")
				sb := &engine.Sandbox{FakeRefusal: fallback, Warn: io.Discard}
				// A second where the limit is the case; elsewhere room for a
				// busy machine to start the run.
				limit := 30 * time.Second
				if strings.Contains(tc.err, "did not end") {
					limit = time.Second
				}
				_, errs, _ := validate(t, Options{Timeout: limit, Sandbox: sb}, snip(code, str(tc.want)))
				if (tc.err == "" && errs != "") || !strings.Contains(errs, tc.err) {
					t.Fatalf("errors:\n%s", errs)
				}
				ended := time.Now()
				// Open now, so that a survivor's write does not wait for a
				// reader.
				witness, err := os.OpenFile(file, os.O_RDONLY|syscall.O_NONBLOCK, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer witness.Close()
				// The kernel reaps what was killed at once; allow it time
				// on a loaded machine.
				var left []string
				for deadline := ended.Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
					if left = procsWith(file); len(left) == 0 {
						break
					}
				}
				if len(left) > 0 {
					t.Errorf("still running after the run: %q", left)
				}
				// A survivor would write delay seconds after it started,
				// which was before the run ended.
				time.Sleep(time.Until(ended.Add((delay + 2) * time.Second)))
				witness.SetReadDeadline(time.Now().Add(time.Second))
				if n, _ := witness.Read(make([]byte, 16)); n > 0 {
					t.Error("a process the snippet started wrote after the run")
				}
			})
		}
	}
}

// bomb is a program whose compilation takes minutes and
// gigabytes: a string constant doubled thirty times (16 GiB), that the
// type check never makes whole.
func bomb() string {
	var b strings.Builder
	b.WriteString("package main\n\nimport \"fmt\"\n\nconst (\n\ta0 = \"0123456789abcdef\"\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, "\ta%d = a%d + a%d\n", i, i-1, i-1)
	}
	b.WriteString(")\n\nfunc main() {\n\ts := a30\n\tfmt.Println(s[:4])\n}\n")
	return b.String()
}

// runBomb builds bomb with runProgram, past the check that refuses huge
// constants before the type check, and returns its errors.
func runBomb(t *testing.T, opts Options) (string, time.Duration) {
	t.Helper()
	code := gofmtted(t, bomb())
	v := &validator{opts: opts}
	sn := snip(code, str("0123\n"))
	pr := &problem{sn: sn}
	start := time.Now()
	v.runProgram(context.Background(), sn, pr, &Result{})
	return pr.errs.Error(), time.Since(start)
}

// noCompilerLeft fails if a process still works in dir (the go command or
// the compiler it started, working in the snippet's module).
func noCompilerLeft(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		return
	}
	var left []string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		left = left[:0]
		cwds, _ := filepath.Glob("/proc/[0-9]*/cwd")
		for _, c := range cwds {
			if wd, err := os.Readlink(c); err == nil && strings.HasPrefix(wd, dir) {
				left = append(left, c+" -> "+wd)
			}
		}
		if len(left) == 0 {
			return
		}
	}
	t.Errorf("processes still work in the snippet's directory: %v", left)
}

// go build has a time limit: the compile bomb is stopped there, with an
// error at the snippet, and the compiler dies with the go command.
func TestBuildTimeLimit(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("without process groups the compiler would outlive the go command")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// The bomb's compiler took 2 GiB in 2.5 s at most here: in 2 s it
	// stays under 4 GiB, a limit there in case it would not.
	const limit = 2 * time.Second
	errs, took := runBomb(t, Options{Timeout: time.Second, BuildTimeout: limit, Sandbox: &engine.Sandbox{MemoryLimit: 4 << 30}})
	t.Logf("stopped after %v:\n%s", took.Round(time.Millisecond), errs)
	if !strings.Contains(errs, "content/pt/x.md:10:5: snippet 1: go build did not finish within 2s") {
		t.Errorf("want the build's time limit at the snippet, got:\n%s", errs)
	}
	if took > limit+30*time.Second {
		t.Errorf("the build was stopped after %v, limit %v", took, limit)
	}
	noCompilerLeft(t, tmp)
}

// Each process of go build may map DefaultMemoryLimit: with a small
// limit the bomb fails at once (the compiler's runtime crashes, with
// "fatal error: runtime: out of memory" or a SIGSEGV), and the error says
// why in two lines.
func TestBuildMemoryLimit(t *testing.T) {
	linuxOnly(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	errs, took := runBomb(t, Options{Timeout: time.Second, BuildTimeout: time.Minute, Sandbox: &engine.Sandbox{MemoryLimit: 256 << 20}})
	t.Logf("stopped after %v:\n%s", took.Round(time.Millisecond), errs)
	if !strings.Contains(errs, "snippet 1: go build crashed: ") || !strings.Contains(errs, "may map 256 MiB") || strings.Count(errs, "\n") > 2 {
		t.Errorf("want two lines saying the build crashed at its memory limit, got:\n%s", errs)
	}
	noCompilerLeft(t, tmp)
}

// The same bomb with len of the constant would make the type checker
// build the whole string in the build's own process: it is refused before.
func TestHugeConstantRefused(t *testing.T) {
	code := gofmtted(t, strings.Replace(bomb(), "\ts := a30\n\tfmt.Println(s[:4])\n", "\tfmt.Println(len(a30))\n", 1))
	start := time.Now()
	_, errs, st := validate(t, Options{}, snip(code, str("17179869184\n")))
	t.Logf("refused in %v", time.Since(start).Round(time.Millisecond))
	// a16 = 16 bytes doubled 16 times, 1 MiB, counted with its quotes: the
	// first over the limit. It is on line 22 of the code, at column 2.
	if !strings.Contains(errs, "content/pt/x.md:31:6: snippet 1: the string constant a16 may be as long as 1179648 bytes: the build refuses string constants over 1 MiB") || st.Toolchain != 0 {
		t.Errorf("got:\n%s", errs)
	}
	// Constants that stay small pass.
	small := "package main\n\nimport \"fmt\"\n\nconst (\n\tb0 = \"ab\"\n\tb1 = b0 + b0\n\tb2 = (b1 + b1) + string(b1)\n)\n\nfunc main() {\n\tfmt.Println(len(b2))\n}\n"
	if _, errs, _ := validate(t, Options{}, snip(small, str("12\n"))); errs != "" {
		t.Errorf("a small constant was refused:\n%s", errs)
	}
}

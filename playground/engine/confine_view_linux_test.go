package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// The read-only view, tested across three processes: this test starts a
// build (this binary again, as the user running the tests and, when that
// is root, as nobody, a build's usual user), which makes a repository, a
// user cache, a public/ and a writable directory of its own and runs
// a program (this binary once more) in its Sandbox. The program tries to
// write everywhere and to take the view away; the build then looks on
// disk for what the program wrote.

// viewTargets are the directories the build makes; "extra" is the
// command's Writable one.
var viewTargets = []string{"repo", "cache", "public", "extra"}

const written = "written-by-the-program"

// viewProgram is the program: one line per attempt, "ok" or the error.
func viewProgram(dirs []string) {
	say := func(what string, err error) {
		if err == nil {
			fmt.Printf("%s: ok\n", what)
			return
		}
		var errno syscall.Errno
		if errors.As(err, &errno) {
			err = errno
		}
		fmt.Printf("%s: %v\n", what, err)
	}
	write := func(dir string) error { return os.WriteFile(filepath.Join(dir, written), []byte("x"), 0o644) }
	for i, d := range dirs {
		say("write "+append(viewTargets, "module")[i], write(d))
	}
	say("write home", write(os.Getenv("HOME")))
	say("write cwd", os.WriteFile(written+"-in-cwd", nil, 0o644))
	f, err := os.OpenFile("/dev/null", os.O_WRONLY, 0)
	if err == nil {
		_, err = f.Write([]byte("x"))
		f.Close()
	}
	say("write /dev/null", err)
	// What a program with CAP_SYS_ADMIN could do to the view.
	say("undo mount_setattr", unix.MountSetattr(unix.AT_FDCWD, "/", unix.AT_RECURSIVE, &unix.MountAttr{Attr_clr: unix.MOUNT_ATTR_RDONLY}))
	say("undo remount", unix.Mount("", "/", "", unix.MS_REMOUNT|unix.MS_BIND, ""))
	say("undo umount /proc", unix.Unmount("/proc", unix.MNT_DETACH))
	say("write repo again", write(dirs[0]))
	pids, _ := filepath.Glob("/proc/[0-9]*")
	fmt.Printf("processes: %v\n", pids)
	ns, _ := os.Readlink("/proc/self/ns/net")
	fmt.Printf("netns: %s\n", ns)
}

// viewBuild is the build: it runs the program in mode (view, remount,
// refused: the kernel refuses the view, nohost: the executable does not
// call Host) and prints its output, the Sandbox's warning and what
// is on disk.
func viewBuild(mode, module string) error {
	tmp, err := os.MkdirTemp("", "engine-view-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var dirs []string
	for _, name := range viewTargets {
		d := filepath.Join(tmp, name)
		if err := os.Mkdir(d, 0o755); err != nil {
			return err
		}
		dirs = append(dirs, d)
	}
	dirs = append(dirs, module)
	var out, warn bytes.Buffer
	sb := &Sandbox{Warn: &warn, remountEach: mode == "remount", fakeViewRefusal: mode == "refused"}
	if mode == "nohost" {
		trampolineHost.Store(false)
	}
	err = sb.Run(context.Background(), Command{
		Args:     []string{os.Args[0], "-test.run=^TestSandboxReadOnlyView$"},
		Env:      []string{"ENGINE_TEST_VIEW_PROGRAM=" + strings.Join(dirs, string(filepath.ListSeparator))},
		Stdout:   &out,
		Stderr:   &out,
		Isolate:  true,
		Writable: []string{dirs[3]},
	})
	fmt.Print(out.String())
	fmt.Printf("warning: %q\n", warn.String())
	for i, d := range dirs {
		_, serr := os.Stat(filepath.Join(d, written))
		fmt.Printf("on disk %s: %v\n", append(viewTargets, "module")[i], serr == nil)
		if i == len(dirs)-1 && serr == nil {
			os.Remove(filepath.Join(d, written))
		}
	}
	return err
}

func TestSandboxReadOnlyView(t *testing.T) {
	if dirs := os.Getenv("ENGINE_TEST_VIEW_PROGRAM"); dirs != "" {
		viewProgram(filepath.SplitList(dirs))
		return
	}
	if mode := os.Getenv("ENGINE_TEST_VIEW_BUILD"); mode != "" {
		if err := viewBuild(mode, os.Getenv("ENGINE_TEST_VIEW_MODULE")); err != nil {
			fmt.Println("run:", err)
		}
		return
	}
	module, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	ownNetns, _ := os.Readlink("/proc/self/ns/net")
	users := []string{"self"}
	if os.Getuid() == 0 {
		users = append(users, "nobody")
	}
	for _, user := range users {
		bin, cred := asUser(t, user)
		for _, mode := range []string{"view", "remount", "refused", "nohost"} {
			t.Run(user+"/"+mode, func(t *testing.T) {
				build := exec.Command(bin, "-test.run=^TestSandboxReadOnlyView$")
				build.Dir = os.TempDir()
				build.Env = append(os.Environ(), "ENGINE_TEST_VIEW_BUILD="+mode, "ENGINE_TEST_VIEW_MODULE="+module, "GOCOVERDIR=")
				build.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
				b, err := build.CombinedOutput()
				out := string(b)
				if err != nil {
					t.Fatalf("%v\n%s", err, out)
				}
				if (mode == "view" || mode == "remount") && strings.Contains(out, "kernel refused namespaces") {
					t.Skipf("the kernel refuses namespaces here: %s", out)
				}
				got := map[string]string{}
				for _, l := range strings.Split(out, "\n") {
					if k, v, ok := strings.Cut(l, ": "); ok {
						got[k] = v
					}
				}
				want := map[string]string{
					"write home": "ok", "write cwd": "ok", "write extra": "ok", "write /dev/null": "ok",
					"on disk extra": "true",
				}
				if mode == "view" || mode == "remount" {
					for _, d := range []string{"repo", "cache", "public"} {
						want["write "+d] = "read-only file system"
						want["on disk "+d] = "false"
					}
					want["on disk module"] = "false"
					want["write repo again"] = "read-only file system"
					want["processes"] = "[/proc/1]"
					want["warning"] = `""`
					for _, undo := range []string{"undo mount_setattr", "undo remount", "undo umount /proc"} {
						want[undo] = "operation not permitted"
					}
					if m := got["write module"]; m != "read-only file system" && m != "permission denied" {
						t.Errorf("write module: %s, want read-only file system (or, for nobody, permission denied)", m)
					}
				} else {
					// Without the view the program writes where it likes:
					// what the README says of such hosts.
					for _, d := range []string{"repo", "cache", "public"} {
						want["on disk "+d] = "true"
					}
				}
				unprivileged := user == "nobody" || os.Getuid() != 0
				switch w := got["warning"]; {
				case mode == "view" || mode == "remount":
				case unprivileged:
					// Without the view the build stays not dumpable, which
					// keeps a user other than root from mapping itself
					// into a namespace (startAt).
					if !strings.HasPrefix(w, `"snippets run with the network, may write every file the build's user may, and may leave processes`) || strings.Count(w, `\n`) != 1 {
						t.Errorf("warning: %s, want one line saying that snippets run with the network", w)
					}
				default:
					why := "the kernel refused a read-only view of the file system (sandbox: mount: operation not permitted)"
					if mode == "nohost" {
						why = errNoTrampoline.Error()
					}
					want["warning"] = fmt.Sprintf("%q", "snippets may write every file the build's user may: "+why+"\n")
				}
				for k, v := range want {
					if got[k] != v {
						t.Errorf("%s: %q, want %q", k, got[k], v)
					}
				}
				if ns := got["netns"]; ns == "" || (ns == ownNetns) != (unprivileged && mode != "view" && mode != "remount") {
					t.Errorf("the program's network namespace is %q, the build's %q", ns, ownNetns)
				}
				if t.Failed() {
					t.Logf("output:\n%s", out)
				}
			})
		}
	}
}

// asUser is this test binary and the credential to run it as user: as
// nobody, a copy nobody may run.
func asUser(t *testing.T, user string) (string, *syscall.Credential) {
	if user == "self" {
		return os.Args[0], nil
	}
	dir, err := os.MkdirTemp("", "engine-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	b, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "engine.test")
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, &syscall.Credential{Uid: 65534, Gid: 65534}
}

// BenchmarkSandboxLevels is the cost of a run of /bin/true at each level:
// what the view adds is the trampoline (this executable's start, then the
// mounts) before the command.
func BenchmarkSandboxLevels(b *testing.B) {
	if _, err := os.Stat("/bin/true"); err != nil {
		b.Skip("no /bin/true")
	}
	for _, bc := range []struct {
		name    string
		isolate bool
		noView  bool
	}{{"bare", false, false}, {"namespaces", true, true}, {"view", true, false}} {
		b.Run(bc.name, func(b *testing.B) {
			sb := &Sandbox{}
			sb.noView.Store(bc.noView)
			for b.Loop() {
				if err := sb.Run(context.Background(), Command{Args: []string{"/bin/true"}, Isolate: bc.isolate}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package engine

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSandboxDiesWithTheBuild kills a build (a helper process: this test
// binary again) while its sandboxed command runs: the command must not
// run on. Interrupting a build, or CI killing it at its limit, would
// otherwise leave an author's program running on the machine.
func TestSandboxDiesWithTheBuild(t *testing.T) {
	if os.Getenv("ENGINE_TEST_BUILD") == "1" {
		DefaultSandbox.Run(context.Background(), Command{Args: []string{"/bin/sh", "-c", "sleep 600 # " + os.Getenv("ENGINE_TEST_MARK")}, Isolate: true})
		return
	}
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	mark := "sandbox-dies-" + time.Now().Format("150405.000000000")
	build := exec.Command(os.Args[0], "-test.run=^TestSandboxDiesWithTheBuild$")
	build.Env = append(os.Environ(), "ENGINE_TEST_BUILD=1", "ENGINE_TEST_MARK="+mark)
	if err := build.Start(); err != nil {
		t.Fatal(err)
	}
	running := func() bool {
		out, _ := exec.Command("pgrep", "-f", mark).Output()
		return strings.TrimSpace(string(out)) != ""
	}
	if _, err := exec.LookPath("pgrep"); err != nil {
		build.Process.Kill()
		t.Skip("no pgrep")
	}
	deadline := time.Now().Add(30 * time.Second)
	for !running() {
		if time.Now().After(deadline) {
			build.Process.Kill()
			t.Fatal("the sandboxed command never started")
		}
		time.Sleep(50 * time.Millisecond)
	}
	build.Process.Signal(syscall.SIGKILL)
	build.Wait()
	for deadline = time.Now().Add(10 * time.Second); running(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			exec.Command("pkill", "-9", "-f", mark).Run()
			t.Fatal("the sandboxed command outlived the build that started it")
		}
	}
}

package browser

import (
	"os/exec"
	"testing"
	"time"
)

// TestCPUCountsChildren: CPU counts a child the process has not waited
// for, which is what getrusage leaves out.
func TestCPUCountsChildren(t *testing.T) {
	before := CPU()
	if before < 0 {
		t.Fatal("CPU cannot read /proc")
	}
	// A shell that counts for a while, then sleeps until killed.
	cmd := exec.Command("sh", "-c", `i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo done; exec sleep 60`)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if _, err := out.Read(make([]byte, 5)); err != nil {
		t.Fatal(err)
	}
	if got := CPU() - before; got < 50*time.Millisecond {
		t.Errorf("a child that counted to 200,000 in sh: CPU says %v", got)
	}
}

//go:build unix && !linux

package engine

import (
	"os"
	"os/exec"
	"syscall"
)

// No namespaces outside Linux: a program runs with the network.
const canIsolate = false

// setProcAttr puts the command in a process group of its own.
func setProcAttr(cmd *exec.Cmd, lv level, fakeRefusal bool) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func startAt(cmd *exec.Cmd, lv level) error { return cmd.Start() }

// killGroup kills the process group that p leads.
func killGroup(p *os.Process) {
	syscall.Kill(-p.Pid, syscall.SIGKILL)
}

// limitMemory does nothing: the limit is Linux's.
func limitMemory(p *os.Process, bytes int64) {}

// hideEnvironment does nothing: other systems do not show a process's
// environment to another process of its user through a file.
func hideEnvironment() {}

// refusedNamespaces is never asked: there are no namespaces to refuse.
func refusedNamespaces(error) bool { return false }

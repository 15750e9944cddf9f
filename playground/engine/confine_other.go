//go:build !unix && !js

package engine

import (
	"os"
	"os/exec"
)

// Neither namespaces nor process groups here (Windows): a program runs
// with the network, and only the process itself is killed.
const canIsolate = false

func setProcAttr(cmd *exec.Cmd, lv level, fakeRefusal bool) {}

func startAt(cmd *exec.Cmd, lv level) error { return cmd.Start() }

func killGroup(p *os.Process) { p.Kill() }

func limitMemory(p *os.Process, bytes int64) {}

func hideEnvironment() {}

func refusedNamespaces(error) bool { return false }

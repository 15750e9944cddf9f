//go:build !linux

package generator

import (
	"errors"
	"io/fs"
)

// renameExchange: only Linux swaps two names in one step (renameat2);
// writeSite then moves the old site aside and the new one in.
func renameExchange(a, b string) error { return errors.ErrUnsupported }

// lockBeside: without flock here, a build cannot know whether the
// directories beside the output are a running build's, and leaves them.
func lockBeside(parent, base string) (unlock func(), err error) { return func() {}, nil }

// idOf: files' identities are read on Linux only; elsewhere every kept
// file is compared by reading it.
func idOf(fi fs.FileInfo) (fileID, bool) { return fileID{}, false }

// bootID: records are made on Linux only (idOf).
func bootID() string { return "" }

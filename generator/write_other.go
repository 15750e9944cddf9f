//go:build !linux

package generator

import "errors"

// renameExchange: only Linux swaps two names in one step (renameat2);
// writeSite then moves the old site aside and the new one in.
func renameExchange(a, b string) error { return errors.ErrUnsupported }

// lockBeside: without flock here, a build cannot know whether the
// directories beside the output are a running build's, and leaves them.
func lockBeside(parent, base string) (unlock func(), err error) { return func() {}, nil }

// Package lowerlib holds the helpers the engine's source pass appends to
// a lowered program (playground/engine/lowerlib.go): plain Go that the
// interpreter runs right, standing in for what it lacks or runs wrongly
// (min and max, slices.Sort, sync.OnceValue, errors.As, ...).
//
// The engine embeds helpers.go and appends, after the reader's last line,
// the declarations a program uses and those they use, each as it is
// written there, its doc comment aside (the interpreter's WebAssembly
// carries the file without its comments: uncommentedOverlay in
// generator/assets). So in helpers.go:
//
//   - each top-level declaration is one helper, named _lower...: names no
//     program uses (their type parameters too: the interpreter confuses a
//     type parameter with a type of the same name);
//   - a package is imported under the name the source pass gives it,
//     _lower_ and its path (_lower_sort), and the interpreter's own
//     helpers, which the engine offers as the package playground/lower,
//     under _lowerRT (here package rt, their native stand-in);
//   - bodies hold no comments: they are appended as they are;
//   - no directives (//go:...): the module's copy would lose them.
//
// Being a package, the helpers compile and are vetted, and helpers_test.go
// holds each to the function of the standard library it stands in for.
// The interpreter's side (the same helpers run by it, after lowering) is
// testdata/library_helpers.go's.
package lowerlib

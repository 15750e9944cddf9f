package assets

// A reader's program may not name unsafe (the exact engine's guard
// refuses it, but for Sizeof, Alignof and Offsetof), yet it can hold an
// unsafe.Pointer without naming it: encoding/json's
// UnsupportedValueError carries a reflect.Value, whose UnsafePointer
// method returns one, and Go converts an unsafe.Pointer into any pointer
// type in a file that does not import unsafe. A security review (2026-12-05)
// read and wrote memory at an address of its choosing so, through a
// value from json.Marshal of a cyclic struct, on the exact engine: the
// second line of defence the sandbox relies on (no program reaches
// memory it was not given) was gone, though the sandbox itself held.
// go/ast, encoding/xml, encoding/gob and sync/atomic hand out
// reflect.Values or unsafe.Pointers as well.
//
// unsafeConversions change the compiler's type checker (types2) so that,
// in package main, the reader's, a conversion to or from unsafe.Pointer
// is an error: without it, an unsafe.Pointer or a reflect.Value reaches
// no memory but the value's own. The standard library's packages are
// compiled by the site's build, not by this compiler, and keep their
// conversions; the site's own programs never convert an unsafe.Pointer
// (the guard refuses it by name).
var unsafeConversions = []compilerPatch{
	{"cmd/compile/internal/types2/conversions.go", []edit{
		{"\tif (isPointer(Vu) || isUintptr(Vu)) && isUnsafePointer(Tu) {\n\t\treturn true\n\t}\n",
			"\tif (isPointer(Vu) || isUintptr(Vu)) && isUnsafePointer(Tu) {\n\t\treturn !playgroundRefusesUnsafe(check, cause)\n\t}\n"},
		{"\tif isUnsafePointer(Vu) && (isPointer(Tu) || isUintptr(Tu)) {\n\t\treturn true\n\t}\n",
			"\tif isUnsafePointer(Vu) && (isPointer(Tu) || isUintptr(Tu)) {\n\t\treturn !playgroundRefusesUnsafe(check, cause)\n\t}\n"},
	}, `
// playgroundRefusesUnsafe: in package main, a reader's program in the
// site's exact engine, a conversion to or from unsafe.Pointer is an
// error, with cause saying why. Written for the site's exact engine
// (generator/assets/unsafeconv.go).
func playgroundRefusesUnsafe(check *Checker, cause *string) bool {
	if check == nil || check.pkg == nil || check.pkg.path != "main" {
		return false
	}
	if cause != nil {
		*cause = "the playground does not convert unsafe.Pointer values (a program may reach only the memory it was given)"
	}
	return true
}
`},
}

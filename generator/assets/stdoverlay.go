package assets

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// stdOverlay writes, for go list's -overlay when the standard library's
// archives are built, the files that make a js/wasm program say what it
// says on Linux, where go run runs the programs the playground is
// compared with: the errno words (linuxErrnoOverlay) and the nil pointer
// dereference's signal line (linuxSignalOverlay). It returns the
// overlay's JSON path.
func stdOverlay(goroot, dir string) (string, error) {
	replace := map[string]string{}
	for _, write := range []func(goroot, dir string) (string, string, error){linuxErrnoOverlay, linuxSignalOverlay} {
		orig, dst, err := write(goroot, dir)
		if err != nil {
			return "", err
		}
		replace[orig] = dst
	}
	j, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return "", err
	}
	name := filepath.Join(dir, "std.json")
	return name, os.WriteFile(name, j, 0o644)
}

// Under GOOS=js the runtime has no signal names, so a nil pointer
// dereference (which it turns into a SIGSEGV panic, runtime/os_wasm.go)
// reports "[signal 0xb code=0x0 addr=0x0 pc=0x0]", where go run on Linux
// says "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0
// pc=0x…]". linuxSignalOverlay writes a copy of runtime/os_wasm.go whose
// signame names SIGSEGV in Linux's words (from sigtab_linux_generic.go)
// and whose sigpanic records the code Linux gives a fault at an unmapped
// address (SEGV_MAPERR, 1). The fault's address and pc stay js/wasm's
// (0): the wasm runtime does not know them.
func linuxSignalOverlay(goroot, dir string) (orig, dst string, err error) {
	runtime := filepath.Join(goroot, "src", "runtime")
	tab, err := os.ReadFile(filepath.Join(runtime, "sigtab_linux_generic.go"))
	if err != nil {
		return "", "", fmt.Errorf("the signal words: %w", err)
	}
	m := regexp.MustCompile(`"(SIGSEGV: [^"]*)"`).FindSubmatch(tab)
	if m == nil {
		return "", "", fmt.Errorf("the signal words: sigtab_linux_generic.go names no SIGSEGV (update generator/assets/stdoverlay.go for this Go release)")
	}
	orig = filepath.Join(runtime, "os_wasm.go")
	b, err := os.ReadFile(orig)
	if err != nil {
		return "", "", fmt.Errorf("the signal words: %w", err)
	}
	src := string(b)
	for _, r := range []struct{ old, new string }{
		{"func signame(sig uint32) string {\n\treturn \"\"\n}", "func signame(sig uint32) string {\n\tif sig == _SIGSEGV {\n\t\treturn " + strconv.Quote(string(m[1])) + "\n\t}\n\treturn \"\"\n}"},
		{"\tgp.sig = _SIGSEGV\n", "\tgp.sig = _SIGSEGV\n\tgp.sigcode0 = 1 // SEGV_MAPERR, as Linux reports a fault at address 0\n"},
	} {
		if strings.Count(src, r.old) != 1 {
			return "", "", fmt.Errorf("the signal words: %s no longer has %q (update generator/assets/stdoverlay.go for this Go release)", orig, r.old)
		}
		src = strings.Replace(src, r.old, r.new, 1)
	}
	dst = filepath.Join(dir, "os_wasm.go")
	return orig, dst, os.WriteFile(dst, []byte(src), 0o644)
}

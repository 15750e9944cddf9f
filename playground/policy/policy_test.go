package policy

import "testing"

func TestImportable(t *testing.T) {
	for path, want := range map[string]bool{
		"fmt": true, "encoding/json": true, "net/http": true, "os/exec": true, "runtime": true, "syscall": true,
		"unsafe": false, "syscall/js": false, "reflect": false,
		"internal/abi": false, "crypto/internal/fips140/sha256": false, "net/http/internal": false,
		"vendor/golang.org/x/net/dns/dnsmessage": false, "cmd/compile": false,
		// Only the element "internal" is internal.
		"internals/x": true,
	} {
		if got := Importable(path); got != want {
			t.Errorf("Importable(%q) = %v, want %v", path, got, want)
		}
	}
}

package generator

import (
	"crypto/sha256"
	"slices"
	"testing"
)

// The sums file reads back as written; cut short, grown or with a byte
// changed anywhere, it is refused whole.
func TestSumsFileRoundTrip(t *testing.T) {
	recs := []sumRecord{
		{ID: fileID{Dev: 1, Ino: 2, Size: 3, Mtime: 4, Ctime: -5}, Sum: sha256.Sum256([]byte("a")), Since: 6, Gen: 7},
		{ID: fileID{Dev: 1<<64 - 1, Ino: 9, Size: 1 << 40, Mtime: 1, Ctime: 2}, Sum: sha256.Sum256([]byte("b")), Since: -1, Gen: 8},
	}
	b := encodeSums("boot-1", recs)
	boot, got, ok := decodeSums(b)
	if !ok || boot != "boot-1" || !slices.Equal(got, recs) {
		t.Fatalf("decoded %q, %v, %v; want boot-1, %v", boot, got, ok, recs)
	}
	if boot, got, ok := decodeSums(encodeSums("", nil)); !ok || boot != "" || len(got) != 0 {
		t.Errorf("no records decoded as %q, %v, %v", boot, got, ok)
	}
	for i := range b {
		bad := slices.Clone(b)
		bad[i] ^= 1
		if _, _, ok := decodeSums(bad); ok {
			t.Fatalf("a changed byte at %d of %d was read", i, len(b))
		}
	}
	for _, bad := range [][]byte{b[:len(b)-1], b[:len(b)-sumsRecordSize], append(slices.Clone(b), 0), nil} {
		if _, _, ok := decodeSums(bad); ok {
			t.Errorf("a sums file of %d bytes (written: %d) was read", len(bad), len(b))
		}
	}
}

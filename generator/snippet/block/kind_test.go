package block

import "testing"

func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		code string
		want Kind
	}{
		{"package main\n\nfunc main() {}\n", Program},
		{"package main\n\nfunc helper() {}\n", Package},
		{"package runtime\n\ntype waitq struct{ first *sudog }\n", Package},
		{"import \"sync\"\n\nvar mu sync.Mutex\nmu.Lock()\n", Fragment},
		{"type hchan struct{ qcount uint }\n", Fragment},
		{"package main\n\nfunc main() {\n", Program}, // a broken program is still one
	} {
		if got := KindOf(tc.code); got != tc.want {
			t.Errorf("KindOf(%q) = %s, want %s", tc.code, got, tc.want)
		}
	}
	// A fragment's code sits one line below the wrapper's top.
	p, err := Parse("x := 1\n_ = x\n")
	if err != nil || p.Kind != Fragment || p.Offset != 1 {
		t.Errorf("Parse of statements: %+v, %v; want a fragment at offset 1", p, err)
	}
}

package engine

import "testing"

// A struct type with a blank field is reported, declared or written out;
// one without, not.
func TestBlankFieldsAreReported(t *testing.T) {
	reportedAt(t, "blank field", []declsCase{
		{"type A struct {\n\t_ int\n\tX int\n}\n", "8:2"},
		{"var v struct{ a, _ [2]byte }\n", "7:18"},
		{"type B struct{ X, Y int }\n", ""},
	})
}

func TestBlankFieldStillDiffers(t *testing.T) {
	stillDiffers(t, "a blank field", "\ttype A struct {\n\t\t_ int\n\t\tX int\n\t}\n\tfmt.Println(A{1, 2} == A{3, 2})\n", "true\n")
}

package engine

// labeledReturnRewrite, named labeledReturn: a goto to the label of a bare
// return that the statement before it falls into (done: return) loops for
// ever; the label goes on an empty block before the return (done: {};
// return).
func labeledReturnRewrite(l *lowering, s *syntax) {
	for _, r := range s.labeledReturns {
		l.insert(r.Pos(), "{}; ")
	}
}

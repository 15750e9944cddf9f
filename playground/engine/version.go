package engine

// Version changes whenever the engine's behaviour may (the source pass,
// the symbol set, yaegi's version), so results the build cached are not
// trusted across such a change: yaegi's version and a digest of the
// engine's, its helpers' (lowerlib) and the symbol tables' sources, tests
// aside, and of go.mod's yaegi line (sourceDigest).
// TestVersionIsTheSources fails when they changed and this did not; `go
// test ./playground/engine -run TestVersionIsTheSources -update` writes
// it.
const Version = "yaegi-v0.16.1/" + sourceDigest

const sourceDigest = "63298c4a40e4e11e"

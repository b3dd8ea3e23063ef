package layout

// testSettings are the engine settings the unit tests set text with.
type testSettings struct{ Justify Justification }

// testStyle returns TeX's justification values (those of the built-in
// house style), so that the engine's tests need no house style.
func testStyle() testSettings {
	return testSettings{Justify: Justification{Stretch: 0.5, Shrink: 1.0 / 3, MaxSpace: 3, Tolerance: 200,
		Hyphenate: true, HyphenPenalty: 50, MaxConsecutiveHyphens: 2}}
}

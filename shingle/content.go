package shingle

// stopWordList holds English function words and reporting verbs: the words
// a rewrite or a round-trip translation changes most freely. The rewrite
// channel drops them and keeps the content words, which survive. stop.go
// builds the lookup table from it.
const stopWordList = `a about above after again against all also am an and any are as at be
	because been before being below between both but by can could did do does doing down during each
	few for from further had has have having he her here hers herself him himself his how i if in into
	is it its itself just me more most my myself no nor not now of off on once only or other our ours
	ourselves out over own same she should so some such than that the their theirs them themselves
	then there these they this those through to too under until up very was we were what when where
	which while who whom why will with would you your yours yourself yourselves may might must shall
	said says say told tell according also yet however although though whether upon within without
	mr mrs ms dr one two three s t d ll m re ve`

// IsStopWord reports whether the normalized word w is a function word.
func IsStopWord(w string) bool { return isStop(w) }

// Stem strips common English inflections so that "pushes", "pushed" and
// "pushing" meet. It is deliberately crude: it only needs to be consistent.
func Stem(w string) string { return w[:stemLen(w)] }

// ContentWord returns the stem of w and true when w is a content word
// (not a stop word, not a lone character).
func ContentWord(w string) (string, bool) {
	if len(w) < 2 || isStop(w) {
		return "", false
	}
	return w[:stemLen(w)], true
}

// ContentWordBytes is ContentWord for a byte slice, without allocating:
// the stem it returns is a prefix of w.
func ContentWordBytes(w []byte) ([]byte, bool) {
	if len(w) < 2 || isStop(w) {
		return nil, false
	}
	return w[:stemLen(w)], true
}

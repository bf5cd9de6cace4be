package reprint

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Signs of machine rewriting (round-trip translation, spinning) that fluent
// human text rarely shows. Each is weak alone; together, as a rate per 100
// words, they tell the garbled side of a pair from the fluent one.
var garblePatterns = []*regexp.Regexp{
	regexp.MustCompile(`\w [,.;:!?](?:\s|$)`),   // space before punctuation
	regexp.MustCompile(`[a-z] -[a-z]`),          // "far -reaching"
	regexp.MustCompile(`[a-z,]  +[a-z]`),        // word dropped between spaces
	regexp.MustCompile(`\b[aA] [aeiAEI][a-z]+`), // "a approximate"
	regexp.MustCompile(`(?:^|\s)[*#@][A-Za-z]`), // translator unknown-word marks
}

// garbleScore returns garbling signs per 100 words of text, given its
// word count and the number of doubled words in it.
func garbleScore(text string, words, doubled int) float64 {
	if words == 0 {
		return 0
	}
	n := doubled
	for _, p := range garblePatterns {
		n += len(p.FindAllStringIndex(text, -1))
	}
	n += 2 * nameVariants(text)
	return float64(n) * 100 / float64(words)
}

// nameVariants counts pairs of distinct capitalized words of five or more
// letters that look like spellings of one name ("Zellinsky", "Zilinski"):
// same first letter, edit distance at most 2, neither a prefix of the other.
// Machine translation spells names inconsistently; reporters rarely do.
func nameVariants(text string) int {
	var names []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		r, _ := utf8.DecodeRuneInString(f)
		if utf8.RuneCountInString(f) >= 5 && unicode.IsUpper(r) {
			rest := f[utf8.RuneLen(r):]
			if strings.ToLower(rest) == rest {
				names = append(names, strings.ToLower(f))
			}
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	n := 0
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			a, b := names[i], names[j]
			if a[0] != b[0] {
				break
			}
			if strings.HasPrefix(b, a) || strings.HasPrefix(a, b) {
				continue
			}
			if editDistanceAtMost(a, b, 2) {
				n++
			}
		}
	}
	return n
}

// editDistanceAtMost reports whether the Levenshtein distance of a and b
// (bytes) is at most k.
func editDistanceAtMost(a, b string, k int) bool {
	if d := len(a) - len(b); d > k || -d > k {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > k {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= k
}

// creditPattern finds a credited source: "reports BBC", "according to the
// BBC", "told the BBC", "(Reuters)".
var creditPattern = regexp.MustCompile(`(?:\breports?|\breported by|\baccording to|\btold|\bsource:)\s+(?:the\s+)?([A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,})\b|\((Reuters|AFP|AP|PA|BBC)\)`)

// creditedSource returns the first outlet the text credits, or "".
func creditedSource(text string) string {
	m := creditPattern.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	if m[1] != "" {
		return m[1]
	}
	return m[2]
}

// wirePattern finds a news agency byline or dateline credit ("By Jo Bloggs,
// PA News", "LONDON (Reuters) -"). Newspapers take copy from the wires, so
// agency copy is the likelier original of a text it shares with a paper.
var wirePattern = regexp.MustCompile(`\b(PA News|Press Association|Associated Press|Agence France-Presse)\b|\((Reuters|AP|AFP|dpa|UPI)\)`)

// wireAgency returns the agency credited near the top of text, or "".
func wireAgency(text string) string {
	head := text
	if len(head) > 1500 {
		head = head[:1500]
	}
	m := wirePattern.FindStringSubmatch(head)
	if m == nil {
		return ""
	}
	if m[1] != "" {
		return m[1]
	}
	return m[2]
}

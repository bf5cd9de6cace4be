package reprint

import (
	"regexp"
	"slices"
	"strings"
)

// garbleScore returns garbling signs per 100 words of text, given its
// word count and the signs found among its words (doubled words, and one
// for each variant spelling of a name), which need a tokenizer. The signs are those of
// machine rewriting (round-trip translation, spinning) that fluent human
// text rarely shows; each is weak alone, but as a rate they tell the
// garbled side of a pair from the fluent one.
func garbleScore(text string, words, wordSigns int) float64 {
	if words == 0 {
		return 0
	}
	n := wordSigns + garbleSigns(text)
	return float64(n) * 100 / float64(words)
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// onlySpaces reports whether s is spaces and tabs only: two words on one
// line with nothing between them.
func onlySpaces(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\u00a0', '\u2009', '\u202f': // and no-break and thin spaces
		default:
			return false
		}
	}
	return true
}
func isLetter(c byte) bool   { return isLower(c) || 'A' <= c && c <= 'Z' }
func isWordByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == '_' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

var isPunct, isAEI, isMark [256]bool

func init() {
	for _, c := range ",.;:!?" {
		isPunct[c] = true
	}
	for _, c := range "aeiAEI" {
		isAEI[c] = true
	}
	for _, c := range "*#@" {
		isMark[c] = true
	}
}

// garbleSigns counts, in one pass each and without allocating:
//   - a space before punctuation: "word ," (then a space or the end);
//   - a hyphen glued to the next word only: "far -reaching";
//   - two or more spaces inside a sentence, where a word was dropped;
//   - "a" before a word starting a, e or i: "a approximate";
//   - a translator's unknown-word mark: "*word", "#word", "@word";
//   - a generation-error mark after a word: "give# up" (not "C#").
//
// Matches of one kind do not overlap (the same count as regexp FindAll).
func garbleSigns(t string) int {
	n := 0
	// Every sign but the text-initial mark involves a space at i+1 or i
	// (loop 5); scan for spaces with IndexByte and test around them.
	end1, end2, end3, end4, end5 := 0, 0, 0, 0, 0 // where each kind's last match ended
	if len(t) > 1 && isMark[t[0]] && isLetter(t[1]) {
		n++
		end5 = 2
	}
	for sp := 0; ; sp++ {
		j := strings.IndexByte(t[sp:], ' ')
		if j < 0 {
			break
		}
		sp += j // t[sp] == ' '
		if i := sp - 1; i >= end1 && i >= 0 && sp+1 < len(t) && isWordByte(t[i]) && isPunct[t[sp+1]] && (sp+2 == len(t) || isSpace(t[sp+2])) {
			n++
			end1 = sp + 3
		}
		if i := sp - 1; i >= end2 && i >= 0 && sp+2 < len(t) && isLower(t[i]) && t[sp+1] == '-' && isLower(t[sp+2]) {
			n++
			end2 = sp + 3
		}
		if i := sp - 1; i >= end3 && i >= 0 && sp+1 < len(t) && t[sp+1] == ' ' && (isLower(t[i]) || t[i] == ',') {
			k := sp + 2
			for k < len(t) && t[k] == ' ' {
				k++
			}
			if k < len(t) && isLower(t[k]) {
				n++
				end3 = k + 1
			}
		}
		if i := sp - 1; i >= end4 && i >= 0 && (t[i] == 'a' || t[i] == 'A') && (i == 0 || !isWordByte(t[i-1])) &&
			sp+2 < len(t) && isAEI[t[sp+1]] && isLower(t[sp+2]) {
			n++
			k := sp + 3
			for k < len(t) && isLower(t[k]) {
				k++
			}
			end4 = k
		}
		if sp >= end5 && sp+2 < len(t) && isMark[t[sp+1]] && isLetter(t[sp+2]) {
			n++
			end5 = sp + 3
		}
	}
	// Marks after other white space (tabs, newlines).
	for i := 0; i+2 < len(t); i++ {
		if t[i] != ' ' && isSpace(t[i]) && isMark[t[i+1]] && isLetter(t[i+2]) {
			n++
			i += 2
		}
	}
	// "#" closing a word of two or more letters.
	for i := 2; i < len(t); i++ {
		if t[i] == '#' && isLetter(t[i-1]) && isLetter(t[i-2]) && (i+1 == len(t) || !isWordByte(t[i+1])) {
			n++
		}
	}
	return n
}

// calendarWords are the capitalized month and day names of five or more
// letters.
var calendarWords = map[string]bool{"January": true, "February": true, "March": true, "April": true, "August": true,
	"September": true, "October": true, "November": true, "December": true, "Monday": true, "Tuesday": true,
	"Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true}

// maxNames bounds the distinct names nameVariants compares (quadratic in
// them); an article names far fewer.
const maxNames = 300

// isNameLike reports whether word (as written) looks like a name worth
// comparing: ASCII, five or more letters, capitalized, the rest lower case,
// and not a month or a day of the week (March beside a prosecutor Marsh is
// no misspelling).
func isNameLike(word string) bool {
	if len(word) < 5 || word[0] < 'A' || word[0] > 'Z' {
		return false
	}
	for i := 1; i < len(word); i++ {
		if !isLower(word[i]) {
			return false
		}
	}
	return !calendarWords[word]
}

// sentenceStart reports whether the word at byte start of text begins a
// sentence or a paragraph, where any word is capitalized: "These", "Total".
// A full stop after a title or an initial ("Mr.", "W.") ends no sentence.
func sentenceStart(text string, start int) bool {
	newlines := 0
	for i := start - 1; i >= 0; i-- {
		switch c := text[i]; c {
		case ' ', '\t', '\r', '"', '\'', '`', '(':
		case '\n':
			if newlines++; newlines == 2 {
				return true
			}
		case '.':
			return !abbreviation(text[:i])
		case '!', '?', ':', '<':
			return true
		case 0x98, 0x99, 0x9c, 0x9d: // the last byte of a curly quote
			if i < 2 || text[i-2] != 0xe2 || text[i-1] != 0x80 {
				return false
			}
			i -= 2
		default:
			if c < 0x20 { // control bytes (METER marks paragraphs with one)
				continue
			}
			return false
		}
	}
	return true
}

// abbreviation reports whether text ends with a title or a capital
// initial that a full stop follows: "Mr", "Dr", "St", "W".
func abbreviation(text string) bool {
	i := len(text)
	for i > 0 && isLetter(text[i-1]) {
		i--
	}
	w := text[i:]
	if i > 0 && isWordByte(text[i-1]) || w == "" {
		return false
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Rev", "Gen", "Sen", "Rep", "Gov", "Sgt", "Capt", "Col", "Lt", "Jr", "Sr":
		return true
	}
	return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z'
}

// nameVariants counts pairs of distinct names (lower-cased, see isNameLike)
// that look like spellings of one name ("zellinsky", "zilinski"): same first
// letter, neither a prefix of the other, and one letter apart, or two when
// both have seven or more (five-letter words two apart are other words:
// "cross", "crown"). Machine translation spells names inconsistently;
// reporters rarely do. names is sorted and deduplicated in place.
func nameVariants(names []string) int {
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) > maxNames {
		names = names[:maxNames]
	}
	n := 0
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			a, b := names[i], names[j]
			if a[0] != b[0] {
				break
			}
			if d := len(a) - len(b); d > 2 || d < -2 || strings.HasPrefix(b, a) || strings.HasPrefix(a, b) {
				continue
			}
			k := 1
			if len(a) >= 7 && len(b) >= 7 {
				k = 2
			}
			if editDistanceAtMost(a, b, k) {
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

// creditPhrases introduce a credited source: "reports BBC", "according to
// the BBC", "told the BBC", "source: AFP".
var creditPhrases = []string{"reports ", "report ", "reported by ", "according to ", "told ", "source: "}

// creditedSource returns the first outlet the text credits, or "": a word
// with two or more capitals ("BBC", "McClatchy") after a credit phrase
// (and an optional "the"), or an agency in parentheses: "(Reuters)". It
// walks the text once, testing the phrases only where a word starts with
// their first letter; searching for each phrase in turn (or a regular
// expression) made this one of the slowest steps of reading a document.
func creditedSource(text string) string {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '(' {
			for _, ag := range [...]string{"(Reuters)", "(AFP)", "(AP)", "(PA)", "(BBC)"} {
				if strings.HasPrefix(text[i:], ag) {
					return ag[1 : len(ag)-1]
				}
			}
			continue
		}
		if c != 'r' && c != 'a' && c != 't' && c != 's' || (i > 0 && isWordByte(text[i-1])) {
			continue
		}
		for _, ph := range creditPhrases {
			if ph[0] != c || !strings.HasPrefix(text[i:], ph) {
				continue
			}
			rest := strings.TrimLeft(text[i+len(ph):], " \t\n")
			rest = strings.TrimPrefix(rest, "the ")
			if w := capitalizedName(rest); w != "" {
				return strings.Clone(w) // not a slice keeping the text
			}
		}
	}
	return ""
}

// capitalizedName returns the ASCII word at the start of s if it begins
// with a capital and holds at least two.
func capitalizedName(s string) string {
	j := 0
	caps := 0
	for j < len(s) && isLetter(s[j]) {
		if s[j] <= 'Z' {
			caps++
		}
		j++
	}
	if j == 0 || s[0] > 'Z' || caps < 2 || (j < len(s) && isWordByte(s[j])) {
		return ""
	}
	return s[:j]
}

// wireCredits are news agency bylines and datelines ("By Jo Bloggs, PA
// News", "LONDON (Reuters) -"). Newspapers take copy from the wires, so
// agency copy is the likelier original of a text it shares with a paper.
var wireCredits = []string{"PA News", "Press Association", "Associated Press", "Agence France-Presse",
	"(Reuters)", "(AP)", "(AFP)", "(dpa)", "(UPI)"}

// wireBanner matches the transmission banner a wire service's copy opens
// with: time, date and page of the take ("12:21 28/09/99: Page 1 (HHH)
// COURTS Pinochet"), which a later take or a substitute carries where it
// has no byline.
var wireBanner = regexp.MustCompile(`(?m)^[ \t]*\d{1,2}:\d{2} \d{1,2}/\d{1,2}/\d{2,4}: Page \d+\b`)

// wireAgency returns the agency credited in the first 1500 bytes of text,
// or "": the earliest credit found, standing as whole words; or "wire
// banner" for a text under a wire service's banner with no credit.
func wireAgency(text string) string {
	if name := wireCredit(text); name != "" {
		return name
	}
	if head := text[:min(len(text), 600)]; strings.Contains(head, ": Page ") && wireBanner.MatchString(head) {
		return "wire banner"
	}
	return ""
}

// wireCredit returns the agency credited in the first 1500 bytes of text,
// or "": the earliest credit found, standing as whole words.
func wireCredit(text string) string {
	head := text[:min(len(text), 1500)]
	best, name := len(head), ""
	for _, c := range wireCredits {
		for off := 0; off < best; {
			i := strings.Index(head[off:], c)
			if i < 0 {
				break
			}
			at, end := off+i, off+i+len(c)
			off = at + 1
			if at >= best || (at > 0 && isWordByte(head[at-1])) || (end < len(head) && isWordByte(head[end])) {
				continue
			}
			best, name = at, strings.Trim(c, "()")
			break
		}
	}
	return name
}

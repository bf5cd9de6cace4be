package gen

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/reprint-dev/reprint/shingle"
)

// functionWordList holds real English function words, reporting verbs and
// other closed-class or very common words, roughly most frequent first: the
// glue that makes synthetic content words read like prose. Order matters:
// it is the Zipf rank, and rewrites swap words with near neighbours.
const functionWordList = `
the of and to a in that is for on said was with he it as at by from his
be have has are but an they not this who were had which will their been
would its more after also one new two about she her up we there all when
than could out over into last year first other some people so can no if
them what time just years our only like most him against before because
while during since may three where then us between now any these those both
under how through back still such many down off very much per four even
next another same each should must being five well however according told
says here around until make made get got including among without within
along across again whether although though yet nor either neither every
few own due upon toward behind beyond above below near despite via amid
whose whom why you your my me himself herself itself themselves ourselves
something nothing anything everything someone anyone everyone several less
least further rather quite almost already always never often sometimes soon
later earlier ago far enough too did do does done having am shall might
six seven eight nine ten hundred thousand second third week weeks month
months day days today yesterday tomorrow said added say go going come take
give see know want think look use find put set keep let show call ask help
way part place case end number group point fact hand high long little old
great small large big early late good best better full major whole known
such able likely possible clear certain recent former public local national
told asked called expected reported according given taken seen come came went
across following ahead onto inside outside beside besides unless whereas
once twice both thus therefore meanwhile instead also too either else ever
perhaps maybe really simply just only indeed still yet even already again
against amongst throughout underneath alongside versus plus minus cannot
should would could might must may will shall can need ought dare used
`

// functionWords is functionWordList without repeats, in first-seen order.
var functionWords = func() []string {
	seen := map[string]bool{}
	var ws []string
	for _, w := range strings.Fields(functionWordList) {
		if !seen[w] {
			seen[w] = true
			ws = append(ws, w)
		}
	}
	return ws
}()

// footer is the boilerplate that some sites append to every article: 40
// words shared verbatim by unrelated documents.
const footer = "Share this article with your friends and family. We use cookies to give you the best " +
	"experience on our website and to show you relevant advertising. By continuing to browse the " +
	"site you agree to our cookie and privacy policy."

// vocabSize is the number of synthetic content word forms.
const vocabSize = 50000

// Syllable parts of the synthetic words: pronounceable, lower case ASCII.
var (
	onsets = []string{"", "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s",
		"t", "v", "w", "z", "br", "cr", "dr", "fr", "gr", "pr", "tr", "bl", "cl", "fl", "gl", "pl",
		"sl", "st", "sp", "sh", "ch", "th", "sk", "sm", "sn", "str", "wh", "qu"}
	nuclei = []string{"a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ee", "oo", "ou",
		"ie", "oa", "y"}
	codas = []string{"", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ng", "rk", "ck",
		"x", "sh", "th", "rt", "lt", "nt"}
	suffixes = []string{"tion", "ment", "er", "al", "ity", "ist", "ous", "ive", "ia", "on", "ard",
		"ley", "ton", "ford", "wick", "ism", "ance", "ure", "ette", "ics"}
)

// lexicon is every word the generator writes: function words first (ids
// [0, nFunc)), then the synthetic vocabulary, most frequent first.
type lexicon struct {
	words []string
	nFunc int
	dets  []int32 // ids of the determiners, most frequent first
	isDet []bool  // by function word id
	a, an int32   // ids of "a" and "an", which render by the next word
}

// determiners precede nouns; they are all function words.
var determiners = strings.Fields("the a its their his this an her our that these those some any each every no")

func (l *lexicon) isFunc(id int32) bool { return id >= 0 && int(id) < l.nFunc }

// synonym is the fixed synonym map of the vocabulary: words pair up with
// their rank neighbour, so a synonym is about as frequent as the word.
func (l *lexicon) synonym(id int32) int32 {
	return int32(l.nFunc) + (id - int32(l.nFunc)) ^ 1
}

// theLexicon builds the lexicon once. It does not depend on the seed: the
// same word forms appear in every corpus.
var theLexicon = sync.OnceValue(func() *lexicon {
	l := &lexicon{nFunc: len(functionWords)}
	taken := make(map[string]bool, len(functionWords)+vocabSize)
	for i, w := range functionWords {
		taken[w] = true
		switch w {
		case "a":
			l.a = int32(i)
		case "an":
			l.an = int32(i)
		}
		l.isDet = append(l.isDet, slices.Contains(determiners, w))
		if l.isDet[i] {
			l.dets = append(l.dets, int32(i))
		}
	}
	type word struct {
		s   string
		key int
	}
	r := newRNG(1, 0, streamLexicon)
	vocab := make([]word, 0, vocabSize)
	var b []byte
	for len(vocab) < vocabSize {
		b = b[:0]
		// Mostly one syllable, at most 8 letters, short words frequent: the
		// corpus then has English's bytes per word (about 5.9 with the
		// space), the reference benchmark's 264 MB for 100,000 articles
		// of about 450 words.
		syl := 1
		switch u := r.float(); {
		case u < 0.3:
			syl = 2
		case u < 0.33:
			syl = 3
		}
		for range syl {
			b = append(b, onsets[r.intn(len(onsets))]...)
			b = append(b, nuclei[r.intn(len(nuclei))]...)
			b = append(b, codas[r.intn(len(codas))]...)
		}
		if r.chance(0.2) {
			b = append(b, suffixes[r.intn(len(suffixes))]...)
		}
		w := string(b)
		if len(w) < 3 || len(w) > 8 || taken[w] || shingle.IsStopWord(w) {
			continue
		}
		taken[w] = true
		// Short words are frequent (Zipf's law of abbreviation), loosely.
		vocab = append(vocab, word{w, 2*len(w) + r.intn(3)})
	}
	slices.SortStableFunc(vocab, func(a, b word) int { return cmp.Compare(a.key, b.key) })
	l.words = append(l.words, functionWords...)
	for _, w := range vocab {
		l.words = append(l.words, w.s)
	}
	return l
})

package shingle

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newsText is a ~3 KB news-like article for benchmarks, with curly
// apostrophes, digits and a few non-ASCII letters like real input.
var newsText = strings.Repeat(`KYIV, March 14 (Newswire) — Ukraine’s parliament on Thursday approved a
2.5 billion hryvnia package to rebuild power stations damaged in overnight drone
attacks, officials said, as engineers worked to restore electricity to more than
400,000 homes in the east of the country. President Volodymyr Zelenskyy’s office
said the money would be released within days and that it's the third such package
this year. "We will not let the cold become a weapon," the head of the energy
committee told reporters in Kyiv after the vote, which passed with 276 votes in
favour. Grid operator Ukrenergo said repairs at two substations near Kharkiv were
expected to take at least a week. In Dnipro, the regional governor said schools
would switch to remote lessons until Monday. Analysts at the Kyiv School of
Economics estimate that damage to the energy sector since 2022 exceeds $10 billion.
Café owners in Lviv, where outages were shorter, said they had bought generators.
`, 3)

func BenchmarkTokenize(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(newsText)))
	var toks []Token
	for b.Loop() {
		toks = Tokenize(toks[:0], newsText)
	}
}

func BenchmarkShingles(b *testing.B) {
	toks := Tokenize(nil, newsText)
	words := make([]uint64, len(toks))
	for i, t := range toks {
		words[i] = HashWord(t.Text)
	}
	b.ReportAllocs()
	b.SetBytes(int64(8 * len(words)))
	var dst []uint64
	for b.Loop() {
		dst = AppendShingles(dst[:0], words, 5)
	}
}

// BenchmarkTextToSet is the whole per-document path: tokenize, hash,
// shingle and sort into a Set.
func BenchmarkTextToSet(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(newsText)))
	for b.Loop() {
		toks := Tokenize(nil, newsText)
		words := make([]uint64, len(toks))
		for i, t := range toks {
			words[i] = HashWord(t.Text)
		}
		_ = NewSet(AppendShingles(nil, words, 5))
	}
}

func randomSet(r *rand.Rand, n int) Set {
	h := make([]uint64, n)
	for i := range h {
		h[i] = r.Uint64() % uint64(3*n) // dense enough to overlap
	}
	return NewSet(h)
}

func BenchmarkJaccard(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	x, y := randomSet(r, 1000), randomSet(r, 1000)
	b.ReportAllocs()
	b.SetBytes(int64(8 * (len(x) + len(y))))
	for b.Loop() {
		_ = Jaccard(x, y)
	}
}

// cyrillicText exercises the non-ASCII slow path of Words.
var cyrillicText = strings.Repeat(`КИЕВ, 14 марта — Верховная Рада в четверг одобрила пакет в 2,5 млрд гривен
на восстановление электростанций, повреждённых ночными атаками дронов, сообщили
чиновники. «Мы не позволим холоду стать оружием», — заявил глава комитета.
`, 6)

// benchTexts are the texts the tokenizer benchmarks run over: the built-in
// article, a Cyrillic one, and the seed articles when they are present
// (they are local data, never required).
func benchTexts(b *testing.B) []struct{ name, text string } {
	texts := []struct{ name, text string }{{"news", newsText}, {"cyrillic", cyrillicText}}
	if files, _ := filepath.Glob("/work/shared/seeds/*.txt"); len(files) > 0 {
		var sb strings.Builder
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
		}
		texts = append(texts, struct{ name, text string }{"seeds", sb.String()})
	}
	return texts
}

func BenchmarkWords(b *testing.B) {
	for _, tt := range benchTexts(b) {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.text)))
			n := 0
			for b.Loop() {
				Words(tt.text, func(w []byte, _, _ int) { n += len(w) })
			}
		})
	}
}

func BenchmarkContentWordBytes(b *testing.B) {
	for _, tt := range benchTexts(b) {
		b.Run(tt.name, func(b *testing.B) {
			var ws [][]byte
			for _, tok := range Tokenize(nil, tt.text) {
				ws = append(ws, []byte(tok.Text))
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.text)))
			n := 0
			for b.Loop() {
				for _, w := range ws {
					if c, ok := ContentWordBytes(w); ok {
						n += len(c)
					}
				}
			}
		})
	}
}

// BenchmarkPrepareWords is the per-word work of reprint's prepare: hash
// every word, and the stem of every content word.
func BenchmarkPrepareWords(b *testing.B) {
	for _, tt := range benchTexts(b) {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.text)))
			var hs, cs []uint64
			for b.Loop() {
				hs, cs = hs[:0], cs[:0]
				Words(tt.text, func(w []byte, _, _ int) {
					hs = append(hs, HashBytes(w))
					if c, ok := ContentWordBytes(w); ok {
						cs = append(cs, HashBytes(c))
					}
				})
			}
		})
	}
}

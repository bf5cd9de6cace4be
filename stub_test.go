package reprint_test

import (
	"slices"
	"testing"

	"github.com/reprint-dev/reprint"
)

// Pages of a scraped archive that hold no article, only a stub ("Subscribe
// to continue reading this article.") or a line of figures, are not copies
// of each other: the README says a derived pair needs at least 12 aligned
// content words other than numbers, and every pair comes with its
// matching passages as evidence. Found in review: 300 such stubs in a
// corpus of 5,000 generated articles make one family of 300 "copy" pairs,
// score 1, each with no passage at all; two texts of one word ("the")
// are a copy too, and so are "1234 5678" and itself.
func TestStubsAreNotCopies(t *testing.T) {
	for _, text := range []string{
		"Subscribe to continue reading this article.",
		"the",
		"1234 5678",
		"订阅以继续阅读本文全部内容。", // a Chinese stub, a character to a word
	} {
		t.Run(text, func(t *testing.T) {
			docs := []reprint.Document{{ID: "a", Text: text}, {ID: "b", Text: text}}
			res := run(t, reprint.Options{}, docs)
			for _, p := range res.Pairs {
				t.Errorf("got %s pair, score %.2f, %d passages; want none for a text of so few words", p.Relation, p.Score, len(p.Passages))
			}
		})
	}
}

// A Chinese article copied whole is still a copy: the stub rule counts
// characters three to a word.
func TestChineseCopyNotStub(t *testing.T) {
	text := "国务院新闻办公室今天上午举行新闻发布会，介绍今年前三季度国民经济运行情况。国家统计局新闻发言人表示，前三季度国内生产总值同比增长百分之五。"
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: text}, {ID: "b", Text: text}})
	if len(res.Pairs) != 1 || res.Pairs[0].Relation != reprint.Copy {
		t.Errorf("got %d pairs, want one copy of a %d-character article", len(res.Pairs), len([]rune(text)))
	}
}

// A document of no words (punctuation or emoji only) is in the report,
// and a warning says it can match nothing.
func TestNoWordsWarning(t *testing.T) {
	text := "The council approved the new bridge after a long debate on Tuesday night, and work on it starts in the spring."
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: text}, {ID: "b", Text: "!!! ??? 🙂"}})
	if len(res.Documents) != 2 {
		t.Fatalf("got %d documents, want 2", len(res.Documents))
	}
	want := `1 document holds no words, only punctuation, symbols or emoji ("b"): it can match nothing`
	if !slices.Contains(res.Warnings, want) {
		t.Errorf("got warnings %q, want %q", res.Warnings, want)
	}
}

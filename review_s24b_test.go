package reprint_test

import (
	"testing"
	"time"

	"github.com/reprint-dev/reprint"
)

// Found in review (s24b): a derived pair in Chinese or Japanese needs 36
// aligned characters (minWords: ideoScale times MinMatched), but the
// joined-sources rule still counts 12 (linkOf and joinSources use
// MinMatched unscaled). A 26-character text made of 13 characters of
// each of two earlier articles, joined by nothing more, is reported a
// rewrite of both ("with B, also earlier, it makes up 100% of C"): the
// twelve-character stub the change meant to rule out, twice over.
func TestChineseJoinedSourcesNeedIdeoScale(t *testing.T) {
	a := "国务院新闻办公室今天上午举行新闻发布会，介绍今年前三季度国民经济运行情况。国家统计局新闻发言人表示，前三季度国内生产总值同比增长百分之五。"
	b := "气象台今天发布寒潮蓝色预警，预计未来三天北方大部地区气温将下降八到十度，并伴有大风天气，请公众注意防寒保暖，出行注意交通安全。"
	ra, rb := []rune(a), []rune(b)
	c := string(ra[:13]) + "。" + string(rb[:13]) + "。"
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	res := run(t, reprint.Options{}, []reprint.Document{
		{ID: "a", Text: a, Published: day},
		{ID: "b", Text: b, Published: day},
		{ID: "c", Text: c, Published: day.AddDate(0, 0, 2)},
	})
	for _, p := range res.Pairs {
		if p.Relation.Derived() {
			t.Errorf("%s-%s: %s, score %.2f (%s); c holds 13 characters of each", res.Documents[p.A].ID, res.Documents[p.B].ID, p.Relation, p.Score, p.Reason)
		}
	}
}

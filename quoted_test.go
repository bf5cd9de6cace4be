package reprint_test

import (
	"strings"
	"testing"

	"github.com/reprint-dev/reprint"
)

// siteFooterText is an ordinary site footer of some eighty words: share
// links, newsletter, cookie notice, copyright, contact line.
const siteFooterText = "\n\nShare this article on Facebook, Twitter or by email. Sign up for our daily newsletter to get the top stories delivered to your inbox every morning. We use cookies to improve your experience on our site; by continuing to browse you agree to our use of cookies and to our privacy policy, which explains how we collect and use your data. Copyright 2026 Example Media Group. All rights reserved. Contact the newsroom with a story tip, or write to the readers' editor about a correction."

// TestQuotedFooterOnly checks that unrelated articles of one site are not
// derived from each other for their footer alone. In a scan of five or
// fewer documents (or a footer held by no more than --max-doc-freq of the
// corpus) nothing is boilerplate, and the footer's 55+ literal shingles
// made every pair an excerpt under minQuoted; before it, no pair.
func TestQuotedFooterOnly(t *testing.T) {
	var docs []reprint.Document
	for i := range 3 {
		docs = append(docs, reprint.Document{ID: string(rune('a' + i)), Text: strings.Join(madeUpText(uint64(10+i), 40), " ") + siteFooterText})
	}
	res := run(t, reprint.Options{}, docs)
	for _, p := range res.Pairs {
		t.Errorf("got %s-%s %s (score %.3f), want no pair: they share only the site's footer", res.Documents[p.A].ID, res.Documents[p.B].ID, p.Relation, p.Score)
	}
}

// TestQuotedScatteredPhrases checks that minQuoted is "a long passage
// word for word", as the README says, not a total: two articles that each
// quote the same four separate 20-word remarks (a judge's, a witness's),
// in another order amid their own text, share 64 shingles but no passage
// of sixty words. meter-courts has such pairs: saboteur544_telegraph and
// saboteur539_mail (labelled non_derived), marco463_mirror and
// marco498_guardian (non_derived), passages of 10 to 27 words.
func TestQuotedScatteredPhrases(t *testing.T) {
	q := madeUpText(5, 8)
	quote := func(i int) string { return strings.Join(q[2*i:2*i+2], " ") } // 20 words
	a, b := madeUpText(1, 40), madeUpText(2, 40)
	ta := strings.Join(a[:10], " ") + "\n\n" + quote(0) + "\n\n" + strings.Join(a[10:20], " ") + "\n\n" + quote(1) + "\n\n" +
		strings.Join(a[20:30], " ") + "\n\n" + quote(2) + "\n\n" + strings.Join(a[30:], " ") + "\n\n" + quote(3)
	tb := quote(3) + "\n\n" + strings.Join(b[:10], " ") + "\n\n" + quote(1) + "\n\n" + strings.Join(b[10:20], " ") + "\n\n" +
		quote(0) + "\n\n" + strings.Join(b[20:30], " ") + "\n\n" + quote(2) + "\n\n" + strings.Join(b[30:], " ")
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "a", Text: ta}, {ID: "b", Text: tb}})
	for _, p := range res.Pairs {
		t.Errorf("got %s (score %.3f, %d passages), want no pair: four 20-word quotes are not a sixty-word passage", p.Relation, p.Score, len(p.Passages))
	}
}

// TestQuotedChineseStatement checks that one sentence in common does not
// derive two Chinese articles on different matters. With one character to
// a word (tokenize.go), minQuoted's 55 shingles are 59 characters: a
// single quoted statement of a ministry's spokesman, which every report of
// the day carries, made a story on Finland and Ukraine an excerpt of one
// on consumer prices.
func TestQuotedChineseStatement(t *testing.T) {
	stmt := "外交部发言人在例行记者会上表示：“中方一贯主张通过对话协商和平解决争端，反对任何单方面改变现状的行为，呼吁有关各方保持冷静克制，共同维护地区和平稳定。”"
	a := "芬兰总统斯图布周二在赫尔辛基表示，芬兰将继续支持乌克兰，直到实现公正和持久的和平。他在与乌克兰总统泽连斯基举行会谈后对记者说，欧洲必须在安全问题上承担更多责任。斯图布说，芬兰已经向乌克兰提供了二十多批军事援助，总价值超过二十亿欧元。泽连斯基感谢芬兰人民的支持，并表示乌克兰需要更多的防空系统来保护城市和能源设施。双方还讨论了能源合作、难民安置以及战后重建等议题。芬兰议会本月早些时候批准了新的国防预算，增加了对边境地区的投入。" + stmt + "分析人士指出，北欧国家在欧洲安全架构中的作用正在上升。"
	c := "中国国家统计局周三公布的数据显示，十一月份全国居民消费价格同比上涨百分之零点二，涨幅比上月有所回落。其中，食品价格下降百分之一点五，非食品价格上涨百分之零点六。分析人士认为，国内需求仍然偏弱，政府可能在明年推出更多刺激措施，以稳定经济增长和就业。工业生产者出厂价格同比下降百分之二点二，降幅有所收窄。" + stmt + "另据海关总署数据，前十一个月进出口总值同比增长百分之三点六，其中出口增长较快，机电产品占比继续提高，对东盟贸易保持增长势头。"
	res := run(t, reprint.Options{}, []reprint.Document{{ID: "finland", Text: a}, {ID: "prices", Text: c}})
	for _, p := range res.Pairs {
		t.Errorf("got %s (score %.3f), want no pair: the articles share one quoted sentence", p.Relation, p.Score)
	}
}

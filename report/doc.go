// Package report writes a *reprint.Result for people (Text) and for
// programs (JSON, JSONL, CSV).
//
// # JSON
//
// JSON output is one object, indented, with exactly these keys in this
// order (the shape is a stable contract; JSONReport decodes it):
//
//	{"documents":[{"id":"...","source":"path[:line]","words":N}],
//	 "pairs":[{"a":"id","b":"id","relation":"...","original":"id","reason":"...",
//	           "score":S,"jaccard":J,"containment_ab":X,"containment_ba":Y,
//	           "passages":[{"a_start":N,"a_end":N,"b_start":N,"b_end":N,"text":"..."}]}],
//	 "clusters":[{"members":["id",...],"original":"id","reason":"..."}],
//	 "params":{...reprint.Params...},
//	 "summary":{"documents":N,"skipped":N,"failed":N,"pairs":N,"clusters":N},
//	 "errors":[{"source":"file:line","error":"..."}],
//	 "warnings":["..."]}
//
// Documents are referred to by ID. Pair and cluster scores are rounded to
// 4 decimals; params are written as is. Passage offsets are half-open byte
// ranges into each document's text and "text" is the A side's text.
// Arrays are never null: an empty list is written as [].
//
// # JSONL
//
// JSONL output has one compact object per line: a {"type":"pair",...} line
// per pair and a {"type":"cluster",...} line per cluster, with the same
// fields as in JSON, then one final line
//
//	{"type":"summary","summary":{...},"params":{...},"errors":[...],"warnings":[...]}
//
// so that a consumer can stream pairs and still learn about input problems.
//
// # CSV
//
// CSV output has a header and one row per pair:
//
//	a,b,relation,original,score,jaccard,containment_ab,containment_ba,passages,evidence
//
// where passages is the number of matching passages and evidence is the
// first passage's text, whitespace collapsed and cut to 200 characters.
//
// # Text
//
// Text output is a plain report for an editor: clusters of derived
// articles with their original, the derived pairs with evidence excerpts,
// same-story pairs listed apart as not derivation, input problems, and the
// effective parameters.
package report

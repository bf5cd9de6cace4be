// Package report writes a *reprint.Result for people (Text, HTML) and for
// programs (JSON, JSONL, CSV).
//
// # JSON
//
// JSON output is one object, indented, with exactly these keys in this
// order (the shape is a stable contract; JSONReport decodes it):
//
//	{"documents":[{"id":"...","source":"path[:line]","words":N,"url":"...","outlet":"...","published":"..."}],
//	 "pairs":[{"a":"id","b":"id","relation":"...","original":"id","reason":"...","original_by":"...",
//	           "score":S,"jaccard":J,"containment_ab":X,"containment_ba":Y,
//	           "passages":[{"a_start":N,"a_end":N,"b_start":N,"b_end":N,"text":"..."}]}],
//	 "clusters":[{"members":["id",...],"original":"id","reason":"...","original_by":"...","parents":{"id":"id",...}}],
//	 "params":{...reprint.Params...},
//	 "summary":{"documents":N,"skipped":N,"failed":N,"pairs":N,"clusters":N},
//	 "errors":[{"source":"file:line","error":"..."}],
//	 "warnings":["..."]}
//
// Documents are referred to by ID; "url", "outlet" and "published" (RFC
// 3339, UTC) are what the input said of one, left out when it said
// nothing. The summary's documents counts the
// articles read (a check's queries, not the indexed articles listed with
// them), so that with skipped and failed it accounts for every input.
// Pair and cluster scores are rounded to
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
//
// # HTML
//
// HTML output is one self-contained page (inline CSS and a few lines of
// script; nothing is loaded from the network): an overview with the
// counts, clusters with their original and reason, and a table of pairs
// with relation, score and a bar for each containment direction; then a
// section per pair that holds, in a collapsed <details> element, the two
// texts side by side. Matching passages are numbered and highlighted in
// the same colour on both sides, and each one's number links to its
// partner (IDs "p<pair>-<passage>-a" and "-b", numbers as in the JSON
// order, from 1). In machine rewrites the words that differ inside a
// passage are marked <del> on A and <ins> on B, titled with the other
// side's words.
//
// A Result does not hold the texts, so they are passed in Options.Texts;
// without them each pair lists its passages' own text. Offsets that are out
// of range, overlap an earlier passage or split a character are clamped or
// the passage is listed apart; they never fail the report. Only the first
// Options.MaxHTMLPairs pairs carry passages, so that a report of many
// thousand pairs stays usable; every pair keeps its row and section.
package report

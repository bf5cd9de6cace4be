// Package reprint finds copies and rewrites among news articles.
//
// Given a set of documents it reports which are copies, edited copies,
// excerpts, human rewrites or garbled machine rewrites of which, with
// similarity scores, the passages that match, and the likely original.
//
// The pipeline:
//
//	tokenize → word shingles (two channels) → MinHash signatures → LSH
//	band keys (bands/rows from the threshold) → candidate pairs → each
//	pair's texts read again → exact verification (Jaccard, containment
//	both ways) → passage alignment (byte spans) → relation classification
//	→ sources joined (a text made up of several earlier ones) →
//	derivation families → original attribution
//
// Detector.Run does it all for documents in memory. A Scan (NewScan) does
// it for a corpus too large to hold: Prepare keeps only each document's
// sketch (about 1 KB) as documents stream in, and Run reads again, through
// a caller's function, the texts of documents that have a candidate.
//
// The literal channel hashes word 5-shingles of normalized tokens and finds
// verbatim and edited copies. The rewrite channel hashes shingles of content
// words (stop words dropped, crudely stemmed) so that paraphrase and machine
// rewriting, which change function words and word order locally, still
// leave a candidate signal; alignment then confirms it.
//
// Algorithms live in leaf packages (shingle, minhash, lsh, align, cluster)
// that do no I/O; input and report are adapters; cmd/reprint wires them.
package reprint

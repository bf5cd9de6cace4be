package reprint

import (
	"errors"
	"fmt"
	"runtime"
)

// Options configure a Detector. The zero value of every field means "use the
// default" documented beside it; DefaultOptions returns them filled in.
type Options struct {
	// K is the literal channel's shingle length in words. 0 → 5.
	K int
	// RewriteK is the rewrite channel's shingle length in content words.
	// 0 → 2. Negative disables the rewrite channel.
	RewriteK int
	// NumHash is the MinHash signature length. 0 → 128.
	NumHash int
	// Sketch names the signature scheme: "oph" (one-permutation hashing
	// with densification: one hash per shingle, the default) or "minwise"
	// (go-minhash's NumHash hashes per shingle, the engine of record).
	// Both estimate Jaccard similarity; only candidate search uses them.
	Sketch string
	// Seed seeds the MinHash hash functions. 0 → a fixed default.
	Seed uint64
	// Threshold is the literal-channel Jaccard the LSH is tuned for. 0 → 0.5.
	Threshold float64
	// RewriteThreshold is the rewrite-channel Jaccard its LSH is tuned for.
	// 0 → 0.1.
	RewriteThreshold float64
	// MinScore is the least derivation score (share of the shorter text's
	// content words inside aligned passages) for a derived relation.
	// 0 → 0.35.
	MinScore float64
	// MaxBucket caps the documents that one LSH bucket may pair up whole.
	// A larger literal-channel bucket is split by further bands (copies
	// of one text, agreeing on all, are paired each with the next); a
	// larger rewrite-channel bucket is skipped. 0 → 200.
	MaxBucket int
	// RewriteRows fixes the rewrite channel's LSH rows per band (bands =
	// NumHash/RewriteRows). 0 → Run derives them from RewriteThreshold and,
	// on large corpora, grows them to fit CandidateBudget and spends what
	// is left on bands of one row fewer (rewriteShape); Keys (for an
	// index, which must fix them up front) uses the threshold's.
	RewriteRows int
	// CandidateBudget bounds the rewrite channel's expected candidate pairs
	// per document; on large corpora its LSH shape is chosen to fit (any
	// corpus may have 300,000). 0 → 1.
	CandidateBudget int
	// MaxDocFreq discounts shingles found in more than this share of the
	// documents (boilerplate) when verifying. 0 → 0.05 (min 5 documents).
	MaxDocFreq float64
	// MinPassage is the least passage length in words reported as
	// evidence, on the side where it is longer (a condensed or rewritten
	// side may be shorter); a derived pair with none that long shows its
	// runs of 3 words or more. 0 → 8.
	MinPassage int
	// SameStory reports pairs that share the story but not the wording.
	// Off by default: false means not reported.
	SameStory bool
	// Workers is the number of goroutines for per-document work.
	// 0 → GOMAXPROCS. The result does not depend on it.
	Workers int
	// Progress receives progress reports; nil means silent.
	Progress Progress `json:"-"`
}

// Progress receives progress from a long run. Implementations must be safe
// for concurrent use.
type Progress interface {
	// Stage starts a named stage of total steps (total < 0: unknown).
	Stage(name string, total int)
	// Add reports n more steps done.
	Add(n int)
}

// DefaultOptions returns the options with every default filled in.
func DefaultOptions() Options {
	var o Options
	return o.withDefaults()
}

// Signature schemes for Options.Sketch.
const (
	SketchOPH     = "oph"
	SketchMinWise = "minwise"
)

// DefaultSeed is the MinHash seed used when Options.Seed is 0.
const DefaultSeed uint64 = 0x7265_7072_696e_7421 // "reprint!"

func (o Options) withDefaults() Options {
	if o.K == 0 {
		o.K = 5
	}
	if o.RewriteK == 0 {
		o.RewriteK = 2
	}
	if o.NumHash == 0 {
		o.NumHash = 128
	}
	if o.Sketch == "" {
		o.Sketch = SketchOPH
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.Threshold == 0 {
		o.Threshold = 0.5
	}
	if o.RewriteThreshold == 0 {
		o.RewriteThreshold = 0.1
	}
	if o.MinScore == 0 {
		o.MinScore = 0.35
	}
	if o.MaxBucket == 0 {
		o.MaxBucket = 200
	}
	if o.CandidateBudget == 0 {
		o.CandidateBudget = 1
	}
	if o.MaxDocFreq == 0 {
		o.MaxDocFreq = 0.05
	}
	if o.MinPassage == 0 {
		o.MinPassage = 8
	}
	if o.Workers == 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Validate reports the first invalid setting, naming it.
func (o Options) Validate() error {
	o = o.withDefaults()
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	check(o.K >= 1 && o.K <= 16, "k must be in 1..16, got %d", o.K)
	check(o.RewriteK <= 16, "rewrite-k must be at most 16, got %d", o.RewriteK)
	check(o.NumHash >= 8 && o.NumHash <= 1024, "num-hash must be in 8..1024, got %d", o.NumHash)
	check(o.Sketch == SketchOPH || o.Sketch == SketchMinWise, "sketch must be %q or %q, got %q", SketchOPH, SketchMinWise, o.Sketch)
	check(o.Threshold > 0 && o.Threshold <= 1, "threshold must be in (0,1], got %g", o.Threshold)
	check(o.RewriteThreshold > 0 && o.RewriteThreshold <= 1, "rewrite-threshold must be in (0,1], got %g", o.RewriteThreshold)
	check(o.MinScore > 0 && o.MinScore <= 1, "min-score must be in (0,1], got %g", o.MinScore)
	check(o.RewriteRows >= 0 && (o.RewriteRows <= o.NumHash || o.NumHash < 8), "rewrite-rows must be in 0..num-hash, got %d", o.RewriteRows)
	check(o.CandidateBudget >= 1, "candidate-budget must be at least 1, got %d", o.CandidateBudget)
	check(o.MaxBucket >= 2, "max-bucket must be at least 2, got %d", o.MaxBucket)
	check(o.MaxDocFreq > 0 && o.MaxDocFreq <= 1, "max-doc-freq must be in (0,1], got %g", o.MaxDocFreq)
	check(o.MinPassage >= 1, "min-passage must be at least 1, got %d", o.MinPassage)
	check(o.Workers >= 1, "workers must be at least 1, got %d", o.Workers)
	return errors.Join(errs...)
}

// Params are the effective parameters of a run, echoed in every report.
// They never include the worker count, so output does not depend on it.
type Params struct {
	K                int     `json:"k"`
	RewriteK         int     `json:"rewrite_k"`
	NumHash          int     `json:"num_hash"`
	Sketch           string  `json:"sketch"`
	Seed             uint64  `json:"seed"`
	Threshold        float64 `json:"threshold"`
	Bands            int     `json:"bands"`
	Rows             int     `json:"rows"`
	RewriteThreshold float64 `json:"rewrite_threshold"`
	RewriteBands     int     `json:"rewrite_bands"`
	RewriteRows      int     `json:"rewrite_rows"`
	// RewriteExtraBands is the number of bands of RewriteRows-1 rows a
	// large corpus's scan adds to the rewrite channel to spend its
	// candidate budget (see CandidateBudget); 0 on smaller corpora and in
	// an index.
	RewriteExtraBands int     `json:"rewrite_extra_bands"`
	MinScore          float64 `json:"min_score"`
	CandidateBudget   int     `json:"candidate_budget"`
	MaxBucket         int     `json:"max_bucket"`
	MaxDocFreq        float64 `json:"max_doc_freq"`
	MinPassage        int     `json:"min_passage"`
	SameStory         bool    `json:"same_story"`
	// CappedBuckets counts LSH buckets over MaxBucket: split (literal channel) or skipped.
	CappedBuckets int `json:"capped_buckets"`
	// Candidates counts the candidate pairs LSH proposed (in a check,
	// the pairs each query resolved, summed over the queries).
	Candidates int `json:"candidates"`
}

package eval

import (
	"slices"

	"github.com/reprint-dev/reprint"
)

// ClusterLink is the RelationCounts key for a rewrite linked to a source
// only through cluster membership.
const ClusterLink = "cluster"

// ClassMetrics are the figures for one class of a binary decision.
type ClassMetrics struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"` // labelled documents truly in the class
}

// Report is the outcome of scoring a Result against labels.
type Report struct {
	// Derivation (METER-style) figures; present when labels include
	// wholly_derived, partially_derived or non_derived.
	Derivation *DerivationMetrics `json:"derivation,omitempty"`
	// Rewrite figures; present when labels include machine_rewrite.
	Rewrites *RewriteMetrics `json:"rewrites,omitempty"`
	// Missing lists, sorted, the labelled docs absent from the result. They
	// are scored as predicted not derived.
	Missing []string `json:"missing,omitempty"`
}

// DerivationMetrics score the derived / not derived decision. The positive
// class is wholly_derived + partially_derived, the negative non_derived.
type DerivationMetrics struct {
	Derived    ClassMetrics `json:"derived"`
	NonDerived ClassMetrics `json:"non_derived"`
	MacroF1    float64      `json:"macro_f1"` // mean of the two classes' F1
	// Attribution is the share of truly derived docs predicted derived
	// whose named original is one of their sources; AttributionN is that
	// denominator.
	Attribution  float64 `json:"attribution"`
	AttributionN int     `json:"attribution_n"`
	// ByLabel counts, per label present, the docs and those predicted derived.
	ByLabel   map[string]LabelCounts `json:"by_label"`
	Confusion Confusion              `json:"confusion"`
}

// LabelCounts are the docs with one label and how many were predicted derived.
type LabelCounts struct {
	N                int `json:"n"`
	PredictedDerived int `json:"predicted_derived"`
}

// Confusion is the derived / not derived confusion matrix (positive = derived).
type Confusion struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
}

// RewriteMetrics score machine-rewritten docs.
type RewriteMetrics struct {
	N      int     `json:"n"`      // docs labelled machine_rewrite
	Linked int     `json:"linked"` // of those, predicted derived
	Recall float64 `json:"recall"` // Linked / N
	// DerivedPairs counts derived pairs involving a rewrite doc. A pair is
	// wrong when neither side is in the other's sources; WrongPairs excuses
	// near_dup_sources, WrongPairsStrict does not.
	DerivedPairs     int     `json:"derived_pairs"`
	WrongPairs       int     `json:"wrong_pairs"`
	WrongShare       float64 `json:"wrong_share"`
	WrongPairsStrict int     `json:"wrong_pairs_strict"`
	WrongShareStrict float64 `json:"wrong_share_strict"`
	// RelationCounts counts, over linked rewrite docs, the relation of the
	// highest-scoring derived pair linking each to a source, or
	// ClusterLink when only a cluster links it.
	RelationCounts map[string]int `json:"relation_counts"`
}

// Score compares res with labels. Docs are matched by ID. A labelled doc is
// predicted derived when a derived pair links it to one of its Sources, or
// when it is a non-original member of a cluster whose Original is one of its
// Sources. Labels other than those named by the constants are ignored.
// Labels should name each doc once (ReadLabels ensures it); for judging
// rewrite pairs the first label of a doc is used. Pairs or clusters with
// out-of-range indices are ignored.
func Score(res *reprint.Result, labels []Label) Report {
	if res == nil {
		res = &reprint.Result{}
	}
	x := newIndex(res)
	var rep Report

	seen := make(map[string]bool)
	for _, l := range labels {
		if !x.present[l.Doc] && !seen[l.Doc] {
			rep.Missing = append(rep.Missing, l.Doc)
		}
		seen[l.Doc] = true
	}
	slices.Sort(rep.Missing)

	rep.Derivation = x.derivation(labels)
	rep.Rewrites = x.rewrites(labels)
	return rep
}

// index holds the Result looked up by document ID.
type index struct {
	res     *reprint.Result
	ids     []string
	present map[string]bool
	// pairs lists, per doc ID, the derived pairs involving it, in
	// res.Pairs order.
	pairs map[string][]int
	// clusters lists, per doc ID, the clusters having it as a member
	// (original included), in res.Clusters order.
	clusters map[string][]int
}

func newIndex(res *reprint.Result) *index {
	x := &index{
		res:      res,
		ids:      make([]string, len(res.Documents)),
		present:  make(map[string]bool, len(res.Documents)),
		pairs:    make(map[string][]int),
		clusters: make(map[string][]int),
	}
	for i, d := range res.Documents {
		x.ids[i] = d.ID
		x.present[d.ID] = true
	}
	for pi, p := range res.Pairs {
		if !p.Relation.Derived() || !x.valid(p.A) || !x.valid(p.B) || !x.valid(p.Original) {
			continue
		}
		a, b := x.ids[p.A], x.ids[p.B]
		x.pairs[a] = append(x.pairs[a], pi)
		if b != a {
			x.pairs[b] = append(x.pairs[b], pi)
		}
	}
	for ci, c := range res.Clusters {
		if !x.valid(c.Original) {
			continue
		}
		for _, m := range c.Members {
			if !x.valid(m) {
				continue
			}
			id := x.ids[m]
			if l := x.clusters[id]; len(l) == 0 || l[len(l)-1] != ci {
				x.clusters[id] = append(x.clusters[id], ci)
			}
		}
	}
	return x
}

func (x *index) valid(i int) bool { return i >= 0 && i < len(x.ids) }

// other returns the ID of the side of pair p that is not doc.
func (x *index) other(p reprint.Pair, doc string) string {
	if x.ids[p.A] == doc {
		return x.ids[p.B]
	}
	return x.ids[p.A]
}

// link says whether doc is predicted derived from one of sources, and how:
// the relation of the highest-scoring derived pair linking it to a source
// (first in res.Pairs order on ties), else ClusterLink.
func (x *index) link(doc string, sources []string) (linked bool, how string) {
	best := -1
	for _, pi := range x.pairs[doc] {
		p := x.res.Pairs[pi]
		if !slices.Contains(sources, x.other(p, doc)) {
			continue
		}
		if best < 0 || p.Score > x.res.Pairs[best].Score {
			best = pi
		}
	}
	if best >= 0 {
		return true, string(x.res.Pairs[best].Relation)
	}
	for _, ci := range x.clusters[doc] {
		orig := x.ids[x.res.Clusters[ci].Original]
		if orig != doc && slices.Contains(sources, orig) {
			return true, ClusterLink
		}
	}
	return false, ""
}

// namedOriginal is the original the result names for doc: its first
// cluster's Original, else the Original of its highest-scoring derived pair
// (first in res.Pairs order on ties). ok is false when neither exists.
func (x *index) namedOriginal(doc string) (orig string, ok bool) {
	if cs := x.clusters[doc]; len(cs) > 0 {
		return x.ids[x.res.Clusters[cs[0]].Original], true
	}
	best := -1
	for _, pi := range x.pairs[doc] {
		if best < 0 || x.res.Pairs[pi].Score > x.res.Pairs[best].Score {
			best = pi
		}
	}
	if best < 0 {
		return "", false
	}
	return x.ids[x.res.Pairs[best].Original], true
}

func (x *index) derivation(labels []Label) *DerivationMetrics {
	var (
		m       DerivationMetrics
		found   bool
		correct int
		byLabel = make(map[string]LabelCounts)
		c       = &m.Confusion
	)
	for _, l := range labels {
		var truth bool
		switch l.Label {
		case WhollyDerived, PartiallyDerived:
			truth = true
		case NonDerived:
		default:
			continue
		}
		found = true
		pred, _ := x.link(l.Doc, l.Sources)
		lc := byLabel[l.Label]
		lc.N++
		switch {
		case truth && pred:
			c.TP++
			lc.PredictedDerived++
			m.AttributionN++
			if orig, ok := x.namedOriginal(l.Doc); ok && orig != l.Doc && slices.Contains(l.Sources, orig) {
				correct++
			}
		case truth:
			c.FN++
		case pred:
			c.FP++
			lc.PredictedDerived++
		default:
			c.TN++
		}
		byLabel[l.Label] = lc
	}
	if !found {
		return nil
	}
	m.Derived = classMetrics(c.TP, c.FP, c.FN)
	m.NonDerived = classMetrics(c.TN, c.FN, c.FP)
	m.MacroF1 = (m.Derived.F1 + m.NonDerived.F1) / 2
	m.Attribution = ratio(correct, m.AttributionN)
	m.ByLabel = byLabel
	return &m
}

func (x *index) rewrites(labels []Label) *RewriteMetrics {
	m := RewriteMetrics{RelationCounts: make(map[string]int)}
	rw := make(map[string]Label)
	for _, l := range labels {
		if l.Label != MachineRewrite {
			continue
		}
		m.N++
		if _, dup := rw[l.Doc]; !dup {
			rw[l.Doc] = l
		}
		if ok, how := x.link(l.Doc, l.Sources); ok {
			m.Linked++
			m.RelationCounts[how]++
		}
	}
	if m.N == 0 {
		return nil
	}
	m.Recall = ratio(m.Linked, m.N)
	for _, p := range x.res.Pairs {
		if !p.Relation.Derived() || !x.valid(p.A) || !x.valid(p.B) || !x.valid(p.Original) {
			continue
		}
		a, b := x.ids[p.A], x.ids[p.B]
		la, aok := rw[a]
		lb, bok := rw[b]
		if !aok && !bok {
			continue
		}
		m.DerivedPairs++
		strict := aok && slices.Contains(la.Sources, b) || bok && slices.Contains(lb.Sources, a)
		lenient := strict || aok && slices.Contains(la.NearDupSources, b) || bok && slices.Contains(lb.NearDupSources, a)
		if !strict {
			m.WrongPairsStrict++
		}
		if !lenient {
			m.WrongPairs++
		}
	}
	m.WrongShare = ratio(m.WrongPairs, m.DerivedPairs)
	m.WrongShareStrict = ratio(m.WrongPairsStrict, m.DerivedPairs)
	return &m
}

// classMetrics computes P/R/F1 for a class from its true positives, false
// positives and false negatives. Undefined ratios are 0.
func classMetrics(tp, fp, fn int) ClassMetrics {
	m := ClassMetrics{
		Precision: ratio(tp, tp+fp),
		Recall:    ratio(tp, tp+fn),
		Support:   tp + fn,
	}
	if s := m.Precision + m.Recall; s > 0 {
		m.F1 = 2 * m.Precision * m.Recall / s
	}
	return m
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

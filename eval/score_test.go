package eval

import (
	"bytes"
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/internal/golden"
)

// build makes a Result from doc IDs, pairs and clusters given by ID.
type testPair struct {
	a, b  string
	rel   reprint.Relation
	orig  string
	score float64
}

type testCluster struct {
	members []string
	orig    string
}

func build(t *testing.T, ids []string, pairs []testPair, clusters []testCluster) *reprint.Result {
	t.Helper()
	res := &reprint.Result{}
	at := make(map[string]int)
	for i, id := range ids {
		res.Documents = append(res.Documents, reprint.DocInfo{ID: id})
		at[id] = i
	}
	idx := func(id string) int {
		t.Helper()
		i, ok := at[id]
		if !ok {
			t.Fatalf("test result has no doc %q", id)
		}
		return i
	}
	for _, p := range pairs {
		a, b := idx(p.a), idx(p.b)
		if a > b {
			a, b = b, a
		}
		res.Pairs = append(res.Pairs, reprint.Pair{A: a, B: b, Relation: p.rel, Original: idx(p.orig), Score: p.score})
	}
	for _, c := range clusters {
		var m []int
		for _, id := range c.members {
			m = append(m, idx(id))
		}
		res.Clusters = append(res.Clusters, reprint.Cluster{Members: m, Original: idx(c.orig)})
	}
	return res
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func checkClass(t *testing.T, name string, got, want ClassMetrics) {
	t.Helper()
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) ||
		!near(got.F1, want.F1) || got.Support != want.Support {
		t.Errorf("%s: got %+v, want %+v", name, got, want)
	}
}

func TestScoreDerivation(t *testing.T) {
	type want struct {
		confusion   Confusion
		derived     ClassMetrics
		nonDerived  ClassMetrics
		attribution float64
		attrN       int
		byLabel     map[string]LabelCounts
		missing     []string
	}
	tests := []struct {
		name     string
		ids      []string
		pairs    []testPair
		clusters []testCluster
		labels   []Label
		want     want
	}{
		{
			name: "TP FP FN TN and missing",
			ids:  []string{"s1", "s2", "x", "tp", "fnSame", "fnOther", "fp", "tn"},
			pairs: []testPair{
				{"s1", "tp", reprint.Copy, "s1", 0.9},
				{"s1", "fnSame", reprint.SameStory, "s1", 0.8}, // not derivation
				{"x", "fnOther", reprint.Copy, "x", 0.9},       // x is not a source
				{"s2", "fp", reprint.Rewrite, "s2", 0.6},
			},
			labels: []Label{
				{Doc: "tp", Label: WhollyDerived, Sources: []string{"s1"}},
				{Doc: "fnSame", Label: PartiallyDerived, Sources: []string{"s1"}},
				{Doc: "fnOther", Label: PartiallyDerived, Sources: []string{"s1"}},
				{Doc: "gone", Label: WhollyDerived, Sources: []string{"s1"}},
				{Doc: "fp", Label: NonDerived, Sources: []string{"s2"}},
				{Doc: "tn", Label: NonDerived, Sources: []string{"s1"}},
				{Doc: "s1", Label: "source"}, // not scored
			},
			want: want{
				confusion:   Confusion{TP: 1, FP: 1, FN: 3, TN: 1},
				derived:     ClassMetrics{Precision: 0.5, Recall: 0.25, F1: 1.0 / 3, Support: 4},
				nonDerived:  ClassMetrics{Precision: 0.25, Recall: 0.5, F1: 1.0 / 3, Support: 2},
				attribution: 1, attrN: 1,
				byLabel: map[string]LabelCounts{
					WhollyDerived:    {N: 2, PredictedDerived: 1},
					PartiallyDerived: {N: 2, PredictedDerived: 0},
					NonDerived:       {N: 2, PredictedDerived: 1},
				},
				missing: []string{"gone"},
			},
		},
		{
			name: "link ignores pair direction",
			ids:  []string{"s", "d"},
			pairs: []testPair{
				{"s", "d", reprint.Excerpt, "d", 0.7}, // result says d is the original
			},
			labels: []Label{{Doc: "d", Label: WhollyDerived, Sources: []string{"s"}}},
			want: want{
				confusion: Confusion{TP: 1},
				derived:   ClassMetrics{Precision: 1, Recall: 1, F1: 1, Support: 1},
				attrN:     1, // named original is d itself: wrong
				byLabel:   map[string]LabelCounts{WhollyDerived: {N: 1, PredictedDerived: 1}},
			},
		},
		{
			name: "cluster membership predicts derived",
			ids:  []string{"s1", "s2", "a", "b", "n"},
			clusters: []testCluster{
				{members: []string{"s1", "a", "b", "n"}, orig: "s1"},
			},
			labels: []Label{
				{Doc: "a", Label: WhollyDerived, Sources: []string{"s1"}},
				{Doc: "b", Label: WhollyDerived, Sources: []string{"s2"}}, // wrong cluster
				{Doc: "n", Label: NonDerived, Sources: []string{"s1"}},
				{Doc: "s1", Label: WhollyDerived, Sources: []string{"s1"}}, // the original is not derived
			},
			want: want{
				confusion:   Confusion{TP: 1, FP: 1, FN: 2},
				derived:     ClassMetrics{Precision: 0.5, Recall: 1.0 / 3, F1: 0.4, Support: 3},
				nonDerived:  ClassMetrics{Support: 1},
				attribution: 1, attrN: 1,
				byLabel: map[string]LabelCounts{
					WhollyDerived: {N: 3, PredictedDerived: 1},
					NonDerived:    {N: 1, PredictedDerived: 1},
				},
			},
		},
		{
			name: "attribution via pairs",
			ids:  []string{"s1", "s2", "s3", "x", "y", "hi", "tie", "self"},
			pairs: []testPair{
				{"s1", "hi", reprint.Copy, "s1", 0.9},
				{"x", "hi", reprint.Excerpt, "x", 0.95}, // strongest names x: wrong
				{"s2", "tie", reprint.Copy, "s2", 0.8},  // tie: first wins, right
				{"y", "tie", reprint.Copy, "y", 0.8},
				{"s3", "self", reprint.Copy, "self", 0.9},  // names itself: wrong
				{"s3", "y", reprint.SameStory, "s3", 0.99}, // not derived, never named
			},
			labels: []Label{
				{Doc: "hi", Label: WhollyDerived, Sources: []string{"s1"}},
				{Doc: "tie", Label: PartiallyDerived, Sources: []string{"s2"}},
				{Doc: "self", Label: PartiallyDerived, Sources: []string{"s3"}},
			},
			want: want{
				confusion:   Confusion{TP: 3},
				derived:     ClassMetrics{Precision: 1, Recall: 1, F1: 1, Support: 3},
				attribution: 1.0 / 3, attrN: 3,
				byLabel: map[string]LabelCounts{
					WhollyDerived:    {N: 1, PredictedDerived: 1},
					PartiallyDerived: {N: 2, PredictedDerived: 2},
				},
			},
		},
		{
			name: "attribution via cluster beats pairs",
			ids:  []string{"s1", "s2", "x", "c", "own"},
			pairs: []testPair{
				{"x", "c", reprint.Copy, "x", 0.99},
				{"s1", "c", reprint.Copy, "s1", 0.5},
				{"s2", "own", reprint.Copy, "s2", 0.9}, // pair names s2, cluster names own
			},
			clusters: []testCluster{
				{members: []string{"s1", "c"}, orig: "s1"},
				{members: []string{"s2", "own"}, orig: "own"},
			},
			labels: []Label{
				{Doc: "c", Label: WhollyDerived, Sources: []string{"s1"}},
				{Doc: "own", Label: WhollyDerived, Sources: []string{"s2"}},
			},
			want: want{
				confusion:   Confusion{TP: 2},
				derived:     ClassMetrics{Precision: 1, Recall: 1, F1: 1, Support: 2},
				attribution: 0.5, attrN: 2,
				byLabel: map[string]LabelCounts{WhollyDerived: {N: 2, PredictedDerived: 2}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Score(build(t, tt.ids, tt.pairs, tt.clusters), tt.labels)
			if rep.Rewrites != nil {
				t.Errorf("got rewrite metrics %+v, want nil", rep.Rewrites)
			}
			d := rep.Derivation
			if d == nil {
				t.Fatal("got nil derivation metrics")
			}
			if d.Confusion != tt.want.confusion {
				t.Errorf("confusion: got %+v, want %+v", d.Confusion, tt.want.confusion)
			}
			checkClass(t, "derived", d.Derived, tt.want.derived)
			checkClass(t, "non_derived", d.NonDerived, tt.want.nonDerived)
			if want := (tt.want.derived.F1 + tt.want.nonDerived.F1) / 2; !near(d.MacroF1, want) {
				t.Errorf("macro-F1: got %v, want %v", d.MacroF1, want)
			}
			if !near(d.Attribution, tt.want.attribution) || d.AttributionN != tt.want.attrN {
				t.Errorf("attribution: got %v of %d, want %v of %d", d.Attribution, d.AttributionN, tt.want.attribution, tt.want.attrN)
			}
			if !reflect.DeepEqual(d.ByLabel, tt.want.byLabel) {
				t.Errorf("by label: got %v, want %v", d.ByLabel, tt.want.byLabel)
			}
			if !reflect.DeepEqual(rep.Missing, tt.want.missing) {
				t.Errorf("missing: got %q, want %q", rep.Missing, tt.want.missing)
			}
		})
	}
}

// rewriteCase links rewrites in every way Score distinguishes.
func rewriteCase(t *testing.T) (*reprint.Result, []Label) {
	res := build(t,
		[]string{"s1", "n1", "x", "s2", "r1", "r2", "r4", "r3", "s4"},
		[]testPair{
			{"s1", "r1", reprint.MachineRewrite, "s1", 0.7}, // right
			{"n1", "r1", reprint.Copy, "n1", 0.9},           // near-dup: right, strictly wrong
			{"x", "r1", reprint.Rewrite, "x", 0.5},          // wrong
			{"s1", "r1", reprint.SameStory, "s1", 0.99},     // not derived: ignored
			{"r1", "r2", reprint.EditedCopy, "r1", 0.6},     // rewrites of different sources: wrong
			{"r4", "r3", reprint.Copy, "r4", 0.8},           // right: r4 is in r3's sources
			{"s1", "x", reprint.Copy, "s1", 1},              // no rewrite: ignored
		},
		[]testCluster{{members: []string{"s2", "r2"}, orig: "s2"}},
	)
	labels := []Label{
		{Doc: "r1", Label: MachineRewrite, Sources: []string{"s1"}, NearDupSources: []string{"n1"}},
		{Doc: "r2", Label: MachineRewrite, Sources: []string{"s2"}},
		{Doc: "r3", Label: MachineRewrite, Sources: []string{"r4"}},
		{Doc: "r4", Label: MachineRewrite, Sources: []string{"s4"}},
		{Doc: "r5", Label: MachineRewrite, Sources: []string{"s1"}},
	}
	return res, labels
}

func TestScoreRewrites(t *testing.T) {
	res, labels := rewriteCase(t)
	rep := Score(res, labels)
	if rep.Derivation != nil {
		t.Errorf("got derivation metrics %+v, want nil", rep.Derivation)
	}
	m := rep.Rewrites
	if m == nil {
		t.Fatal("got nil rewrite metrics")
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"N", m.N, 5},
		{"Linked", m.Linked, 3},
		{"Recall", m.Recall, 0.6},
		{"DerivedPairs", m.DerivedPairs, 5},
		{"WrongPairs", m.WrongPairs, 2},
		{"WrongShare", m.WrongShare, 0.4},
		{"WrongPairsStrict", m.WrongPairsStrict, 3},
		{"WrongShareStrict", m.WrongShareStrict, 0.6},
		{"RelationCounts", m.RelationCounts, map[string]int{"machine_rewrite": 1, ClusterLink: 1, "copy": 1}},
		{"Missing", rep.Missing, []string{"r5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestScoreEdgeCases(t *testing.T) {
	t.Run("nil result", func(t *testing.T) {
		rep := Score(nil, []Label{{Doc: "a", Label: WhollyDerived, Sources: []string{"s"}}, {Doc: "a", Label: MachineRewrite}})
		if got, want := rep.Derivation.Confusion, (Confusion{FN: 1}); got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
		if got, want := rep.Rewrites.N, 1; got != want {
			t.Errorf("got %d rewrites, want %d", got, want)
		}
		if got, want := rep.Missing, []string{"a"}; !reflect.DeepEqual(got, want) {
			t.Errorf("missing: got %q, want %q", got, want)
		}
	})
	t.Run("no scorable labels", func(t *testing.T) {
		rep := Score(&reprint.Result{Documents: []reprint.DocInfo{{ID: "a"}}}, []Label{{Doc: "a", Label: "other"}})
		if rep.Derivation != nil || rep.Rewrites != nil || rep.Missing != nil {
			t.Errorf("got %+v, want an empty report", rep)
		}
	})
	t.Run("out-of-range indices ignored", func(t *testing.T) {
		res := &reprint.Result{
			Documents: []reprint.DocInfo{{ID: "s"}, {ID: "d"}},
			Pairs: []reprint.Pair{
				{A: 0, B: 7, Relation: reprint.Copy, Original: 0},
				{A: -1, B: 1, Relation: reprint.Copy, Original: 1},
				{A: 0, B: 1, Relation: reprint.Copy, Original: 9},
			},
			Clusters: []reprint.Cluster{{Members: []int{0, 1}, Original: 5}, {Members: []int{1, 42}, Original: 0}},
		}
		rep := Score(res, []Label{{Doc: "d", Label: WhollyDerived, Sources: []string{"s"}}, {Doc: "d", Label: MachineRewrite, Sources: []string{"s"}}})
		// Only the second cluster is usable: it links d to s.
		if got, want := rep.Derivation.Confusion, (Confusion{TP: 1}); got != want {
			t.Errorf("got %+v, want %+v", got, want)
		}
		if got, want := rep.Rewrites.DerivedPairs, 0; got != want {
			t.Errorf("got %d derived pairs, want %d", got, want)
		}
	})
}

func TestWriteText(t *testing.T) {
	res, labels := rewriteCase(t)
	derivRes := build(t,
		[]string{"s1", "a", "b", "c"},
		[]testPair{{"s1", "a", reprint.Copy, "s1", 0.9}, {"s1", "c", reprint.Rewrite, "c", 0.5}},
		nil)
	derivLabels := []Label{
		{Doc: "a", Label: WhollyDerived, Sources: []string{"s1"}},
		{Doc: "b", Label: PartiallyDerived, Sources: []string{"s1"}},
		{Doc: "c", Label: NonDerived, Sources: []string{"s1"}},
	}
	var many []Label
	for _, id := range []string{"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"} {
		many = append(many, Label{Doc: id, Label: NonDerived})
	}
	tests := []struct {
		name   string
		res    *reprint.Result
		labels []Label
	}{
		{"derivation", derivRes, derivLabels},
		{"rewrites", res, labels},
		{"many missing", nil, many},
		{"nothing to score", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Score(tt.res, tt.labels).WriteText(&buf); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", filepath.FromSlash(t.Name())+".txt"), buf.Bytes())
		})
	}
}

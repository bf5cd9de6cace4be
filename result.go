package reprint

import "time"

// Relation is the kind of link between two documents.
type Relation string

// Relations, from most to least literal. SameStory is reported but is not
// derivation.
const (
	Copy           Relation = "copy"            // verbatim or nearly
	EditedCopy     Relation = "edited_copy"     // a copy with edits
	Excerpt        Relation = "excerpt"         // one mostly contained in the other
	Rewrite        Relation = "rewrite"         // human paraphrase or condensed rewrite
	MachineRewrite Relation = "machine_rewrite" // garbled: spun or round-trip translated
	SameStory      Relation = "same_story"      // same event, independent wording
)

// Derived reports whether r means one document derives from the other.
func (r Relation) Derived() bool {
	switch r {
	case Copy, EditedCopy, Excerpt, Rewrite, MachineRewrite:
		return true
	}
	return false
}

// Passage is a matching stretch of text: byte offsets into each document's
// Text, half-open.
type Passage struct {
	AStart int    `json:"a_start"`
	AEnd   int    `json:"a_end"`
	BStart int    `json:"b_start"`
	BEnd   int    `json:"b_end"`
	Text   string `json:"text"` // the A side's text of the passage
}

// DocInfo is what a Result keeps of each input document.
type DocInfo struct {
	ID     string
	Source string
	Words  int
	// URL, Outlet and Published are what the input said of it ("url",
	// "source", "published" in JSONL; a page's metadata), when it did.
	URL, Outlet string
	Published   time.Time
}

// Pair is a verified link between documents A and B (indices into
// Result.Documents, A < B).
type Pair struct {
	A, B     int
	Relation Relation
	// Original is the side judged to be the source: A or B, so an index
	// into Result.Documents like them.
	Original int
	// Reason says why Original was chosen, for people.
	Reason string
	// OriginalBy names what decided Original, for programs: one of the By
	// constants, strongest first.
	OriginalBy string
	// Score in [0,1] is the strength of the evidence for the relation.
	Score float64
	// Jaccard and containments on literal word 5-shingle sets:
	// ContainAB = |A∩B|/|A|, ContainBA = |A∩B|/|B|.
	Jaccard, ContainAB, ContainBA float64
	// Passages are the aligned matching passages, longest first.
	Passages []Passage

	covA, covB float64 // share of each side's content words inside passages
	aside      bool    // not an original's link to another family (inherited)
	late       bool    // the copy's parent only after its other sources (inherited)
}

// What decided a pair's original (Pair.OriginalBy), strongest first.
const (
	ByPublished    = "published"     // publication times
	ByAgency       = "agency"        // one side is agency copy, by its byline
	ByGarbling     = "garbling"      // the other side shows machine-rewrite garbling
	ByUsualWording = "usual_wording" // its own words are the corpus's usual ones
	ByLessGarbled  = "less_garbled"  // the less garbled of a word-for-word rewording
	ByEmbedded     = "embedded"      // it lies whole in the other, amid text on other matters
	ByDates        = "dates"         // it dates the events nearer ("today" against "yesterday")
	ByFuller       = "fuller"        // it holds more of the other
	ByLonger       = "longer"        // it is longer, nothing stronger told
	ByOrder        = "order"         // only the order: earlier in the input, or in the index first
	ByFamily       = "family"        // the original of the family both are in (see its cluster)
	ByLinks        = "links"         // a cluster's: the others derive from it, though no link alone names it
)

// byRank orders the By constants a link can give, strongest first.
var byRank = []string{ByPublished, ByAgency, ByGarbling, ByUsualWording, ByLessGarbled, ByEmbedded, ByDates, ByFuller, ByLonger, ByOrder}

// Cluster is a family of documents derived from one original.
type Cluster struct {
	Members []int // sorted document indices, Original among them
	// Parents holds, beside each member, the member it derives from in
	// the family (the other side of its link to its source), -1 for the
	// Original; nil when not known. A report names that link for each
	// member, not another pair the two happen to share.
	Parents  []int
	Original int
	// Reason says why Original was chosen, for people.
	Reason string
	// OriginalBy names what decided Original, for programs: the strongest
	// OriginalBy of the members' direct links that name it the original
	// (ByPublished, ..., ByOrder), or ByLinks when none does and the
	// family's links alone make it the source.
	OriginalBy string
}

// Summary counts what happened to the input.
type Summary struct {
	Documents int `json:"documents"` // documents analysed
	Skipped   int `json:"skipped"`   // lines or records skipped in files that were read (a broken JSONL line, a repeated JSONL id)
	Failed    int `json:"failed"`    // files or paths not read at all (missing, unreadable, binary, empty)
	Pairs     int `json:"pairs"`
	Clusters  int `json:"clusters"`
}

// Result is the outcome of a scan.
type Result struct {
	Documents []DocInfo
	Pairs     []Pair
	Clusters  []Cluster
	Params    Params
	Summary   Summary
	// Errors lists the inputs that could not be read, filled by the caller
	// that did the reading (SetInputErrors).
	Errors []InputError
	// Warnings are non-fatal notes about the input (e.g. Latin-1 decoding).
	Warnings []string
}

// SetInputErrors records the inputs that could not be read, as a reader
// (package input) reported them: in Errors, and counted in the summary as
// skipped (a line or record) or failed (a whole file or path), so that
// every input is accounted for.
func (r *Result) SetInputErrors(errs []InputError) {
	r.Errors = errs
	r.Summary.Skipped, r.Summary.Failed = CountInputErrors(errs)
}

// CountInputErrors counts errs as the summary does: skipped (a line or
// record) and failed (a whole file or path).
func CountInputErrors(errs []InputError) (skipped, failed int) {
	for _, e := range errs {
		if e.Line > 0 {
			skipped++
		} else {
			failed++
		}
	}
	return skipped, failed
}

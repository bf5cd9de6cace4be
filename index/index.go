// Package index keeps reprint fingerprints on disk, with their texts and LSH
// keys, so that a new article can be checked against everything a newsroom
// has published or scraped without scanning it all again.
//
// An index is one file, a bbolt database: no server, ACID transactions, and
// an fsync on every commit, so a batch whose Add returned nil survives a
// crash or kill -9. One process may write it at a time; readers in other
// processes wait for the writer to finish (Options.Timeout). A truncated or
// corrupted file gives errors that wrap ErrDamaged, not panics.
//
// # Layout
//
// Buckets, all keys big-endian so that they sort numerically:
//
//	meta      format version, detector Params (JSON), counters
//	ids       document ID → document number (4 bytes) + key count (uvarint)
//	nums      document number → document ID
//	docs      document number → Fingerprint.MarshalBinary bytes
//	texts     document number → codec byte + text (plain or DEFLATE)
//	segs      segment number → postings in the segment (8 bytes)
//	postings  segment number (4) + first LSH key of the chunk (8) → chunk:
//	          sorted (LSH key (8), document number (4)) entries
//	dead      document number → empty: replaced documents whose postings
//	          still sit in a segment
//	docfreq   "all" → the counts of documents holding each frequent
//	          shingle (reprint.DocFreq), to tell boilerplate; in a bucket
//	          of its own so that a write of the counters does not rewrite
//	          it. Indexes made before it have none until their next Add.
//
// Documents get increasing numbers, so docs, texts and nums grow by appends
// and stay compact. Postings (LSH key, document number) are written as
// immutable sorted segments, one per Add, cut into chunks of about one page
// that never split a key's run, so that one cursor seek per segment finds a
// key. Segments are merged like a binary counter (the newest two when the
// newer is at least as large), up to maxSegmentPostings, so a lookup visits
// few segments and a commit writes little more than its batch. Inserting
// the 170 keys of each document into one B+tree instead would dirty most of
// its pages on every commit: 23 s per 1000-document batch at 10,000
// documents, and growing.
//
// Re-adding a document ID replaces the stored document: it gets a new number
// and its old number is deleted from nums, docs and texts at once, so that
// lookups no longer return it; its old postings are dropped for good by the
// next merge of their segment (the dead bucket remembers them until then;
// a segment already at maxSegmentPostings keeps them, and lookups skip
// them).
// Re-adding an identical document (same fingerprint bytes and text) changes
// nothing.
package index

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/reprint-dev/reprint"
	"github.com/reprint-dev/reprint/shingle"
)

// FormatVersion is the version of the on-disk layout. An index of another
// version is refused with a message that says so. Version 2: fingerprints
// with 32-bit shingle sets and polynomial shingle hashes (reprint.
// Fingerprint encoding 3 and later); version 1 indexes must be rebuilt.
const FormatVersion = 2

// Defaults.
const (
	// DefaultMaxPostings is the default Options.MaxPostings.
	DefaultMaxPostings = 1000
	// DefaultTimeout is the default Options.Timeout.
	DefaultTimeout = 10 * time.Second
)

// Tuning of the segment layout.
const (
	// chunkPostings fills one 4 KB page per chunk, so that a lookup reads
	// one leaf page (larger chunks make every lookup fault in tens of KB).
	chunkPostings      = 320
	maxSegmentPostings = 1 << 22 // no merge makes a larger segment (48 MB)
)

// Bucket and meta key names.
var (
	bMeta     = []byte("meta")
	bIDs      = []byte("ids")
	bNums     = []byte("nums")
	bDocs     = []byte("docs")
	bTexts    = []byte("texts")
	bSegs     = []byte("segs")
	bPostings = []byte("postings")
	bDead     = []byte("dead")
	bDocFreq  = []byte("docfreq")

	mVersion  = []byte("version")
	mParams   = []byte("params")
	mTokens   = []byte("tokenizer") // shingle.TokenizerVersion of the documents; missing: 1
	mDocs     = []byte("documents")
	mPostings = []byte("postings")
	mNextDoc  = []byte("next_doc")
	mNextSeg  = []byte("next_segment")
	kDocFreq  = []byte("all")
)

var allBuckets = [][]byte{bMeta, bIDs, bNums, bDocs, bTexts, bSegs, bPostings, bDead, bDocFreq}

// Options configure Open. The zero value opens for reading and writing,
// creating the file if it is missing.
type Options struct {
	// ReadOnly opens an existing index for queries only; several
	// processes may read at once.
	ReadOnly bool
	// Timeout bounds the wait for another process that has the index open
	// for writing. 0 → DefaultTimeout.
	Timeout time.Duration
	// MaxPostings: Candidates skips an LSH key shared by more documents
	// than this (boilerplate shared by many pages). 0 → DefaultMaxPostings.
	MaxPostings int
	// MinShared: Candidates returns only documents sharing at least this
	// many of the query's keys. 0 → 1. One shared key in 170 means an
	// estimated similarity far under the LSH thresholds; requiring two
	// skips most chance candidates (68% on METER, 85% on a generated
	// corpus) and few derived pairs (1.4% on METER).
	MinShared int
}

// Index is an open index. Its methods are safe for concurrent use; writes
// are serialized. After a write fails with ErrDamaged, only Close is safe:
// a write waiting for the failed one may wait for ever.
type Index struct {
	db      *bolt.DB
	file    *os.File // db's, to release its lock if db cannot be closed
	path    string
	params  reprint.Params
	opts    Options
	inspect bool                        // opened with zero parameters: no Add
	broken  atomic.Pointer[brokenState] // a write panicked
	// tokenizer is the shingle.TokenizerVersion its documents were
	// fingerprinted with; readded, for an older one, the IDs added since
	// it was opened (noteReadded).
	tokenizer int
	readded   map[string]struct{}

	mu    sync.Mutex
	df    *reprint.DocFreq // decoded DocFreq, as of the commit dfTx
	dfTx  int
	dfSet bool
}

// ErrNotExist is returned by Open for a read-only open of a missing index,
// or one with zero parameters (which cannot make one).
var ErrNotExist = errors.New("index does not exist")

// Errors that the methods' errors wrap, so that a caller need not know
// bbolt's.
var (
	ErrLocked   = errors.New("index in use by another process") // Open timed out waiting for the file lock
	ErrClosed   = errors.New("index closed")                    // a method called after Close
	ErrReadOnly = errors.New("index opened read-only")          // Add on an index opened with ReadOnly
	ErrNotFound = errors.New("not in the index")                // Get of an ID that is not indexed
	ErrInspect  = errors.New("index opened with zero parameters, for inspecting: open it with the detector's parameters to add")
)

// ParamsError reports that an index was built with other detection
// parameters than those of a query: its fingerprints and keys would not be
// comparable.
type ParamsError struct {
	Path   string
	Fields []string // the differing fields, as "k: index 5, given 7"
}

func (e *ParamsError) Error() string {
	return fmt.Sprintf("index %s was built with other detection parameters (%s); use the index's parameters or another index",
		e.Path, strings.Join(e.Fields, "; "))
}

// Open opens the index at path, creating it (with parameters p) if it is
// missing and opts.ReadOnly is not set. The effective parameters p (from
// reprint.Detector.Params) must match the stored ones in every field that
// shapes fingerprints and keys (k, rewrite_k, num_hash, sketch, seed,
// thresholds, bands and rows), else Open returns a *ParamsError;
// verification settings (min_score, max_bucket, max_doc_freq, min_passage,
// same_story, candidate_budget) may differ from query to query. A zero p accepts the stored parameters, for
// inspecting an existing index.
//
// Errors wrap ErrNotExist (a read-only open of a missing file, or a zero
// p), ErrCreate (a new index could not be made), ErrDamaged (a truncated
// or corrupted file) or ErrLocked (another process holds the file for
// longer than opts.Timeout).
func Open(path string, p reprint.Params, opts Options) (*Index, error) {
	if opts.Timeout == 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxPostings == 0 {
		opts.MaxPostings = DefaultMaxPostings
	}
	opts.MinShared = max(opts.MinShared, 1)
	zero := p == reprint.Params{}
	fi, err := os.Stat(path)
	missing := errors.Is(err, fs.ErrNotExist)
	switch {
	case missing && (opts.ReadOnly || zero):
		return nil, fmt.Errorf("open index %s: %w", path, ErrNotExist)
	case err != nil && !missing:
		return nil, fmt.Errorf("open index %s: %w", path, err)
	case missing:
		if err := create(path, p, opts); err != nil {
			return nil, err
		}
	case fi.IsDir():
		return nil, fmt.Errorf("open index %s: is a directory", path)
	case fi.Size() == 0: // bbolt would make it a new database
		return nil, damaged(path, errors.New("the file is empty"))
	}
	deadline := time.Now().Add(opts.Timeout)
	if !opts.ReadOnly {
		// A writable open reads the free page list before the size can be
		// checked: check it read-only first.
		db, _, err := openDB(path, true, opts.Timeout)
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, inUseError(path, false, opts.Timeout)
		}
		if err != nil {
			return nil, err
		}
		db.Close()
	}
	db, file, err := openDB(path, opts.ReadOnly, max(time.Until(deadline), time.Millisecond))
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, inUseError(path, opts.ReadOnly, opts.Timeout)
	}
	if err != nil {
		return nil, err
	}
	ix := &Index{db: db, file: file, path: path, opts: opts, inspect: zero}
	if err := ix.init(p, zero); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// create makes a new, empty index at path atomically: it is built under
// a name of its own and linked into place, so that a process killed while
// creating it leaves either no index or a whole one, never a file
// without its parameters; and of two processes creating one index at
// once, the second opens the first's (the link fails when path exists)
// rather than replacing it while the first writes to it.
func create(path string, p reprint.Params, opts Options) error {
	os.Remove(path + ".creating") // left by a process killed while creating (older versions)
	removeStale(path)
	// A name of this process's own (bolt creates the file, with the
	// umask's permissions, as it did the index itself before).
	tmp := fmt.Sprintf("%s.creating-%d-%d", path, os.Getpid(), creations.Add(1))
	var file *os.File
	db, err := bolt.Open(tmp, 0o644, &bolt.Options{
		Timeout:      opts.Timeout,
		FreelistType: bolt.FreelistMapType,
		OpenFile:     fileOpener(&file),
	})
	if err != nil {
		os.Remove(tmp) // bolt may have made it before failing (a full disk)
		return createError(path, err)
	}
	ix := &Index{db: db, file: file, path: path, opts: opts}
	err = ix.init(p, false)
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = publish(tmp, path)
	}
	os.Remove(tmp)
	if err != nil {
		if errors.Is(err, ErrCreate) {
			return err
		}
		return createError(path, err)
	}
	return nil
}

// removeStale removes the temporary files of creations of the index at
// path that a killed process left: those over ten minutes old (making an
// empty index takes milliseconds).
func removeStale(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), base+".creating-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > 10*time.Minute {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// creations numbers this process's index creations, for their temporary
// names.
var creations atomic.Int64

// publish puts the file tmp at path unless a file is there already (made
// by another process meanwhile, which is then the index): by a hard link,
// which fails when path exists, or else by a rename if nothing is there
// (links unsupported, or a symbolic link to nothing).
func publish(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return nil
	}
	if _, serr := os.Stat(path); serr == nil {
		return nil // made by another process meanwhile
	}
	// Missing, links unsupported, or a symbolic link to nothing, which
	// the index replaces as it did before creators shared one.
	return os.Rename(tmp, path)
}

// storedParams returns p without the per-run counters.
func storedParams(p reprint.Params) reprint.Params {
	p.Candidates, p.CappedBuckets = 0, 0
	return p
}

// init creates the buckets of a new index, or checks the version and
// parameters of an existing one.
func (ix *Index) init(p reprint.Params, zero bool) error {
	fresh := false
	err := ix.view(func(tx *bolt.Tx) error {
		fresh = tx.Bucket(bMeta) == nil
		return nil
	})
	if err != nil && !errors.Is(err, ErrDamaged) {
		return fmt.Errorf("open index %s: %w", ix.path, err)
	}
	if err != nil {
		return err
	}
	if fresh {
		if ix.opts.ReadOnly || zero {
			return fmt.Errorf("open index %s: not an index (no meta bucket)", ix.path)
		}
		ix.params = storedParams(p)
		ix.tokenizer = shingle.TokenizerVersion
		err := ix.update(func(tx *bolt.Tx) error {
			for _, name := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
			js, err := json.Marshal(ix.params)
			if err != nil {
				return err
			}
			m := tx.Bucket(bMeta)
			if err := m.Put(mVersion, u64(FormatVersion)); err != nil {
				return err
			}
			if err := m.Put(mTokens, u64(shingle.TokenizerVersion)); err != nil {
				return err
			}
			return m.Put(mParams, js)
		})
		if err != nil && !errors.Is(err, ErrDamaged) {
			return createError(ix.path, err)
		}
		return err
	}
	return ix.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil && !bytes.Equal(name, bDocFreq) { // docfreq: added later
				return damaged(ix.path, fmt.Errorf("bucket %q missing", name))
			}
		}
		if v := getU64(m, mVersion); v != FormatVersion {
			return fmt.Errorf("open index %s: format version %d, this reprint reads version %d: build it again with reprint index add", ix.path, v, FormatVersion)
		}
		if err := json.Unmarshal(m.Get(mParams), &ix.params); err != nil {
			return damaged(ix.path, fmt.Errorf("parameters: %w", err))
		}
		ix.tokenizer = max(int(getU64(m, mTokens)), 1)
		if zero {
			return nil
		}
		if diff := paramsDiff(ix.params, p); len(diff) > 0 {
			return &ParamsError{Path: ix.path, Fields: diff}
		}
		return nil
	})
}

// verifyFields are the Params fields that only tune verification, or
// count a run: queries may set them as they like. Every other field shapes
// fingerprints or LSH keys and must match the index, so that a field added
// to Params later is checked unless it is listed here.
var verifyFields = map[string]bool{
	"MinScore": true, "MaxBucket": true, "MaxDocFreq": true, "MinPassage": true,
	"SameStory": true, "CandidateBudget": true, "CappedBuckets": true, "Candidates": true,
}

// paramsDiff lists the fields, other than verifyFields, in which stored and
// given differ, named by their JSON names, in declaration order.
func paramsDiff(stored, given reprint.Params) []string {
	var diff []string
	vs, vg := reflect.ValueOf(stored), reflect.ValueOf(given)
	t := vs.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if verifyFields[f.Name] || !f.IsExported() {
			continue
		}
		a, b := vs.Field(i).Interface(), vg.Field(i).Interface()
		if !reflect.DeepEqual(a, b) {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" {
				name = f.Name
			}
			diff = append(diff, fmt.Sprintf("%s: index %v, given %v", name, a, b))
		}
	}
	return diff
}

// CheckParams returns a *ParamsError when p (a detector's Params) differs
// from the index's in a field that shapes fingerprints and keys, as Open
// does: fingerprints of other parameters would silently match nothing.
func (ix *Index) CheckParams(p reprint.Params) error {
	if diff := paramsDiff(ix.params, p); len(diff) > 0 {
		return &ParamsError{Path: ix.path, Fields: diff}
	}
	return nil
}

// Params returns the parameters stored in the index.
func (ix *Index) Params() reprint.Params { return ix.params }

// Path returns the index's file name.
func (ix *Index) Path() string { return ix.path }

// Close closes the index.
func (ix *Index) Close() error {
	if b := ix.broken.Load(); b != nil && b.locked {
		if b.closed.Swap(true) {
			return nil
		}
		// DB.Close would wait for the lock of the transaction that
		// panicked: release the file lock and close the file instead.
		err := unlock(ix.file)
		if cerr := ix.file.Close(); err == nil && !errors.Is(cerr, os.ErrClosed) {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("close index %s: %w", ix.path, err)
		}
		return nil
	}
	if err := ix.db.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	return nil
}

// AddStats counts what one Add did.
type AddStats struct {
	Added     int // new IDs
	Replaced  int // IDs already present with another fingerprint or text
	Unchanged int // IDs already present with this text and these keys: nothing written, or only readings updated (reprint.SameShingles)
	// Unrelated lists the replaced IDs whose new text shares under
	// unrelatedOverlap of its shingles with the stored one (reprint.Overlap):
	// not a new version of the article but another article of the same
	// name, as two days' crawls of one site give when their folders are
	// added one at a time.
	Unrelated []string
}

// unrelatedOverlap is the Overlap under which a replacement is another
// article: a corrected or updated version keeps most of its shingles,
// while two articles of one site share little more than its header and
// footer.
const unrelatedOverlap = 0.3

// AddDocuments fingerprints docs with det, whose parameters must be the
// index's, and adds them (Add). It is Add for a caller with documents in
// hand; on many cores, fingerprint in parallel and call Add.
func (ix *Index) AddDocuments(det *reprint.Detector, docs []reprint.Document) (AddStats, error) {
	if err := ix.CheckParams(det.Params()); err != nil {
		return AddStats{}, err
	}
	fps := make([]*reprint.Fingerprint, len(docs))
	keys := make([][]uint64, len(docs))
	for i, d := range docs {
		fps[i] = det.Fingerprint(d)
		keys[i] = det.IndexKeys(fps[i])
	}
	return ix.Add(docs, fps, keys)
}

// Add stores docs with their fingerprints and LSH keys (fps[i] and keys[i]
// belong to docs[i]) in one transaction: when Add returns nil the whole
// batch is on disk; on error none of it is. A document whose ID is already
// indexed replaces the stored one (see the package documentation); within
// docs the last of several with one ID wins.
func (ix *Index) Add(docs []reprint.Document, fps []*reprint.Fingerprint, keys [][]uint64) (AddStats, error) {
	var st AddStats
	if len(fps) != len(docs) || len(keys) != len(docs) {
		return st, fmt.Errorf("index add: %d documents, %d fingerprints, %d key lists", len(docs), len(fps), len(keys))
	}
	for i, fp := range fps {
		if fp == nil || fp.ID() != docs[i].ID {
			return st, fmt.Errorf("index add: fingerprint %d does not belong to document %q", i, docs[i].ID)
		}
		if n := len(docs[i].ID); n == 0 || n > bolt.MaxKeySize {
			return st, fmt.Errorf("index add: document %d (%s): an ID of %d bytes cannot be a key (1 to %d bytes)", i, docs[i].Source, n, bolt.MaxKeySize)
		}
	}
	if ix.inspect {
		return st, fmt.Errorf("index %s: add: %w", ix.path, ErrInspect)
	}
	if len(docs) == 0 {
		return st, nil
	}
	// Encode outside the transaction.
	enc := make([][]byte, len(docs))
	texts := make([][]byte, len(docs))
	for i, fp := range fps {
		b, err := fp.MarshalBinary()
		if err != nil {
			return st, fmt.Errorf("index add %s: %w", docs[i].ID, err)
		}
		enc[i] = b
		texts[i] = encodeText(docs[i].Text)
	}
	err := ix.update(func(tx *bolt.Tx) error {
		st = AddStats{}
		w := newWriter(tx)
		if err := w.loadDocFreq(); err != nil {
			return err
		}
		var batch []posting
		for i := range docs {
			id := docs[i].ID
			ks := slices.Clone(keys[i])
			slices.Sort(ks)
			ks = slices.Compact(ks)
			old, oldKeys, exists := w.lookup(id)
			if exists {
				same, err := w.same(old, enc[i], docs[i].Text)
				if err != nil {
					return fmt.Errorf("document %s: %w", id, err)
				}
				// Stored under other keys, it is stored again: an
				// article that an older reprint stored without its
				// anchor keys (Detector.IndexKeys) gets them.
				if same && oldKeys == uint64(len(ks)) {
					st.Unchanged++
					continue
				}
				was, err := w.fingerprint(old)
				if err != nil {
					return fmt.Errorf("replace document %s: %w", id, err)
				}
				// The same text, keys and sets, read otherwise for
				// attribution by a newer reprint (its garbling, its
				// agency): updated where it is, keeping its place in
				// the index's order, which ties go by.
				if oldKeys == uint64(len(ks)) && reprint.SameShingles(was, fps[i]) {
					if t, err := w.text(old); err != nil {
						return fmt.Errorf("document %s: %w", id, err)
					} else if t == docs[i].Text {
						// Its first source kept, as for an identical one.
						b, err := fps[i].WithSource(was.Source()).MarshalBinary()
						if err != nil {
							return fmt.Errorf("document %s: %w", id, err)
						}
						if err := w.docs.Put(u32(old), b); err != nil {
							return fmt.Errorf("document %s: %w", id, err)
						}
						st.Unchanged++
						continue
					}
				}
				unrelated, err := w.unrelated(old, was, fps[i], docs[i].Text)
				if err != nil {
					return fmt.Errorf("document %s: %w", id, err)
				}
				if err := w.remove(old, was, oldKeys); err != nil {
					return fmt.Errorf("replace document %s: %w", id, err)
				}
				st.Replaced++
				if unrelated {
					st.Unrelated = append(st.Unrelated, id)
				}
			} else {
				st.Added++
			}
			num, err := w.put(id, enc[i], texts[i], len(ks))
			if err != nil {
				return fmt.Errorf("document %s: %w", id, err)
			}
			w.dfOps = append(w.dfOps, docFreqOp{fps[i], true})
			for _, k := range ks {
				batch = append(batch, posting{k, num})
			}
		}
		w.countDocFreq() // while the postings are written
		if err := w.addSegment(batch); err != nil {
			return err
		}
		return w.finish()
	})
	if err != nil {
		return AddStats{}, ix.wrap("add", err)
	}
	if ix.tokenizer < shingle.TokenizerVersion {
		if err := ix.noteReadded(docs); err != nil {
			return st, ix.wrap("add", err)
		}
	}
	return st, nil
}

// noteReadded counts the documents of an index made by an older tokenizer
// that this one has fingerprinted again (added, replaced, or found the
// same); once they are all of its documents, the index is marked as this
// tokenizer's, and OldTokenizer's warning ends.
func (ix *Index) noteReadded(docs []reprint.Document) error {
	if ix.readded == nil {
		ix.readded = map[string]struct{}{}
	}
	for _, d := range docs {
		ix.readded[d.ID] = struct{}{}
	}
	var all bool
	if err := ix.view(func(tx *bolt.Tx) error {
		all = uint64(len(ix.readded)) >= getU64(tx.Bucket(bMeta), mDocs)
		return nil
	}); err != nil || !all {
		return err
	}
	err := ix.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bMeta).Put(mTokens, u64(shingle.TokenizerVersion))
	})
	if err == nil {
		ix.tokenizer, ix.readded = shingle.TokenizerVersion, nil
	}
	return err
}

// Candidates returns the IDs of the indexed documents that share at least
// one of keys, most shared keys first, then in the order they were added;
// at most limit of them when limit > 0. A key shared by more than
// Options.MaxPostings documents is skipped, and documents sharing fewer
// than Options.MinShared keys are left out.
func (ix *Index) Candidates(keys []uint64, limit int) ([]string, error) {
	return ix.CandidatesSharing(keys, limit, ix.opts.MinShared)
}

// CandidatesSharing is Candidates with documents sharing fewer than least
// keys left out (at least Options.MinShared): a check looks for the
// copies of a story among those sharing most of its keys.
func (ix *Index) CandidatesSharing(keys []uint64, limit, least int) ([]string, error) {
	least = max(least, ix.opts.MinShared)
	ks := slices.Clone(keys)
	slices.Sort(ks)
	ks = slices.Compact(ks)
	var ids []string
	err := ix.view(func(tx *bolt.Tx) error {
		segs := segments(tx)
		pc := tx.Bucket(bPostings).Cursor()
		shared := map[uint32]int{}
		var nums []uint32
		for _, k := range ks {
			nums = nums[:0]
			for _, s := range segs {
				nums = appendLookup(nums, pc, s.id, k)
				if len(nums) > ix.opts.MaxPostings {
					break
				}
			}
			if len(nums) > ix.opts.MaxPostings {
				continue
			}
			for _, n := range nums {
				shared[n]++
			}
		}
		type cand struct {
			num    uint32
			shared int
		}
		cands := make([]cand, 0, len(shared))
		for n, c := range shared {
			if c >= least {
				cands = append(cands, cand{n, c})
			}
		}
		slices.SortFunc(cands, func(a, b cand) int {
			if a.shared != b.shared {
				return b.shared - a.shared
			}
			return int(int64(a.num) - int64(b.num))
		})
		nb := tx.Bucket(bNums)
		for _, c := range cands {
			if limit > 0 && len(ids) >= limit {
				break
			}
			id := nb.Get(u32(c.num))
			if id == nil { // replaced: postings not yet merged away
				continue
			}
			ids = append(ids, string(id))
		}
		return nil
	})
	if err != nil {
		return nil, ix.wrap("candidates", err)
	}
	return ids, nil
}

// Get returns the fingerprints and texts of the documents with the given
// IDs, in that order. An ID that is not indexed is an error.
func (ix *Index) Get(ids []string) ([]*reprint.Fingerprint, []string, error) {
	_, fps, texts, err := ix.get(ids, false)
	return fps, texts, err
}

// GetSorted returns ids in the order their documents were added (a
// replaced document counts as added when it was replaced), and their
// fingerprints and texts in that order, all read at once. An ID that is
// not indexed is an error.
func (ix *Index) GetSorted(ids []string) ([]string, []*reprint.Fingerprint, []string, error) {
	return ix.get(ids, true)
}

// get reads the documents ids, sorted into add order first if sorted.
func (ix *Index) get(ids []string, sorted bool) ([]string, []*reprint.Fingerprint, []string, error) {
	type doc struct {
		id  string
		num []byte
	}
	docs := make([]doc, len(ids))
	fps := make([]*reprint.Fingerprint, len(ids))
	texts := make([]string, len(ids))
	err := ix.view(func(tx *bolt.Tx) error {
		ib, db, tb := tx.Bucket(bIDs), tx.Bucket(bDocs), tx.Bucket(bTexts)
		for i, id := range ids {
			v := ib.Get([]byte(id))
			if v == nil {
				return fmt.Errorf("document %q: %w", id, ErrNotFound)
			}
			docs[i] = doc{id, v[:4]} // valid for the transaction
		}
		if sorted { // big-endian numbers sort as bytes
			slices.SortFunc(docs, func(a, b doc) int { return bytes.Compare(a.num, b.num) })
		}
		for i, d := range docs {
			fp := new(reprint.Fingerprint)
			if err := fp.UnmarshalBinary(db.Get(d.num)); err != nil {
				return &undecodableError{fmt.Sprintf("document %q", d.id), err}
			}
			text, err := decodeText(tb.Get(d.num))
			if err != nil {
				return &undecodableError{fmt.Sprintf("document %q: text", d.id), err}
			}
			fps[i], texts[i] = fp, text
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, ix.wrap("get", err)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.id
	}
	return out, fps, texts, nil
}

// Has reports whether a document with this ID is indexed.
func (ix *Index) Has(id string) (bool, error) {
	var ok bool
	err := ix.view(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bIDs).Get([]byte(id)) != nil
		return nil
	})
	return ok, ix.wrap("has", err)
}

// OldTokenizer reports whether the index's documents were fingerprinted
// by an older tokenizer (shingle.TokenizerVersion): those with text it
// reads differently (Cyrillic or Greek, invisible characters, Unicode
// forms other than NFC) match new articles only once added again.
func (ix *Index) OldTokenizer() bool { return ix.tokenizer < shingle.TokenizerVersion }

// OldTokenizerWarning is what to tell a user of an index for which
// OldTokenizer is true.
func OldTokenizerWarning(path string) string {
	return fmt.Sprintf("index %s was built by an older reprint, which read Cyrillic and Greek text, invisible characters inside words, decomposed accents, fullwidth letters and Arabic and Hebrew marks differently: its articles with such text match new ones only once added again (reprint index add of the whole corpus again, which also ends this warning, or a new index)", path)
}

// Stats describes an index.
type Stats struct {
	Path          string `json:"path"`
	FormatVersion int    `json:"format_version"`
	// TokenizerVersion is the shingle.TokenizerVersion its documents were
	// fingerprinted with (1: before it was recorded).
	TokenizerVersion int   `json:"tokenizer_version"`
	Documents        int   `json:"documents"`
	Postings         int64 `json:"postings"`   // live (key, document) entries
	Segments         int   `json:"segments"`   // posting segments a lookup visits
	FileBytes        int64 `json:"file_bytes"` // size of the file on disk (bbolt grows it ahead of its data)
	// CommonShingles counts the shingles that checks leave out as
	// boilerplate (found in more than max_doc_freq of the documents):
	// literal and rewrite channel together.
	CommonShingles int            `json:"common_shingles"`
	Params         reprint.Params `json:"params"`
}

// Stats returns the index's counts and parameters.
func (ix *Index) Stats() (Stats, error) {
	st := Stats{Path: ix.path, FormatVersion: FormatVersion, TokenizerVersion: ix.tokenizer, Params: ix.params}
	err := ix.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		st.Documents = int(getU64(m, mDocs))
		st.Postings = int64(getU64(m, mPostings))
		st.Segments = len(segments(tx))
		st.FileBytes = tx.Size()
		return nil
	})
	if fi, serr := os.Stat(ix.path); err == nil && serr == nil {
		st.FileBytes = fi.Size() // what ls shows, not the data's high-water mark
	}
	if err != nil {
		return st, ix.wrap("stats", err)
	}
	df, err := ix.DocFreq()
	if err != nil {
		return st, err
	}
	if df != nil {
		lit, rw := df.Common(ix.params.MaxDocFreq)
		st.CommonShingles = lit + rw
	}
	return st, nil
}

// DocFreq returns the counts of the documents holding each frequent
// shingle, as of the last Add, for reprint.Detector.ResolveCommon; nil
// for an index made before they were kept, until its next Add counts
// them. Nothing is read again until another Add commits.
func (ix *Index) DocFreq() (*reprint.DocFreq, error) {
	var df *reprint.DocFreq
	err := ix.view(func(tx *bolt.Tx) error {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		if ix.dfSet && ix.dfTx == tx.ID() {
			df = ix.df
			return nil
		}
		var v []byte
		if b := tx.Bucket(bDocFreq); b != nil {
			v = b.Get(kDocFreq)
		}
		if v != nil {
			df = new(reprint.DocFreq)
			if err := df.UnmarshalBinary(v); err != nil {
				return &undecodableError{"shingle counts", err}
			}
		}
		ix.df, ix.dfTx, ix.dfSet = df, tx.ID(), true
		return nil
	})
	if err != nil {
		return nil, ix.wrap("document frequencies", err)
	}
	return df, nil
}

// posting is one (LSH key, document number) entry.
type posting struct {
	key uint64
	num uint32
}

const postingSize = 12

func comparePostings(a, b posting) int {
	switch {
	case a.key < b.key:
		return -1
	case a.key > b.key:
		return 1
	case a.num < b.num:
		return -1
	case a.num > b.num:
		return 1
	}
	return 0
}

// segment is one sorted run of postings.
type segment struct {
	id    uint32
	count uint64
}

// segments lists the segments, oldest first.
func segments(tx *bolt.Tx) []segment {
	var segs []segment
	c := tx.Bucket(bSegs).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		segs = append(segs, segment{binary.BigEndian.Uint32(k), binary.BigEndian.Uint64(v)})
	}
	return segs
}

// appendLookup appends the document numbers stored under key in segment
// seg. The chunk holding key's run starts with key or is the one before the
// first chunk that starts after it.
func appendLookup(dst []uint32, c *bolt.Cursor, seg uint32, key uint64) []uint32 {
	var seek [12]byte
	binary.BigEndian.PutUint32(seek[:4], seg)
	binary.BigEndian.PutUint64(seek[4:], key)
	k, v := c.Seek(seek[:])
	if k == nil || !bytes.Equal(k, seek[:]) {
		k, v = c.Prev()
	}
	if len(k) != 12 || binary.BigEndian.Uint32(k) != seg {
		return dst
	}
	n := len(v) / postingSize
	// Binary search for the first entry with this key.
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if binary.BigEndian.Uint64(v[m*postingSize:]) < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for j := lo; j < n; j++ {
		e := v[j*postingSize:]
		if binary.BigEndian.Uint64(e) != key {
			break
		}
		dst = append(dst, binary.BigEndian.Uint32(e[8:]))
	}
	return dst
}

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func getU64(b *bolt.Bucket, key []byte) uint64 {
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

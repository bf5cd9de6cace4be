package index

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/reprint-dev/reprint"
)

// writer does the work of one Add transaction and keeps its counters.
type writer struct {
	tx                                           *bolt.Tx
	meta, ids, nums, docs, texts, segs, postings *bolt.Bucket
	dead                                         *bolt.Bucket
	ndocs, npostings                             uint64
	nextDoc, nextSeg                             uint32
	// The shingle counts (reprint.DocFreq): decoded, changed and encoded
	// on other goroutines while the batch is written.
	dfb       *bolt.Bucket
	dfLoad    chan docFreqResult // the counts as stored (loadDocFreq)
	dfNew     bool               // counted afresh: to be written even with no change
	dfOps     []docFreqOp        // the batch's changes, in order
	dfCounted chan docFreqResult // the counts to write (countDocFreq)
}

func newWriter(tx *bolt.Tx) *writer {
	w := &writer{
		tx: tx, meta: tx.Bucket(bMeta), ids: tx.Bucket(bIDs), nums: tx.Bucket(bNums),
		docs: tx.Bucket(bDocs), texts: tx.Bucket(bTexts), segs: tx.Bucket(bSegs),
		postings: tx.Bucket(bPostings), dead: tx.Bucket(bDead),
	}
	// These buckets only grow at their end: fill pages completely.
	for _, b := range []*bolt.Bucket{w.nums, w.docs, w.texts, w.segs, w.postings} {
		b.FillPercent = 1
	}
	w.ndocs = getU64(w.meta, mDocs)
	w.npostings = getU64(w.meta, mPostings)
	w.nextDoc = uint32(getU64(w.meta, mNextDoc))
	w.nextSeg = uint32(getU64(w.meta, mNextSeg))
	return w
}

// docFreqOp is one change to the shingle counts: a document counted, or
// taken back.
type docFreqOp struct {
	fp  *reprint.Fingerprint
	add bool
}

type docFreqResult struct {
	df  *reprint.DocFreq
	enc []byte // nil: nothing to write
	err error
}

// loadDocFreq starts decoding the shingle counts on another goroutine, so
// that it overlaps the batch's writes. An index made before they were kept
// has them counted over all its documents now, once.
func (w *writer) loadDocFreq() error {
	b, err := w.tx.CreateBucketIfNotExists(bDocFreq)
	if err != nil {
		return err
	}
	w.dfb = b
	w.dfLoad = make(chan docFreqResult, 1)
	if v := b.Get(kDocFreq); v != nil {
		enc := bytes.Clone(v) // a write transaction may remap the file
		go func() {
			df := new(reprint.DocFreq)
			if err := df.UnmarshalBinary(enc); err != nil {
				w.dfLoad <- docFreqResult{err: &undecodableError{"document frequencies", err}}
				return
			}
			w.dfLoad <- docFreqResult{df: df}
		}()
		return nil
	}
	df := reprint.NewDocFreq()
	err = w.docs.ForEach(func(k, v []byte) error {
		var fp reprint.Fingerprint
		if err := fp.UnmarshalBinary(v); err != nil {
			return &undecodableError{fmt.Sprintf("document number %d", binary.BigEndian.Uint32(k)), err}
		}
		df.Add(&fp)
		return nil
	})
	w.dfLoad <- docFreqResult{df: df}
	w.dfNew = true
	return err
}

// countDocFreq starts applying the batch's changes to the shingle counts
// and encoding them, on another goroutine; finish waits for it.
func (w *writer) countDocFreq() {
	ops, load, write := w.dfOps, w.dfLoad, w.dfNew || len(w.dfOps) > 0
	w.dfCounted = make(chan docFreqResult, 1)
	go func() {
		r := <-load
		if r.err != nil || !write { // nothing to write: rewriting its pages would grow the file
			w.dfCounted <- r
			return
		}
		for _, op := range ops {
			if op.add {
				r.df.Add(op.fp)
			} else {
				r.df.Remove(op.fp)
			}
		}
		r.enc, r.err = r.df.MarshalBinary()
		w.dfCounted <- r
	}()
}

// finish writes the counters and the shingle counts back.
func (w *writer) finish() error {
	if w.dfCounted == nil {
		w.countDocFreq()
	}
	r := <-w.dfCounted
	if r.err != nil {
		return r.err
	}
	if r.enc != nil {
		if err := w.dfb.Put(kDocFreq, r.enc); err != nil {
			return err
		}
	}
	for _, kv := range []struct {
		k []byte
		v uint64
	}{{mDocs, w.ndocs}, {mPostings, w.npostings}, {mNextDoc, uint64(w.nextDoc)}, {mNextSeg, uint64(w.nextSeg)}} {
		if err := w.meta.Put(kv.k, u64(kv.v)); err != nil {
			return err
		}
	}
	return nil
}

// lookup returns the number and key count of the document with this ID.
func (w *writer) lookup(id string) (num uint32, nkeys uint64, ok bool) {
	v := w.ids.Get([]byte(id))
	if len(v) < 4 {
		return 0, 0, false
	}
	n, _ := binary.Uvarint(v[4:])
	return binary.BigEndian.Uint32(v), n, true
}

// same reports whether document num is stored with this encoding, but
// perhaps for its source (the same article read from another file or
// line, or from a renamed feed, is left as it is), and this text. One
// stored in an older encoding is the same if it encodes so now: adding a
// crawl again to an older index changes nothing.
func (w *writer) same(num uint32, enc []byte, text string) (bool, error) {
	if stored := w.docs.Get(u32(num)); !reprint.SameEncoded(stored, enc) {
		if len(stored) == 0 || len(enc) == 0 || stored[0] == enc[0] {
			return false, nil
		}
		var fp reprint.Fingerprint
		if err := fp.UnmarshalBinary(stored); err != nil {
			return false, &undecodableError{"stored fingerprint", err}
		}
		if now, err := fp.MarshalBinary(); err != nil || !reprint.SameEncoded(now, enc) {
			return false, err
		}
	}
	old, err := w.text(num)
	return err == nil && old == text, err
}

// text returns document num's stored text.
func (w *writer) text(num uint32) (string, error) {
	t, err := decodeText(w.texts.Get(u32(num)))
	if err != nil {
		return "", &undecodableError{"stored text", err}
	}
	return t, nil
}

// fingerprint decodes document num's stored fingerprint.
func (w *writer) fingerprint(num uint32) (*reprint.Fingerprint, error) {
	fp := new(reprint.Fingerprint)
	if err := fp.UnmarshalBinary(w.docs.Get(u32(num))); err != nil {
		return nil, &undecodableError{"stored fingerprint", err}
	}
	return fp, nil
}

// remove deletes document num, stored with fingerprint fp and nkeys
// postings. Its postings stay in their segment until the next merge drops
// them.
func (w *writer) remove(num uint32, fp *reprint.Fingerprint, nkeys uint64) error {
	k := u32(num)
	w.dfOps = append(w.dfOps, docFreqOp{fp, false})
	for _, b := range []*bolt.Bucket{w.docs, w.texts, w.nums} {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	if nkeys > 0 {
		if err := w.dead.Put(k, nil); err != nil {
			return err
		}
	}
	w.ndocs--
	w.npostings -= nkeys
	return nil
}

// unrelated reports whether fp, replacing document num (stored with
// fingerprint was), is another article rather than a new version of it:
// it shares under unrelatedOverlap of its shingles with was (reprint.Overlap),
// and the stored text is not text (an index made with another
// tokenization fingerprints the same text otherwise).
func (w *writer) unrelated(num uint32, was, fp *reprint.Fingerprint, text string) (bool, error) {
	if share, ok := reprint.Overlap(was, fp); !ok || share >= unrelatedOverlap {
		return false, nil
	}
	old, err := w.text(num)
	return err == nil && old != text, err
}

// put stores a document under a new number and returns it.
func (w *writer) put(id string, enc, text []byte, nkeys int) (uint32, error) {
	if w.nextDoc == math.MaxUint32 {
		return 0, errors.New("index full: 2^32 documents added")
	}
	num := w.nextDoc
	w.nextDoc++
	k := u32(num)
	v := binary.AppendUvarint(u32(num), uint64(nkeys))
	for _, kv := range []struct {
		b    *bolt.Bucket
		k, v []byte
	}{{w.ids, []byte(id), v}, {w.nums, k, []byte(id)}, {w.docs, k, enc}, {w.texts, k, text}} {
		if err := kv.b.Put(kv.k, kv.v); err != nil {
			return 0, err
		}
	}
	w.ndocs++
	w.npostings += uint64(nkeys)
	return num, nil
}

// addSegment writes batch as a new segment and merges segments as needed.
func (w *writer) addSegment(batch []posting) error {
	if len(batch) == 0 {
		return nil
	}
	slices.SortFunc(batch, comparePostings)
	if err := w.writeSegment(batch); err != nil {
		return err
	}
	return w.merge()
}

// writeSegment writes sorted postings as the next segment, in chunks that
// never split a key's run.
func (w *writer) writeSegment(ps []posting) error {
	seg := w.nextSeg
	w.nextSeg++
	if err := w.segs.Put(u32(seg), u64(uint64(len(ps)))); err != nil {
		return err
	}
	for len(ps) > 0 {
		n := min(chunkPostings, len(ps))
		for n < len(ps) && ps[n].key == ps[n-1].key {
			n++
		}
		key := binary.BigEndian.AppendUint64(u32(seg), ps[0].key)
		chunk := make([]byte, 0, n*postingSize)
		for _, p := range ps[:n] {
			chunk = binary.BigEndian.AppendUint64(chunk, p.key)
			chunk = binary.BigEndian.AppendUint32(chunk, p.num)
		}
		if err := w.postings.Put(key, chunk); err != nil {
			return fmt.Errorf("write segment %d: %w", seg, err)
		}
		ps = ps[n:]
	}
	return nil
}

// merge merges the two newest segments while the newer is at least as
// large as the older and the result stays under maxSegmentPostings, like
// the carries of a binary counter. Postings of replaced documents are
// dropped on the way.
func (w *writer) merge() error {
	segs := segments(w.tx)
	var dead map[uint32]bool
	for len(segs) >= 2 {
		a, b := segs[len(segs)-2], segs[len(segs)-1]
		if b.count < a.count || a.count+b.count > maxSegmentPostings {
			break
		}
		if dead == nil {
			dead = map[uint32]bool{}
			err := w.dead.ForEach(func(k, _ []byte) error {
				dead[binary.BigEndian.Uint32(k)] = true
				return nil
			})
			if err != nil {
				return err
			}
		}
		ps := make([]posting, 0, a.count+b.count)
		seen := map[uint32]bool{}
		for _, s := range []segment{a, b} {
			var err error
			if ps, err = w.readSegment(ps, s.id, dead, seen); err != nil {
				return err
			}
			if err := w.deleteSegment(s.id); err != nil {
				return err
			}
		}
		slices.SortFunc(ps, comparePostings)
		for n := range seen {
			if err := w.dead.Delete(u32(n)); err != nil {
				return err
			}
			delete(dead, n)
		}
		if len(ps) > 0 {
			if err := w.writeSegment(ps); err != nil {
				return err
			}
		}
		segs = segments(w.tx)
	}
	return nil
}

// readSegment appends segment seg's postings to dst, skipping dead
// documents (recorded in seen).
func (w *writer) readSegment(dst []posting, seg uint32, dead, seen map[uint32]bool) ([]posting, error) {
	c := w.postings.Cursor()
	prefix := u32(seg)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(v)%postingSize != 0 {
			return nil, fmt.Errorf("segment %d: corrupt chunk of %d bytes", seg, len(v))
		}
		for e := v; len(e) > 0; e = e[postingSize:] {
			p := posting{binary.BigEndian.Uint64(e), binary.BigEndian.Uint32(e[8:])}
			if dead[p.num] {
				seen[p.num] = true
				continue
			}
			dst = append(dst, p)
		}
	}
	return dst, nil
}

// deleteSegment deletes segment seg's chunks and count.
func (w *writer) deleteSegment(seg uint32) error {
	prefix := u32(seg)
	var keys [][]byte
	c := w.postings.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := w.postings.Delete(k); err != nil {
			return err
		}
	}
	return w.segs.Delete(prefix)
}

// Text codecs: the first byte of a stored text.
const (
	textPlain   = 0
	textDeflate = 1
)

var flateWriters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

// encodeText compresses text with DEFLATE when that makes it smaller.
func encodeText(text string) []byte {
	if len(text) >= 128 {
		var buf bytes.Buffer
		buf.Grow(len(text)/2 + 64)
		buf.WriteByte(textDeflate)
		fw := flateWriters.Get().(*flate.Writer)
		fw.Reset(&buf)
		_, err := io.WriteString(fw, text)
		if err == nil {
			err = fw.Close()
		}
		flateWriters.Put(fw)
		if err == nil && buf.Len() < len(text)+1 {
			return buf.Bytes()
		}
	}
	b := make([]byte, 0, len(text)+1)
	b = append(b, textPlain)
	return append(b, text...)
}

// decodeText reverses encodeText.
func decodeText(b []byte) (string, error) {
	if len(b) == 0 {
		return "", errors.New("missing")
	}
	switch b[0] {
	case textPlain:
		return string(b[1:]), nil
	case textDeflate:
		r := flate.NewReader(bytes.NewReader(b[1:]))
		var sb bytes.Buffer
		sb.Grow(3 * len(b))
		if _, err := sb.ReadFrom(r); err != nil {
			return "", fmt.Errorf("decompress: %w", err)
		}
		return sb.String(), nil
	}
	return "", fmt.Errorf("unknown text codec %d", b[0])
}

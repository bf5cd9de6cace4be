package reprint

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/reprint-dev/reprint/shingle"
)

// ID returns the document's ID.
func (fp *Fingerprint) ID() string { return fp.id }

// Source returns where the document came from ("path" or "path:line").
func (fp *Fingerprint) Source() string { return fp.source }

// Words returns the document's word count.
func (fp *Fingerprint) Words() int { return fp.words }

// Published returns the document's publication time, zero if unknown.
func (fp *Fingerprint) Published() time.Time { return fp.published }

// URL returns the document's address, "" if unknown.
func (fp *Fingerprint) URL() string {
	if fp.meta == nil {
		return ""
	}
	return fp.meta.url
}

// Outlet returns the document's publisher, "" if unknown.
func (fp *Fingerprint) Outlet() string {
	if fp.meta == nil {
		return ""
	}
	return fp.meta.outlet
}

// Info returns what a result tells of the document (Result.Documents).
func (fp *Fingerprint) Info() DocInfo {
	return DocInfo{ID: fp.id, Source: fp.source, Words: fp.words, URL: fp.URL(), Outlet: fp.Outlet(), Published: fp.published}
}

// fingerprintVersion is the first byte of every encoded fingerprint; a
// change to the encoding or to what is fingerprinted changes it.
const fingerprintVersion = 8

// minFingerprintVersion is the oldest encoding UnmarshalBinary reads.
// Version 3 has no day lean (it reads as none) and versions 3 and 4 do
// not mark numbers (every content word counts as a word), so indexes
// built with them keep working. Versions before 7 do not mark Chinese and
// Japanese texts (they read as others). Versions 3 to 5 store the signatures,
// which are read and dropped. Versions before 8 keep no URL or outlet.
const minFingerprintVersion = 3

// MarshalBinary encodes the fingerprint compactly: shingle sets are sorted,
// so they are delta-coded as varints; content-word hashes are fixed 4-byte
// values. Signatures are not stored (a third of the encoding): they follow
// from the sets, and Detector.Keys computes them again when it needs them.
func (fp *Fingerprint) MarshalBinary() ([]byte, error) {
	if fp.sketched() {
		return nil, errors.New("a scan's sketch of a document cannot be stored: it holds no sets")
	}
	return fp.marshal(fingerprintVersion), nil
}

// marshal encodes fp in encoding version v (minFingerprintVersion to
// fingerprintVersion): the older ones, for tests that indexes made with
// them still read.
func (fp *Fingerprint) marshal(v byte) []byte {
	b := make([]byte, 0, 64+4*len(fp.chash)+4*(len(fp.lit)+len(fp.rw)))
	b = append(b, v)
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	str(fp.id)
	str(fp.source)
	if fp.published.IsZero() {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, fp.published.UnixNano())
	}
	b = binary.AppendUvarint(b, uint64(fp.words))
	fixed := func(v []uint64) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		for _, x := range v {
			b = binary.LittleEndian.AppendUint64(b, x)
		}
	}
	fixed32 := func(v []uint32) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		for _, x := range v {
			b = binary.LittleEndian.AppendUint32(b, x)
		}
	}
	sorted := func(v []uint32) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		var prev uint32
		for _, x := range v {
			b = binary.AppendUvarint(b, uint64(x-prev))
			prev = x
		}
	}
	fixed32(fp.chash)
	sorted(fp.lit)
	sorted(fp.rw)
	if v < 6 {
		fixed(fp.sigLit)
		fixed(fp.sigRw)
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(fp.garble))
	str(fp.credit)
	str(fp.wire)
	if v >= 4 {
		b = append(b, byte(fp.days))
	}
	if v >= 5 {
		fixed(fp.nums)
	}
	if v >= 7 {
		var flags byte
		if fp.ideo {
			flags |= 1
		}
		b = append(b, flags)
	}
	if v >= 8 {
		str(fp.URL())
		str(fp.Outlet())
	}
	return b
}

// SameShingles reports whether a and b, complete fingerprints, are the
// same document by all an index keys and counts it by (ID, time, word
// count, content words and shingle sets) and differ at most in their
// source, URL and outlet, and in what is read from the text to name an original (garbling,
// a credited source, an agency, day words): the same article fingerprinted
// again by a reprint that reads those otherwise, which an index updates in
// place rather than replace it (and move it last in its order).
func SameShingles(a, b *Fingerprint) bool {
	if a == nil || b == nil || a.sketched() || b.sketched() {
		return false
	}
	x, y := *a, *b
	for _, f := range []*Fingerprint{&x, &y} {
		f.source, f.garble, f.credit, f.wire, f.days, f.meta = "", 0, "", "", 0, nil
	}
	return bytes.Equal(x.marshal(fingerprintVersion), y.marshal(fingerprintVersion))
}

// WithSource returns a copy of fp that says it came from source: an
// index that updates a stored document in place keeps where it was first
// read from.
func (fp *Fingerprint) WithSource(source string) *Fingerprint {
	c := *fp
	c.source = source
	return &c
}

// SameEncoded reports whether a and b, fingerprints encoded by
// MarshalBinary, are equal but perhaps for their Source: the same
// document read again from another file or line, which an index keeps
// as it is rather than replace it (and move it last in its order).
func SameEncoded(a, b []byte) bool {
	ra, oka := skipSource(a)
	rb, okb := skipSource(b)
	if !oka || !okb {
		return bytes.Equal(a, b)
	}
	return a[0] == b[0] && bytes.Equal(ra[0], rb[0]) && bytes.Equal(ra[1], rb[1])
}

// skipSource returns enc's ID and the bytes after its source; ok is false
// if enc is too short to hold them.
func skipSource(enc []byte) (idAndRest [2][]byte, ok bool) {
	field := func(b []byte) (s, rest []byte, ok bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, nil, false
		}
		return b[k : k+int(n)], b[k+int(n):], true
	}
	if len(enc) == 0 {
		return idAndRest, false
	}
	id, rest, ok := field(enc[1:])
	if !ok {
		return idAndRest, false
	}
	if _, rest, ok = field(rest); !ok {
		return idAndRest, false
	}
	return [2][]byte{id, rest}, true
}

// errCorrupt reports an encoded fingerprint that does not decode.
var errCorrupt = errors.New("corrupt fingerprint")

// UnmarshalBinary decodes what MarshalBinary encoded. It never panics on
// bad input: it returns an error saying what was wrong.
func (fp *Fingerprint) UnmarshalBinary(data []byte) error {
	d := decoder{b: data}
	v := d.byte()
	if v < minFingerprintVersion || v > fingerprintVersion {
		switch {
		case d.err != nil:
			return d.err
		case v > fingerprintVersion:
			return fmt.Errorf("%w: version %d, newer than the %d to %d this reprint reads: written by a newer reprint? (upgrade it)", errCorrupt, v, minFingerprintVersion, fingerprintVersion)
		}
		return fmt.Errorf("%w: version %d, want %d to %d", errCorrupt, v, minFingerprintVersion, fingerprintVersion)
	}
	f := Fingerprint{detail: &detail{}}
	f.id = d.str()
	f.source = d.str()
	if d.byte() == 1 {
		f.published = time.Unix(0, d.varint()).UTC()
	}
	f.words = int(d.uvarint())
	f.chash = d.fixed32()
	f.lit = d.sorted()
	f.rw = d.sorted()
	if v < 6 { // signatures, not kept
		d.fixed()
		d.fixed()
	}
	f.garble = math.Float64frombits(d.u64())
	f.credit = d.str()
	f.wire = d.str()
	if v >= 4 {
		f.days = int8(d.byte())
		if f.days < -1 || f.days > 1 {
			return fmt.Errorf("%w: day lean %d", errCorrupt, f.days)
		}
	}
	if v >= 5 {
		f.nums = d.fixed()
		if len(f.nums) == 0 {
			f.nums = nil
		} else if len(f.nums) != (len(f.chash)+63)/64 {
			return fmt.Errorf("%w: %d number words for %d content words", errCorrupt, len(f.nums), len(f.chash))
		}
	}
	if v >= 7 {
		flags := d.byte()
		if flags > 1 {
			return fmt.Errorf("%w: flags %#x", errCorrupt, flags)
		}
		f.ideo = flags&1 != 0
	}
	if v >= 8 {
		if url, outlet := d.str(), d.str(); url != "" || outlet != "" {
			f.meta = &docMeta{url, outlet}
		}
	}
	if d.err != nil {
		return d.err
	}
	if len(d.b) != 0 {
		return fmt.Errorf("%w: %d trailing bytes", errCorrupt, len(d.b))
	}
	*fp = f
	return nil
}

// decoder reads the encoding, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated", errCorrupt)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) u64() uint64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

// count reads an element count, refusing one larger than the bytes left
// could hold (each element takes at least minBytes), so a corrupt count
// cannot make a huge allocation.
func (d *decoder) count(minBytes int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/minBytes) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count(1)
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) fixed() []uint64 {
	n := d.count(8)
	v := make([]uint64, n)
	for i := range v {
		v[i] = d.u64()
	}
	return v
}

func (d *decoder) fixed32() []uint32 {
	n := d.count(4)
	v := make([]uint32, n)
	for i := range v {
		if len(d.b) < 4 {
			d.fail()
			return nil
		}
		v[i] = binary.LittleEndian.Uint32(d.b)
		d.b = d.b[4:]
	}
	return v
}

// sorted reads a delta-coded set, refusing one that is not strictly
// increasing within 32 bits.
func (d *decoder) sorted() []uint32 {
	n := d.count(1)
	v := make([]uint32, n)
	var prev uint64
	for i := range v {
		delta := d.uvarint()
		if (i > 0 && delta == 0) || delta > math.MaxUint32 || prev+delta > math.MaxUint32 {
			if d.err == nil {
				d.err = fmt.Errorf("%w: set not sorted", errCorrupt)
			}
			d.b = nil
			return nil
		}
		prev += delta
		v[i] = uint32(prev)
	}
	return v
}

// Overlap is the share of the smaller of two fingerprinted texts' literal
// shingles that the other holds too: near 1 for a corrected or updated
// version of an article, near 0 for another article. Index add measures
// it when a document replaces one stored under its ID, to tell a new
// version from another article that happens to have the same name. ok is
// false when it cannot tell: either text has fewer than minOverlap
// shingles (a headline-only brief) or is a scan's sketch.
func Overlap(a, b *Fingerprint) (share float64, ok bool) {
	if a == nil || b == nil || a.sketched() || b.sketched() {
		return 0, false
	}
	n := min(len(a.lit), len(b.lit))
	if n < minOverlap {
		return 0, false
	}
	return float64(shingle.Intersect(a.lit, b.lit)) / float64(n), true
}

// minOverlap is the least number of shingles of each text for Overlap to
// tell: one sentence.
const minOverlap = 10

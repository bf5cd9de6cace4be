// Package minhash computes MinHash signatures of shingle sets with
// github.com/dgryski/go-minhash, seeded deterministically so signatures are
// the same on every run and machine and can be stored.
//
// It is the only package that imports go-minhash. Of that library it uses
// only NewMinWise, Push and Signature: its b-bit functions drop values, its
// Similarity panics on length mismatch, and Signature returns an internal
// slice, so every signature here is a fresh copy.
package minhash

import (
	"encoding/binary"
	"errors"

	minwise "github.com/dgryski/go-minhash"
)

// Signature is a MinHash signature: slot i holds the least value of hash
// function i over the set.
type Signature []uint64

// Signer makes signatures of a fixed length from a fixed seed. It is safe
// for concurrent use.
type Signer struct {
	size int
	seed uint64
}

// NewSigner returns a Signer of numHash slots seeded by seed.
func NewSigner(numHash int, seed uint64) *Signer {
	return &Signer{size: numHash, seed: seed}
}

// Size returns the signature length.
func (s *Signer) Size() int { return s.size }

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Sign returns the signature of the set of 64-bit shingle hashes. Each
// hash is fed to go-minhash as its 8-byte little-endian form; the two base
// hash functions are seeded splitmix64 finalizers of it, the second forced
// odd. The result is a fresh slice that the caller owns.
func (s *Signer) Sign(hashes []uint64) Signature {
	seed1, seed2 := mix(s.seed), mix(s.seed^0x9e3779b97f4a7c15)
	h1 := func(b []byte) uint64 { return mix(binary.LittleEndian.Uint64(b) ^ seed1) }
	h2 := func(b []byte) uint64 { return mix(binary.LittleEndian.Uint64(b)^seed2) | 1 }
	mw := minwise.NewMinWise(h1, h2, s.size)
	var buf [8]byte
	for _, h := range hashes {
		binary.LittleEndian.PutUint64(buf[:], h)
		mw.Push(buf[:])
	}
	return append(Signature(nil), mw.Signature()...)
}

// ErrLength reports signatures of different lengths.
var ErrLength = errors.New("minhash: signatures differ in length")

// Similarity estimates the Jaccard similarity of the sets behind a and b:
// the share of slots where they agree. Empty sets' slots (all max) agree.
func Similarity(a, b Signature) (float64, error) {
	if len(a) != len(b) {
		return 0, ErrLength
	}
	if len(a) == 0 {
		return 0, nil
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / float64(len(a)), nil
}

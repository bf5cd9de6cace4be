package gen

import (
	"math"

	"github.com/reprint-dev/reprint/shingle"
)

// rng is splitmix64: tiny, fast and identical on every platform, so that a
// seed names one corpus forever.
type rng struct{ s uint64 }

// mix is the splitmix64 finalizer.
var mix = shingle.Mix

// Streams of per-document generators: one document's text can be
// regenerated from its index alone, by any worker, in any order.
const (
	streamText    = iota // the original's text
	streamDerive         // the derivation applied to make a planted document
	streamFooter         // whether an original carries the boilerplate footer
	streamTime           // the publication time's jitter
	streamPlanner        // the sequential plan
	streamLexicon        // the fixed vocabulary (seed independent)
)

// newRNG returns the generator of stream for document i under seed.
func newRNG(seed uint64, i int, stream uint64) rng {
	return rng{mix(seed*0x9e3779b97f4a7c15 ^ mix(uint64(i)<<4|stream))}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix(r.s)
}

// intn returns a uniform int in [0, n); n must be in (0, 2^32).
func (r *rng) intn(n int) int {
	return int((r.next() >> 32 * uint64(n)) >> 32)
}

// between returns a uniform int in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a uniform float64 in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// zipf draws ranks in [0, n) with probability ≈ 1/(rank+q): a continuous
// Zipf–Mandelbrot law sampled by inverting its CDF, so a draw costs one Exp.
type zipf struct {
	n    int
	q, l float64
}

func newZipf(n int, q float64) zipf {
	return zipf{n: n, q: q, l: math.Log((float64(n) + q) / q)}
}

func (z zipf) draw(r *rng) int {
	k := int(z.q*math.Exp(r.float()*z.l) - z.q)
	return min(max(k, 0), z.n-1)
}

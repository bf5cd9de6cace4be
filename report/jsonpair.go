package report

import (
	"math"
	"strconv"

	"github.com/reprint-dev/reprint/internal/jsonstr"
)

// appendPair appends p as json.Encoder with SetIndent(prefix, "  ") and
// SetEscapeHTML(false) writes it, without the final newline. Pairs are
// most of a large report, and the encoder's indenting pass over their
// passages' text was its largest cost. TestAppendPairLikeEncoder and
// FuzzAppendJSONString check it byte for byte against the encoder.
func appendPair(b []byte, p JSONPair, prefix string) []byte {
	in1, in2, in3 := prefix+"  ", prefix+"    ", prefix+"      "
	key := func(b []byte, indent, name string, first bool) []byte {
		if !first {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, indent...)
		b = append(b, '"')
		b = append(b, name...)
		return append(b, `": `...)
	}
	b = append(b, '{')
	b = appendJSONString(key(b, in1, "a", true), p.A)
	b = appendJSONString(key(b, in1, "b", false), p.B)
	b = appendJSONString(key(b, in1, "relation", false), string(p.Relation))
	b = appendJSONString(key(b, in1, "original", false), p.Original)
	b = appendJSONString(key(b, in1, "reason", false), p.Reason)
	b = appendJSONString(key(b, in1, "original_by", false), p.OriginalBy)
	b = appendJSONFloat(key(b, in1, "score", false), p.Score)
	b = appendJSONFloat(key(b, in1, "jaccard", false), p.Jaccard)
	b = appendJSONFloat(key(b, in1, "containment_ab", false), p.ContainAB)
	b = appendJSONFloat(key(b, in1, "containment_ba", false), p.ContainBA)
	b = key(b, in1, "passages", false)
	if p.Passages == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, ps := range p.Passages {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in2...)
			b = append(b, '{')
			b = strconv.AppendInt(key(b, in3, "a_start", true), int64(ps.AStart), 10)
			b = strconv.AppendInt(key(b, in3, "a_end", false), int64(ps.AEnd), 10)
			b = strconv.AppendInt(key(b, in3, "b_start", false), int64(ps.BStart), 10)
			b = strconv.AppendInt(key(b, in3, "b_end", false), int64(ps.BEnd), 10)
			b = appendJSONString(key(b, in3, "text", false), ps.Text)
			b = append(b, '\n')
			b = append(b, in2...)
			b = append(b, '}')
		}
		if len(p.Passages) > 0 {
			b = append(b, '\n')
			b = append(b, in1...)
		}
		b = append(b, ']')
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // clean up e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString appends s quoted as encoding/json writes a string with
// HTML escaping off.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = jsonstr.Append(b, s)
	return append(b, '"')
}

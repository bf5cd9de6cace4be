package reprint

import (
	"errors"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

func TestViewCache(t *testing.T) {
	big := strings.Repeat("x", 256<<10) // a view of 256 KB: a shard holds 4
	tests := []struct {
		name      string
		text      string
		docs      int
		rounds    int // each of 8 workers asks for every document this often
		extra     int32
		wantLoads func(loads, docs int) bool
		want      string
		wantKept  bool // views left in the cache when the run is done
	}{
		{"all fit: each read once", "short text", 500, 4, 0, func(n, d int) bool { return n == d }, "one a document", false},
		{"asked once: never kept", "short text", 500, 0, 0, func(n, d int) bool { return n == d }, "one a document", false},
		{"too many: bounded, read again", big, 2000, 2, 0, func(n, d int) bool { return n > d }, "more than one a document", false},
		{"fewer asks than said: still kept", "short text", 300, 1, 1, func(n, d int) bool { return n == d }, "one a document", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var loads atomic.Int64
			workers := 8
			per := int32(workers*tt.rounds) + tt.extra
			if tt.rounds == 0 {
				workers, per = 1, 1
			}
			uses := make([]int32, tt.docs)
			for i := range uses {
				uses[i] = per
			}
			c := newViewCache(func(i int) (*view, error) {
				loads.Add(1)
				return &view{text: tt.text, fp: Fingerprint{detail: &detail{}}}, nil
			}, uses)
			var wg sync.WaitGroup
			for w := range workers {
				wg.Go(func() {
					for r := range max(tt.rounds, 1) {
						for i := range tt.docs {
							k := (i + 7*w + 13*r) % tt.docs
							v, err := c.get(k)
							if err != nil || v.text != tt.text {
								t.Errorf("doc %d: got a wrong view (err %v)", k, err)
								return
							}
						}
					}
				})
			}
			wg.Wait()
			if n := int(loads.Load()); !tt.wantLoads(n, tt.docs) {
				t.Errorf("got %d loads of %d documents, want %s", n, tt.docs, tt.want)
			}
			held := 0
			for k := range c.shards {
				sh := &c.shards[k]
				if sh.bytes > viewCacheBytes/viewShards+len(big)+1024 {
					t.Errorf("shard %d: got %d bytes held, want at most the budget %d and one view", k, sh.bytes, viewCacheBytes/viewShards)
				}
				sum := 0
				for _, e := range sh.m {
					if e.counted {
						sum += e.size
					}
				}
				if sum != sh.bytes {
					t.Errorf("shard %d: got %d bytes counted, want %d, the sum of its entries", k, sh.bytes, sum)
				}
				held += len(sh.m)
			}
			if (held > 0) != tt.wantKept {
				t.Errorf("got %d views left after the run, want any: %v", held, tt.wantKept)
			}
		})
	}
}

// TestViewCacheError checks that a failed read is returned and not kept:
// the next ask reads again.
func TestViewCacheError(t *testing.T) {
	fail := true
	c := newViewCache(func(i int) (*view, error) {
		if fail {
			return nil, errors.New("gone")
		}
		return &view{text: "back", fp: Fingerprint{detail: &detail{}}}, nil
	}, []int32{0, 0, 0, 5})
	if _, err := c.get(3); err == nil {
		t.Fatalf("got no error, want the read's")
	}
	fail = false
	if v, err := c.get(3); err != nil || v.text != "back" {
		t.Errorf("got %v, %v, want the view read again", v, err)
	}
}

// TestViewCacheStress has workers ask in random orders exactly uses[i]
// times, some reads failing, views big enough to evict: afterwards
// nothing may be held and every shard's bytes must be 0.
func TestViewCacheStress(t *testing.T) {
	big := strings.Repeat("y", 200<<10)
	for round := range 20 {
		docs := 3000
		uses := make([]int32, docs)
		var asks []int
		r := rand.New(rand.NewPCG(uint64(round), 7))
		for i := range uses {
			uses[i] = int32(r.IntN(6))
			for range uses[i] {
				asks = append(asks, i)
			}
		}
		r.Shuffle(len(asks), func(a, b int) { asks[a], asks[b] = asks[b], asks[a] })
		var loads atomic.Int64
		c := newViewCache(func(i int) (*view, error) {
			n := loads.Add(1)
			if n%97 == 0 {
				return nil, errors.New("flaky")
			}
			text := "short"
			if i%3 == 0 {
				text = big
			}
			return &view{text: text, fp: Fingerprint{detail: &detail{}}}, nil
		}, uses)
		var wg sync.WaitGroup
		var next atomic.Int64
		for range 8 {
			wg.Go(func() {
				for {
					k := int(next.Add(1)) - 1
					if k >= len(asks) {
						return
					}
					v, err := c.get(asks[k])
					if err == nil && v == nil {
						t.Errorf("doc %d: got nil view, no error", asks[k])
					}
				}
			})
		}
		wg.Wait()
		for k := range c.shards {
			sh := &c.shards[k]
			if len(sh.m) != 0 || sh.bytes != 0 {
				t.Fatalf("round %d shard %d: got %d entries, %d bytes after every ask; want 0, 0", round, k, len(sh.m), sh.bytes)
			}
			if len(sh.queue) > 2*len(sh.m)+64+8 {
				t.Errorf("round %d shard %d: got a queue of %d ids for %d entries, want at most %d", round, k, len(sh.queue), len(sh.m), 2*len(sh.m)+72)
			}
		}
	}
}

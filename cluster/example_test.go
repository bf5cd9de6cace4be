package cluster_test

import (
	"fmt"

	"github.com/reprint-dev/reprint/cluster"
)

func ExampleUnionFind_Components() {
	u := cluster.New(6)
	u.Union(4, 1) // 1 and 4 are copies
	u.Union(5, 0)
	u.Union(1, 5)
	fmt.Println(u.Find(0) == u.Find(4), u.Find(2) == u.Find(3))
	fmt.Println(u.Components(2))
	fmt.Println(u.Components(1))
	// Output:
	// true false
	// [[0 1 4 5]]
	// [[0 1 4 5] [2] [3]]
}

package main

import (
	"bytes"
	"context"
	"testing"
)

// TestGenPlantedNaN checks that gen refuses --planted NaN as a bad flag
// value (exit 2); a check with < and > let it pass and planted nothing.
func TestGenPlantedNaN(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"planted NaN", []string{"gen", "-n", "10", "--planted", "NaN"}, exitUsage},
		{"planted nan", []string{"gen", "-n", "10", "--planted", "nan"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(context.Background(), tt.args, nil, &out, &errb); got != tt.want {
				t.Errorf("got exit %d, want %d (stderr %s)", got, tt.want, errb.String())
			}
		})
	}
}

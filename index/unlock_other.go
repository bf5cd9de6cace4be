//go:build windows || plan9 || solaris || aix || android

package index

import "os"

// unlock does nothing: bbolt's lock on these systems ends when f is closed.
func unlock(*os.File) error { return nil }

//go:build !windows && !plan9 && !solaris && !aix && !android

package index

import (
	"os"
	"syscall"
)

// unlock releases bbolt's flock on f before f is closed: a memory mapping
// of the file would keep the lock after the close.
func unlock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

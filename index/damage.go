package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// ErrDamaged is wrapped by the errors for an index file that is truncated or
// corrupted, from Open (which compares the file's size with the pages it
// should hold) or from the first method that meets a bad page: bbolt panics
// on those, and the methods return the panic as an error instead.
var ErrDamaged = errors.New("damaged (truncated or corrupted)")

// ErrCreate is wrapped by the errors of an Open that could not create a new
// index, as opposed to one that could not read an existing index.
var ErrCreate = errors.New("cannot create index")

// kindError is an error with its own message that wraps a kind (ErrDamaged,
// ErrCreate, bolt.ErrTimeout) and its cause.
type kindError struct {
	msg  string
	errs []error
}

func (e *kindError) Error() string   { return e.msg }
func (e *kindError) Unwrap() []error { return e.errs }

// damaged returns the ErrDamaged error for the file path.
func damaged(path string, cause error) error {
	return &kindError{fmt.Sprintf("index %s is %v: %v", path, ErrDamaged, cause), []error{ErrDamaged, cause}}
}

// createError returns the ErrCreate error for the index path. An error of
// the os package is reduced to its cause, so that the message names the
// user's file, not the temporary one.
func createError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &kindError{fmt.Sprintf("create index %s: %v", path, err), []error{ErrCreate, err}}
}

// inUseError is the error of an Open that timed out waiting for the file
// lock: a writer holds it exclusively; readers share it, and a writer waits
// for them too.
func inUseError(path string, readOnly bool, timeout time.Duration) error {
	who := "an index add or filter --add writing it"
	if !readOnly {
		who += ", or a check, filter, serve or index stats reading it"
	}
	return &kindError{fmt.Sprintf("open index %s: in use by another process (%s); gave up after %v", path, who, timeout), []error{ErrLocked, bolt.ErrTimeout}}
}

// catch is deferred, as defer catch(path, &err, onPanic)(), around calls
// into bbolt: it turns a panic or a memory fault (debug.SetPanicOnFault)
// met on a damaged file into an ErrDamaged error in *err, after calling
// onPanic if it is not nil.
func catch(path string, err *error, onPanic func()) func() {
	onFault := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(onFault)
		r := recover()
		if r == nil {
			return
		}
		cause, ok := r.(error)
		if !ok {
			cause = fmt.Errorf("%v", r)
		}
		var re runtime.Error
		if errors.As(cause, &re) {
			// An index out of range or a fault is bbolt reading a bad
			// page: say so, not what the Go runtime says.
			cause = &kindError{"a page does not decode", []error{cause}}
		}
		*err = damaged(path, cause)
		if onPanic != nil {
			onPanic()
		}
	}
}

// openDB opens the bbolt file at path and checks that it is as long as its
// meta page says. It returns the file too, so that a DB that cannot be
// closed can release its lock.
func openDB(path string, readOnly bool, timeout time.Duration) (db *bolt.DB, file *os.File, err error) {
	defer catch(path, &err, func() {
		switch {
		case db != nil:
			db.Close() // a read transaction ends even when it panics
		case file != nil: // bbolt's mapping of the file stays
			unlock(file)
			file.Close()
		}
		db, file = nil, nil
	})()
	db, err = bolt.Open(path, 0o644, &bolt.Options{
		ReadOnly:     readOnly,
		Timeout:      timeout,
		FreelistType: bolt.FreelistMapType,
		OpenFile:     fileOpener(&file),
	})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, nil, err // the caller knows the mode
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrChecksum), errors.Is(err, bolt.ErrVersionMismatch),
		err != nil && strings.Contains(err.Error(), "file size too small"):
		return nil, nil, damaged(path, err)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == path {
			err = pe.Err
		}
		return nil, nil, fmt.Errorf("open index %s: %w", path, err)
	}
	// A truncated file ends before its last page: bbolt would read past
	// the end of the file (a panic or a fault). tx.Size is the high-water
	// mark of the meta page.
	var size int64
	err = db.View(func(tx *bolt.Tx) error {
		size = tx.Size()
		return nil
	})
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open index %s: %w", path, err)
	}
	fi, err := file.Stat()
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open index %s: %w", path, err)
	}
	if fi.Size() < size {
		db.Close()
		return nil, nil, damaged(path, fmt.Errorf("the file has %d bytes, its pages need %d", fi.Size(), size))
	}
	return db, file, nil
}

// fileOpener returns a bolt.Options.OpenFile that keeps the file it opens
// in *f.
func fileOpener(f **os.File) func(string, int, os.FileMode) (*os.File, error) {
	return func(name string, flag int, perm os.FileMode) (*os.File, error) {
		var err error
		*f, err = os.OpenFile(name, flag, perm)
		return *f, err
	}
}

// brokenState records a write transaction that panicked.
type brokenState struct {
	err error
	// locked: bbolt may still hold its write lock (the panic came before
	// the transaction closed), so that DB.Close would wait for ever.
	locked bool
	closed atomic.Bool // by Close
}

// view runs fn in a read transaction, returning a panic as ErrDamaged.
func (ix *Index) view(fn func(*bolt.Tx) error) (err error) {
	if b := ix.broken.Load(); b != nil {
		return b.err
	}
	defer catch(ix.path, &err, nil)()
	return ix.db.View(fn)
}

// update runs fn in a write transaction, returning a panic as ErrDamaged;
// after one, every method but Close returns that error.
func (ix *Index) update(fn func(*bolt.Tx) error) (err error) {
	if b := ix.broken.Load(); b != nil {
		return b.err
	}
	var tx *bolt.Tx
	defer catch(ix.path, &err, func() {
		// A closed transaction has no DB: it released the lock.
		ix.broken.Store(&brokenState{err: err, locked: tx == nil || tx.DB() != nil})
	})()
	return ix.db.Update(func(t *bolt.Tx) error {
		tx = t
		return fn(t)
	})
}

// wrap adds the path and the operation to an error of a method, except to
// an ErrDamaged one, which names the file already. A stored value that
// does not decode (undecodable) is damage too.
func (ix *Index) wrap(op string, err error) error {
	var ue *undecodableError
	switch {
	case err == nil || errors.Is(err, ErrDamaged):
		return err
	case errors.As(err, &ue):
		return damaged(ix.path, fmt.Errorf("%s: %w", op, err))
	case errors.Is(err, bolt.ErrDatabaseNotOpen):
		return fmt.Errorf("index %s: %s: %w", ix.path, op, ErrClosed)
	case errors.Is(err, bolt.ErrDatabaseReadOnly), errors.Is(err, bolt.ErrTxNotWritable):
		return fmt.Errorf("index %s: %s: %w", ix.path, op, ErrReadOnly)
	}
	return fmt.Errorf("index %s: %s: %w", ix.path, op, err)
}

// undecodableError is a stored value (a fingerprint, a text, the shingle
// counts) that does not decode: the file holds bytes the index did not
// write.
type undecodableError struct {
	what string
	err  error
}

func (e *undecodableError) Error() string { return e.what + ": " + e.err.Error() }
func (e *undecodableError) Unwrap() error { return e.err }

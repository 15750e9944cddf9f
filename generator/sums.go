package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A rebuild keeps each file of the spare that already holds the wanted
// bytes. Reading every kept file to see so (an open, a stat, a read and a
// close) was a tenth of a rebuild's CPU and most of its writing. The sums
// file beside the output ("."+base+".sums") lets a build see it from one
// lstat: it records, for each file the last two builds wrote or kept, the
// file's identity as the system sees it (device, inode, size, mtime,
// ctime) and a SHA-256 of its bytes. A file whose identity is still the
// recorded one holds the recorded bytes: builds never change a file in
// place (syncTree creates a differing one anew), and anything else that
// writes to it or replaces it changes its ctime, which nothing but the
// kernel sets.
//
// Except within the clock's resolution: a file changed in the same tick
// as it was recorded can keep its ctime. As git does with its index, a
// record vouches for a file only when the file's ctime is well before the
// moment the recording build started (racyWindow): a file written since
// then is compared by reading it, as without the sums, and recorded
// again by the build that keeps it. The sums are only ever a shortcut:
// a record that does not match, a sums file that is missing, damaged or
// another build's, costs reading the file, never a wrong one kept.

// fileID is a file's identity as the system reports it; ok is false
// where it cannot be read (then nothing is recorded or trusted).
type fileID struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64 // ns since the epoch
}

// sumRecord is what a build knew of one file.
type sumRecord struct {
	ID    fileID
	Sum   [sha256.Size]byte
	Since int64 // when the recording build started, in ns since the epoch
	Gen   uint64
}

// racyWindow is how long before a build started a file's ctime must be
// for the build's record to vouch for it: more than the kernel's coarse
// clock's tick, by which file times lag the wall clock, and on a file
// system that keeps whole seconds (a ctime with no fraction), more than a
// second.
func racyWindow(ctime int64) int64 {
	if ctime%int64(time.Second) == 0 {
		return int64(2 * time.Second)
	}
	return int64(100 * time.Millisecond)
}

// sums are the records a build reads, and those it makes.
type sums struct {
	old   map[fileID]sumRecord
	gen   uint64 // the records' newest generation: the last build's
	since int64  // when this build started

	mu  sync.Mutex
	new []sumRecord
}

// readSums reads the sums file at path; any problem with it leaves no
// records, which only costs reading the files.
func readSums(path string, start time.Time) *sums {
	s := &sums{old: map[fileID]sumRecord{}, since: start.UnixNano()}
	b, err := os.ReadFile(path)
	if err != nil {
		return s
	}
	recs, ok := decodeSums(b)
	if !ok {
		return s
	}
	for _, r := range recs {
		s.old[r.ID] = r
		s.gen = max(s.gen, r.Gen)
	}
	return s
}

// holds says whether the file that fi describes certainly holds b: a
// record of it, made well after the file was last changed, has b's sum.
func (s *sums) holds(fi fs.FileInfo, b []byte, sum [sha256.Size]byte) bool {
	id, ok := idOf(fi)
	if !ok || id.Size != int64(len(b)) {
		return false
	}
	r, ok := s.old[id]
	return ok && id.Ctime < r.Since-racyWindow(id.Ctime) && r.Sum == sum
}

// record notes that the file fi describes holds bytes whose sum is sum.
func (s *sums) record(fi fs.FileInfo, sum [sha256.Size]byte) {
	if id, ok := idOf(fi); ok {
		s.mu.Lock()
		s.new = append(s.new, sumRecord{ID: id, Sum: sum, Since: s.since, Gen: s.gen + 1})
		s.mu.Unlock()
	}
}

// write replaces the sums file at path with this build's records and the
// last build's (its site is the next build's spare), through a temporary
// file and a rename. It is best effort: a build that cannot write them
// has lost nothing but the shortcut.
func (s *sums) write(path string) {
	if len(s.new) == 0 {
		return // nothing could be recorded here (idOf)
	}
	recs := s.new
	for _, r := range s.old {
		if r.Gen == s.gen {
			recs = append(recs, r)
		}
	}
	b := encodeSums(recs)
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-")
	if err != nil {
		return
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err != nil || cerr != nil || os.Rename(f.Name(), path) != nil {
		os.Remove(f.Name())
	}
}

// The sums file is its records in a fixed layout (sumsMagic, then
// sumsRecordSize bytes each, little-endian), then a SHA-256 of all that:
// a file cut short or damaged is no file. encoding/gob took 13 ms to
// write 4,000 records and as long to read them, a tenth of a rebuild's
// writing.
const (
	sumsMagic      = "gointernals sums 1\n"
	sumsRecordSize = 6*8 + sha256.Size + 8
)

func encodeSums(recs []sumRecord) []byte {
	b := make([]byte, 0, len(sumsMagic)+len(recs)*sumsRecordSize+sha256.Size)
	b = append(b, sumsMagic...)
	le := binary.LittleEndian
	for _, r := range recs {
		b = le.AppendUint64(b, r.ID.Dev)
		b = le.AppendUint64(b, r.ID.Ino)
		b = le.AppendUint64(b, uint64(r.ID.Size))
		b = le.AppendUint64(b, uint64(r.ID.Mtime))
		b = le.AppendUint64(b, uint64(r.ID.Ctime))
		b = le.AppendUint64(b, uint64(r.Since))
		b = append(b, r.Sum[:]...)
		b = le.AppendUint64(b, r.Gen)
	}
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

func decodeSums(b []byte) ([]sumRecord, bool) {
	body, ok := bytes.CutPrefix(b, []byte(sumsMagic))
	if !ok || len(body) < sha256.Size || (len(body)-sha256.Size)%sumsRecordSize != 0 {
		return nil, false
	}
	body, check := body[:len(body)-sha256.Size], body[len(body)-sha256.Size:]
	if sum := sha256.Sum256(b[:len(b)-sha256.Size]); !bytes.Equal(sum[:], check) {
		return nil, false
	}
	le := binary.LittleEndian
	u := func() uint64 {
		v := le.Uint64(body)
		body = body[8:]
		return v
	}
	recs := make([]sumRecord, 0, len(body)/sumsRecordSize)
	for len(body) > 0 {
		var r sumRecord
		r.ID = fileID{Dev: u(), Ino: u(), Size: int64(u()), Mtime: int64(u()), Ctime: int64(u())}
		r.Since = int64(u())
		body = body[copy(r.Sum[:], body):]
		r.Gen = u()
		recs = append(recs, r)
	}
	return recs, true
}

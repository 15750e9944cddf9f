package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// A rebuild keeps each file of the spare that already holds the wanted
// bytes. Reading every kept file to see so (an open, a stat, a read and a
// close) was a tenth of a rebuild's CPU and most of its writing. The sums
// file beside the output ("."+base+".sums", on Linux) lets a build see it
// from one lstat: it records, for each file the last two builds wrote or
// kept, the file's identity as the system sees it (device, inode, size,
// mtime, ctime) and a SHA-256 of its bytes. A file whose identity is still
// the recorded one holds the recorded bytes: builds never change a file in
// place (syncTree creates a differing one anew), and on a local file
// system anything else that writes to it or replaces it moves its ctime,
// which no call can set back.
//
// Except within the file system clock's resolution: a file changed twice
// in one tick keeps the first change's ctime. As git does with its index
// (whose own time it compares with), a record vouches for a file only
// when the file's ctime is before the recording build started, as the
// same file system's clock tells it: the ctime of the probe freshModes
// creates first (Since). A file written since then is compared by
// reading it, as without the sums, and recorded again by the build that
// keeps it. Records are of one boot of the machine (bootID): after a
// crash, a file whose data did not reach the disk while its size did is
// read again, and device and inode numbers may have been given anew.
//
// The sums are only ever a shortcut: a record that does not match, a
// sums file that is missing, damaged or of another boot, costs reading
// the file, never a wrong one kept. What they cannot see is a file system
// that does not keep these promises (a network file system caching a
// file's attributes, one without stable inode numbers): an output
// directory there should be written afresh (remove the spare and sums).

// fileID is a file's identity as the system reports it (idOf).
type fileID struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64 // ns since the epoch
}

// sumRecord is what a build knew of one file.
type sumRecord struct {
	ID    fileID
	Sum   [sha256.Size]byte
	Since int64 // the recording build's start, by the file system's clock
	Gen   uint64
}

// sums are the records a build reads, and those it makes. A nil *sums
// (no file identities here) reads and records nothing.
type sums struct {
	old   map[fileID]sumRecord
	gen   uint64 // the records' newest generation: the last build's
	since int64  // this build's start: its probe's ctime
	boot  string

	mu  sync.Mutex
	new []sumRecord
}

// readSums reads the sums file at path for a build whose probe (the first
// file it created) is start. It is nil where files have no identity or
// the machine's boot is not known; any problem with the file leaves no
// records, which only costs reading the files.
func readSums(path string, start fs.FileInfo) *sums {
	id, ok := idOf(start)
	boot := bootID()
	if !ok || boot == "" {
		return nil
	}
	s := &sums{old: map[fileID]sumRecord{}, since: id.Ctime, boot: boot}
	b, err := os.ReadFile(path)
	if err != nil {
		return s
	}
	recBoot, recs, ok := decodeSums(b)
	if !ok || recBoot != boot {
		return s
	}
	for _, r := range recs {
		s.old[r.ID] = r
		s.gen = max(s.gen, r.Gen)
	}
	return s
}

// holds says whether the file that fi describes holds b, whose SHA-256
// is sum, where a record of the file, made by a build that started after
// the file was last changed, knows (known); else the file must be read.
func (s *sums) holds(fi fs.FileInfo, b []byte, sum [sha256.Size]byte) (same, known bool) {
	if s == nil {
		return false, false
	}
	id, ok := idOf(fi)
	if !ok {
		return false, false
	}
	r, ok := s.old[id]
	if !ok || id.Ctime >= r.Since {
		return false, false
	}
	return id.Size == int64(len(b)) && r.Sum == sum, true
}

// record notes that the file fi describes holds bytes whose sum is sum.
func (s *sums) record(fi fs.FileInfo, sum [sha256.Size]byte) {
	if s == nil {
		return
	}
	if id, ok := idOf(fi); ok {
		s.mu.Lock()
		s.new = append(s.new, sumRecord{ID: id, Sum: sum, Since: s.since, Gen: s.gen + 1})
		s.mu.Unlock()
	}
}

// sum is b's SHA-256 where s can use it; without sums nothing is hashed.
func (s *sums) sum(b []byte) (sum [sha256.Size]byte) {
	if s != nil {
		sum = sha256.Sum256(b)
	}
	return sum
}

// write replaces the sums file at path with this build's records and the
// last build's (its site is the next build's spare), through a temporary
// file and a rename. It is best effort: a build that cannot write them
// has lost nothing but the shortcut.
func (s *sums) write(path string) {
	if s == nil || len(s.new) == 0 {
		return
	}
	recs := s.new
	for _, r := range s.old {
		if r.Gen == s.gen {
			recs = append(recs, r)
		}
	}
	b := encodeSums(s.boot, recs)
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-")
	if err != nil {
		return
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err != nil || cerr != nil || os.Rename(f.Name(), path) != nil {
		os.Remove(f.Name())
	}
}

// The sums file is sumsMagic, the boot's id and a newline, the records in
// a fixed layout (sumsRecordSize bytes each, little-endian), then a
// SHA-256 of all that: a file cut short or damaged is no file. encoding/gob
// took 13 ms to write 4,000 records and as long to read them, a tenth of a
// rebuild's writing.
const (
	sumsMagic      = "gointernals sums 2\n"
	sumsRecordSize = 6*8 + sha256.Size + 8
)

func encodeSums(boot string, recs []sumRecord) []byte {
	b := make([]byte, 0, len(sumsMagic)+len(boot)+1+len(recs)*sumsRecordSize+sha256.Size)
	b = append(b, sumsMagic...)
	b = append(b, boot...)
	b = append(b, '\n')
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

func decodeSums(b []byte) (boot string, recs []sumRecord, ok bool) {
	if len(b) < sha256.Size {
		return "", nil, false
	}
	if sum := sha256.Sum256(b[:len(b)-sha256.Size]); !bytes.Equal(sum[:], b[len(b)-sha256.Size:]) {
		return "", nil, false
	}
	body, ok := bytes.CutPrefix(b[:len(b)-sha256.Size], []byte(sumsMagic))
	if !ok {
		return "", nil, false
	}
	bootLine, body, ok := bytes.Cut(body, []byte("\n"))
	if !ok || len(body)%sumsRecordSize != 0 {
		return "", nil, false
	}
	le := binary.LittleEndian
	u := func() uint64 {
		v := le.Uint64(body)
		body = body[8:]
		return v
	}
	recs = make([]sumRecord, 0, len(body)/sumsRecordSize)
	for len(body) > 0 {
		var r sumRecord
		r.ID = fileID{Dev: u(), Ino: u(), Size: int64(u()), Mtime: int64(u()), Ctime: int64(u())}
		r.Since = int64(u())
		body = body[copy(r.Sum[:], body):]
		r.Gen = u()
		recs = append(recs, r)
	}
	return string(bootLine), recs, true
}

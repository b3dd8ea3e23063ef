package atomicfile

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// A temporary file is named ".<name>.reportgen-<pid>-<random>.tmp": the
// process that writes it is known, and no other file (a user's
// ".notes.tmp") looks like one.
func tempPattern(base string) string {
	return "." + base + ".reportgen-" + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

var tempRE = regexp.MustCompile(`^\..+\.reportgen-([0-9]+)-[0-9]+\.tmp$`)

// Ages after which RemoveStale removes a temporary file: one whose process
// has ended (it was killed before it could remove the file), or any; the
// first waits a little as another machine, or container, writing into a
// shared folder has its own process numbers.
const (
	StaleDead = time.Minute
	StaleAny  = 24 * time.Hour
)

// RemoveStale removes the temporary files that a killed writer left in
// dir: files named as Write names them, whose process is no longer running
// and that are older than StaleDead, or older than StaleAny. Every other
// file is left alone, the temporary files of writers at work included.
func RemoveStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		m := tempRE.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		age := now.Sub(info.ModTime())
		pid, _ := strconv.Atoi(m[1])
		if age > StaleAny || age > StaleDead && pid != os.Getpid() && !running(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

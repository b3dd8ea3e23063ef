//go:build !unix

package pipeline

import "time"

// cpuTime is 0: the CPU time of the process is read on Unix only.
func cpuTime() time.Duration { return 0 }

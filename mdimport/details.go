package mdimport

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// details is the meeting details line read: "Tashkent, 30 September –
// 1 October 2025, 09:00 – 17:30 UZT (UTC+5)".
type details struct {
	place      string
	date, end  time.Time
	start, fin string // "HH:MM"
	zone       string
}

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		months[strings.ToLower(m.String())] = m
		months[strings.ToLower(m.String()[:3])] = m
	}
	months["sept"] = time.September
}

// These parse the text of one line, never Markdown: the line was read by
// goldmark first.
var (
	dashRE    = `\s*[-–—]\s*`
	dateRE    = regexp.MustCompile(`(?i)(\d{1,2})(?:\s+([a-z]+)\.?)?(?:\s+(\d{4}))?` + dashRE + `(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})|(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})|([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2})`)
	timeRE    = regexp.MustCompile(`(\d{1,2})[:.](\d{2})` + dashRE + `(\d{1,2})[:.](\d{2})`)
	attendRE  = regexp.MustCompile(`(?i)^(?:(\d[\d,  ]*)\s+participants?\s+in\s+person)?(?:\s*(?:and|,)\s*)?(?:(\d[\d,  ]*)\s+(?:participants?\s+)?online)?\.?$`)
	numericRE = regexp.MustCompile(`\d`)
	// countRE matches a count in a translation's participant counts.
	countRE = regexp.MustCompile(`\d[\d\x{00a0}\x{202f} ]*`)
)

// parseDetails reads the meeting details; ok is false when no date is
// found.
func parseDetails(s string) (d details, ok bool) {
	loc := dateRE.FindStringSubmatchIndex(s)
	if loc == nil {
		return d, false
	}
	m := make([]string, len(loc)/2)
	for i := range m {
		if loc[2*i] >= 0 {
			m[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	day := func(y, mo, dd string) (time.Time, bool) {
		yy, err1 := strconv.Atoi(y)
		di, err2 := strconv.Atoi(dd)
		mm, okm := months[strings.ToLower(mo)]
		if n, err := strconv.Atoi(mo); err == nil && n >= 1 && n <= 12 {
			mm, okm = time.Month(n), true
		}
		if err1 != nil || err2 != nil || !okm || di < 1 || di > 31 {
			return time.Time{}, false
		}
		t := time.Date(yy, mm, di, 0, 0, 0, 0, time.UTC)
		return t, t.Day() == di
	}
	switch {
	case m[4] != "": // a range
		end, ok1 := day(m[6], m[5], m[4])
		if !ok1 {
			return d, false
		}
		mo, y := m[2], m[3]
		if mo == "" {
			mo = m[5]
		}
		if y == "" {
			y = m[6]
		}
		start, ok2 := day(y, mo, m[1])
		if !ok2 || !end.After(start) {
			return d, false
		}
		d.date, d.end = start, end
	case m[7] != "":
		t, ok := day(m[9], m[8], m[7])
		if !ok {
			return d, false
		}
		d.date = t
	case m[10] != "":
		t, ok := day(m[12], m[10], m[11])
		if !ok {
			return d, false
		}
		d.date = t
	default:
		t, ok := day(m[13], m[14], m[15])
		if !ok {
			return d, false
		}
		d.date = t
	}
	d.place = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[:loc[0]]), ","))
	rest := s[loc[1]:]
	if t := timeRE.FindStringSubmatchIndex(rest); t != nil {
		d.start = hhmm(rest[t[2]:t[3]], rest[t[4]:t[5]])
		d.fin = hhmm(rest[t[6]:t[7]], rest[t[8]:t[9]])
		d.zone = strings.TrimSpace(rest[t[1]:])
	}
	return d, true
}

func hhmm(h, m string) string {
	if len(h) == 1 {
		h = "0" + h
	}
	return h + ":" + m
}

// translatedDetails reads a translation's place and time zone: the text
// before the first comma, and the text after the time span.
func translatedDetails(s string, en details) (place, zone string) {
	if en.place != "" {
		place, _, _ = strings.Cut(s, ",")
		place = strings.TrimSpace(place)
	}
	if en.zone != "" {
		if t := timeRE.FindStringIndex(s); t != nil {
			zone = strings.TrimSpace(s[t[1]:])
		}
	}
	return place, zone
}

func isAttendance(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && numericRE.MatchString(s) && attendRE.MatchString(s)
}

// parseAttendance reads "45 participants in person and 120 online".
func parseAttendance(s string) (inPerson, online int) {
	m := attendRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0
	}
	num := func(x string) int {
		x = strings.NewReplacer(",", "", " ", "", " ", "", " ", "").Replace(x)
		n, _ := strconv.Atoi(x)
		return n
	}
	return num(m[1]), num(m[2])
}

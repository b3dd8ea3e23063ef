package document

import (
	"fmt"
	"time"
)

// dateLine composes the date line of the title block from catalog
// messages: the place, the day or days, the time span and its zone.
//
//	date.long          one day: "28 January 2021"
//	date.range-days    days of one month: "14–15 October 2025"
//	date.range-months  days of two months: "30 September – 1 October 2025"
//	date.range-years   days of two years: "30 December 2025 – 2 January 2026"
//	date.with-time     the date and the time span: "…, 08:30 – 12:00 CET"
//	date.with-place    the place first: "Tashkent, …"
func (rs *resolver) dateLine() string {
	r := rs.r
	date := rs.longDate(r.Date)
	if end := r.EndDate; !end.IsZero() && end.After(r.Date) {
		start := r.Date
		switch {
		case start.Year() != end.Year():
			date = rs.text("date.range-years", map[string]any{"Start": date, "End": rs.longDate(end)})
		case start.Month() != end.Month():
			date = rs.text("date.range-months", map[string]any{
				"StartDay": start.Day(), "StartMonth": rs.month(start),
				"EndDay": end.Day(), "EndMonth": rs.month(end), "Year": end.Year(),
			})
		default:
			date = rs.text("date.range-days", map[string]any{
				"StartDay": start.Day(), "EndDay": end.Day(), "Month": rs.month(end), "Year": end.Year(),
			})
		}
	}
	if t := r.Time; t != nil {
		zone := ""
		if t.Zone != "" {
			zone = rs.text(r.ID+".time-zone", nil)
		}
		date = rs.text("date.with-time", map[string]any{"Date": date, "Start": t.Start, "End": t.End, "Zone": zone})
	}
	if r.Place != "" {
		date = rs.text("date.with-place", map[string]any{"Place": rs.text(r.ID+".place", nil), "Date": date})
	}
	return date
}

// longDate is a day written out: date.long.
func (rs *resolver) longDate(d time.Time) string {
	return rs.text("date.long", map[string]any{"Day": d.Day(), "Month": rs.month(d), "Year": d.Year()})
}

// month is the name of d's month as a date writes it (genitive in
// Russian): month.1 … month.12.
func (rs *resolver) month(d time.Time) string {
	return rs.text(fmt.Sprintf("month.%d", int(d.Month())), nil)
}

// attendance composes the participant counts ("45 participants in person
// and 120 online") from the plural messages attendance.in-person and
// attendance.online, joined by attendance.both; "" when the report gives
// none.
func (rs *resolver) attendance() string {
	a := rs.r.Attendance
	if a == nil {
		return ""
	}
	var in, online string
	if a.InPerson > 0 {
		in = rs.plural("attendance.in-person", a.InPerson, nil)
	}
	if a.Online > 0 {
		online = rs.plural("attendance.online", a.Online, nil)
	}
	switch {
	case in != "" && online != "":
		return rs.text("attendance.both", map[string]any{"InPerson": in, "Online": online})
	case in != "":
		return in
	}
	return online
}

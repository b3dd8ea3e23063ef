package compose

import (
	"github.com/reportgen/reportgen/display"
	"github.com/reportgen/reportgen/document"
	"github.com/reportgen/reportgen/fonts"
	"github.com/reportgen/reportgen/style"
)

// logoRaise places the logo: centred between the top of the organisation
// line (this many organisation sizes above its baseline) and the
// tagline's line box.
const logoRaise = 0.35

// pageFurniture returns what draws the running header (logo, organisation
// and tagline, a rule) and the footer ("Page N of M") of page i (from 0)
// of n: artifacts, not part of the text.
func (c *composer) pageFurniture(doc *document.Document, logo *style.Image) func(pg *display.Page, i, n int) {
	st := c.st
	header := c.t.Element(display.Header, 0)
	footer := c.t.Element(display.Footer, 0)
	right := st.Page.Width - st.Page.MarginRight
	org := st.Type.Organization
	return func(pg *display.Page, i, n int) {
		y := st.Header.Top
		x := st.Page.MarginLeft
		if lg := st.Logo; logo != nil && logo.Width > 0 && logo.Height > 0 && lg.Height > 0 {
			w := lg.Height * float64(logo.Width) / float64(logo.Height)
			mid := y - org*logoRaise + org*st.Header.LineGap/2
			pg.Images = append(pg.Images, display.Image{X: x, Y: mid - lg.Height/2, W: w, H: lg.Height, Name: LogoName, Elem: header})
			x += w + st.Header.LogoGap
		}
		pg.Texts = append(pg.Texts,
			display.Text{X: x, Y: y, Face: fonts.Bold, Size: org, Color: color(st.Colors.Brand), Text: doc.Brand.Organization, Elem: header},
			display.Text{X: x, Y: y + org*st.Header.LineGap, Face: fonts.Regular, Size: st.Type.Tagline, Color: color(st.Colors.Muted), Text: doc.Brand.Tagline, Elem: header},
		)
		ry := y + org*st.Header.LineGap + st.Header.RuleGap
		pg.Rules = append(pg.Rules, display.Rule{X1: st.Page.MarginLeft, Y1: ry, X2: right, Y2: ry, Width: st.Header.RuleWidth, Color: color(st.Colors.Brand), Elem: header})
		text := doc.Footer(i+1, n)
		w := c.t.Width(fonts.Regular, text, st.Type.Footer)
		fy := st.Page.Height - st.Header.FooterBaseline
		pg.Texts = append(pg.Texts, display.Text{X: (st.Page.Width - w) / 2, Y: fy, Face: fonts.Regular, Size: st.Type.Footer, Color: color(st.Colors.Muted), Text: text, Elem: footer})
	}
}

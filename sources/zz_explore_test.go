package sources

import (
	"os"
	"testing"
)

func TestZZExplore(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("DOC"))
	if err != nil {
		t.Skip()
	}
	l, ds := Parse("r.toml", data)
	for _, d := range ds {
		t.Log(d.String())
	}
	if l != nil {
		t.Logf("ok, %d messages", len(l.Messages))
		for _, m := range l.Messages {
			t.Logf("%s %d:%d %q", m.ID, m.Line, m.Col, m.Text)
		}
	}
}

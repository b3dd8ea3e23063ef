package diag

import (
	"bytes"
	"testing"
)

func TestFormats(t *testing.T) {
	l := List{
		{Severity: Error, File: "sources/r.toml", Line: 3, Col: 7, Msg: `unknown annex "x"`, Key: "x"},
		{Severity: Warning, File: "locales/ru/r.ru.toml", Line: 2, Msg: "not translated, 50%: see\nthis", Key: "r.title"},
		{Severity: Error, Msg: "no report files"},
	}
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  string
	}{
		{"text", func(b *bytes.Buffer) error { return l.WriteText(b) },
			"sources/r.toml:3:7: error: unknown annex \"x\" [x]\n" +
				"locales/ru/r.ru.toml:2: warning: not translated, 50%: see\nthis [r.title]\n" +
				"error: no report files\n"},
		{"json", func(b *bytes.Buffer) error { return l.WriteJSON(b) },
			`{"severity":"error","file":"sources/r.toml","line":3,"col":7,"message":"unknown annex \"x\"","key":"x"}` + "\n" +
				`{"severity":"warning","file":"locales/ru/r.ru.toml","line":2,"message":"not translated, 50%: see\nthis","key":"r.title"}` + "\n" +
				`{"severity":"error","message":"no report files"}` + "\n"},
		{"github", func(b *bytes.Buffer) error { return l.WriteGitHub(b) },
			"::error file=sources/r.toml,line=3,col=7::unknown annex \"x\" [x]\n" +
				"::warning file=locales/ru/r.ru.toml,line=2::not translated, 50%25: see%0Athis [r.title]\n" +
				"::error::no report files\n"},
	} {
		var b bytes.Buffer
		if err := tt.write(&b); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, b.String(), tt.want)
		}
	}
	if !l.HasErrors() || (List{l[1]}).HasErrors() {
		t.Error("HasErrors")
	}
}

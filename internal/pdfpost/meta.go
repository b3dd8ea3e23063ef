package pdfpost

import (
	"bytes"
	_ "embed"
	"encoding/xml"
	"fmt"
	"time"
)

// SRGB is the sRGB ICC profile (sRGB2014.icc, from the International
// Color Consortium, as fpdf ships it; sRGB2014.LICENSE), the output
// intent of a tagged PDF (Options.OutputIntent): PDF/A asks for one when
// device colours are used.
//
//go:embed sRGB2014.icc
var SRGB []byte

// SRGBIdentifier is the output condition identifier of SRGB.
const SRGBIdentifier = "sRGB IEC61966-2.1"

// Info is the document information: Tag writes it both as the Info
// dictionary and as XMP metadata, so that the two agree field by field
// (PDF/A-2 6.6.3): Title as dc:title, Author as dc:creator, Subject as
// dc:description, Keywords as pdf:Keywords, Creator as xmp:CreatorTool,
// Producer as pdf:Producer, Date as CreationDate and ModDate (and
// xmp:CreateDate, xmp:ModifyDate, xmp:MetadataDate), in UTC with an
// explicit time zone. An empty field is left out of both.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Date                                                time.Time
}

// PDFDate is t as a PDF date string (ISO 32000-1 7.9.4), in UTC:
// D:YYYYMMDDHHmmSS+00'00.
func PDFDate(t time.Time) string { return "D:" + t.UTC().Format("20060102150405") + "+00'00" }

// XMPDate is t as an XMP date (ISO 8601), in UTC: the same instant as
// PDFDate.
func XMPDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") + "+00:00" }

// infoDict is the Info dictionary's body, in fpdf's layout.
func (in *Info) infoDict() []byte {
	var b bytes.Buffer
	b.WriteString("<<\n")
	for _, kv := range [][2]string{{"Producer", in.Producer}, {"Title", in.Title}, {"Subject", in.Subject},
		{"Author", in.Author}, {"Keywords", in.Keywords}, {"Creator", in.Creator}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "/%s %s\n", kv[0], TextString(kv[1]))
		}
	}
	d := PDFDate(in.Date)
	fmt.Fprintf(&b, "/CreationDate (%s)\n/ModDate (%s)\n>>", d, d)
	return b.Bytes()
}

// xmp is the XMP metadata packet: the document information, the
// language, and the PDF/A-2a and PDF/UA-1 identification with the PDF/A
// extension schema that declares pdfuaid.
func (in *Info) xmp(lang string) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	if in.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(in.Title))
	}
	if in.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(in.Author))
	}
	if in.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(in.Subject))
	}
	if lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	}
	d := XMPDate(in.Date)
	b.WriteString("</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
	if in.Creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(in.Creator))
	}
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", d, d, d)
	b.WriteString("</rdf:Description>\n<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	if in.Producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", esc(in.Producer))
	}
	if in.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(in.Keywords))
	}
	b.WriteString(`</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas>
<rdf:Bag>
<rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property>
<rdf:Seq>
<rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li>
</rdf:Seq>
</pdfaSchema:property>
</rdf:li>
</rdf:Bag>
</pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return b.Bytes()
}

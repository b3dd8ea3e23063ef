package sources

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestJSONSchemaMatchesGoTypes keeps report.schema.json in sync with the
// Go types: the same keys at every level, with matching JSON types.
func TestJSONSchemaMatchesGoTypes(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(JSONSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	compare(t, "report", schema, reflect.TypeFor[Report]())
	defs, _ := schema["$defs"].(map[string]any)
	item, _ := defs["listItem"].(map[string]any)
	alts, _ := item["anyOf"].([]any)
	if len(alts) != 2 || alts[0].(map[string]any)["type"] != "string" {
		t.Fatalf("$defs.listItem: want a string or a table, got %v", item)
	}
	compare(t, "listItem", alts[1].(map[string]any), reflect.TypeFor[ListItem]())
}

func compare(t *testing.T, path string, node map[string]any, typ reflect.Type) {
	t.Helper()
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if ref, ok := node["$ref"]; ok {
		// The one recursive type, defined once in $defs.
		if typ != reflect.TypeFor[ListItem]() || ref != "#/$defs/listItem" {
			t.Errorf("%s: %s as %v", path, typ, ref)
		}
		return
	}
	switch {
	case typ == reflect.TypeFor[time.Time]():
		if node["type"] != "string" || node["format"] != "date" {
			t.Errorf("%s: want a date string, got %v", path, node)
		}
	case typ.Kind() == reflect.String:
		if node["type"] != "string" && node["enum"] == nil {
			t.Errorf("%s: want a string, got %v", path, node)
		}
	case typ.Kind() == reflect.Map:
		ap, _ := node["additionalProperties"].(map[string]any)
		if node["type"] != "object" || ap == nil {
			t.Errorf("%s: want an object of any keys, got %v", path, node)
			return
		}
		compare(t, path+"{}", ap, typ.Elem())
	case typ.Kind() == reflect.Int:
		if node["type"] != "integer" {
			t.Errorf("%s: want an integer, got %v", path, node)
		}
	case typ.Kind() == reflect.Bool:
		if node["type"] != "boolean" {
			t.Errorf("%s: want a boolean, got %v", path, node)
		}
	case typ.Kind() == reflect.Slice:
		items, _ := node["items"].(map[string]any)
		if node["type"] != "array" || items == nil {
			t.Errorf("%s: want an array, got %v", path, node)
			return
		}
		compare(t, path+"[]", items, typ.Elem())
	case typ.Kind() == reflect.Struct:
		props, _ := node["properties"].(map[string]any)
		if node["type"] != "object" || props == nil || node["additionalProperties"] != false {
			t.Errorf("%s: want a closed object, got %v", path, node)
			return
		}
		var goKeys, schemaKeys []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			name := f.Tag.Get("toml")
			if name == "" || name == "-" {
				continue
			}
			goKeys = append(goKeys, name)
			p, ok := props[name].(map[string]any)
			if !ok {
				continue
			}
			compare(t, path+"."+name, p, f.Type)
		}
		for k := range props {
			schemaKeys = append(schemaKeys, k)
		}
		sort.Strings(goKeys)
		sort.Strings(schemaKeys)
		if strings.Join(goKeys, " ") != strings.Join(schemaKeys, " ") {
			t.Errorf("%s: Go keys %v, schema keys %v", path, goKeys, schemaKeys)
		}
	default:
		t.Errorf("%s: Go type %s has no JSON Schema mapping", path, typ)
	}
}

// TestScaffoldLoads checks that a new report loads without diagnostics
// and shows every block type.
func TestScaffoldLoads(t *testing.T) {
	data, cats := Scaffold("my-report", []string{"fr"})
	r, diags := Parse("sources/my-report.toml", data)
	if r == nil || len(diags) > 0 {
		t.Fatalf("scaffold: %v", diags)
	}
	kinds := map[string]bool{}
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			kinds[b.Type] = true
		}
	}
	for _, k := range []string{BlockSpeaker, BlockModerator, BlockText, BlockSubheading, BlockList, BlockFigure, BlockTable} {
		if !kinds[k] {
			t.Errorf("scaffold lacks a %s block", k)
		}
	}
	if len(cats["fr"]) == 0 || r.InProgress[0] != "fr" {
		t.Errorf("no French stub")
	}
}

package domain

import (
	"strings"
	"testing"
)

func TestUploadModuleSchemaPrefill(t *testing.T) {
	sc := NewUploadModuleSchema(9, []UploadModuleField{
		{Name: "StatusId", Type: "Enum"}, {Name: "ReferenceId", Type: "Text(512)"}, // built in
		{Name: "Netto", Type: "Int"}, {Name: "SzamlaSorszama", Type: "Text(512)"}, {Name: "Brutto", Type: "Int"},
	}, map[int64]string{7: "Kifizetve", 5: "Kifizetetlen"})
	var names []string
	for _, f := range sc.Fields {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "Brutto Netto SzamlaSorszama" {
		t.Errorf("fields %v", names)
	}
	if len(sc.Statuses) != 2 || sc.Statuses[0].Name != "Kifizetetlen" {
		t.Errorf("statuses %+v", sc.Statuses)
	}
	auto := sc.Prefill(UploadMapping{}, false)
	if !auto.Auto || auto.Fields[UploadNumber] != "SzamlaSorszama" || auto.Status[UploadPaidState] != "7" {
		t.Errorf("without a saved mapping: %+v", auto)
	}
	saved := UploadMapping{Module: 9, Fields: map[UploadField]string{UploadNumber: "Netto", UploadGross: "Gone"},
		Status: map[UploadStatusKind]string{UploadUnpaid: "5", UploadPaidState: "99"}}
	got := sc.Prefill(saved, true)
	if got.Auto || got.Fields[UploadNumber] != "Netto" || got.Fields[UploadGross] != "" || got.Status[UploadUnpaid] != "5" ||
		got.Status[UploadPaidState] != "" {
		t.Errorf("from the saved mapping: %+v", got)
	}
	saved.Module = 10
	if got := sc.Prefill(saved, true); !got.Auto {
		t.Errorf("a mapping of another module was used: %+v", got)
	}
}

func TestUploadIssueNotice(t *testing.T) {
	linked, local := &Customer{MiniCRMID: 42}, &Customer{}
	on := MiniCRMSettings{SystemID: "98"}
	demo := MiniCRMSettings{SystemID: "98", Demo: true}
	cases := []struct {
		c      *Customer
		s      MiniCRMSettings
		active bool
		want   string
	}{
		{linked, on, true, UploadNoticeSent},
		{linked, on, false, ""},
		{linked, demo, true, UploadNoticeDemo},
		{linked, demo, false, UploadNoticeDemo},
		{local, demo, true, ""},
		{local, on, true, ""},
		{nil, on, true, ""},
		{linked, MiniCRMSettings{Demo: true}, true, ""}, // no system configured
	}
	for i, c := range cases {
		if got := UploadIssueNotice(UploadOnIssue(c.c, c.s, c.active)); got != c.want {
			t.Errorf("case %d: %q, want %q", i, got, c.want)
		}
	}
}

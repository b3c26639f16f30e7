package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"konnyuszamla/domain"
)

type navFakeExporter map[string]string

func (e navFakeExporter) InvoiceData(_ context.Context, number string) ([]byte, error) {
	if x, ok := e[number]; ok {
		return []byte(x), nil
	}
	return nil, domain.Errorf(domain.ENotFound, "Nincs %s sorszámú bizonylat.", number)
}

type navFakeReports struct {
	reports []domain.NAVReport
	resent  []string
}

func (f *navFakeReports) NAVReports(context.Context) ([]domain.NAVReport, error) {
	return f.reports, nil
}
func (f *navFakeReports) NAVReportOf(_ context.Context, n string) (*domain.NAVReport, error) {
	for i := range f.reports {
		if f.reports[i].Number == n {
			return &f.reports[i], nil
		}
	}
	return nil, domain.Errorf(domain.ENotFound, "nincs")
}
func (f *navFakeReports) NAVStates(context.Context, []string) (map[string]domain.NAVReport, error) {
	return nil, nil
}
func (f *navFakeReports) ResendNAVReport(_ context.Context, n string) error {
	r, err := f.NAVReportOf(context.Background(), n)
	if err != nil {
		return err
	}
	if !r.Resendable() {
		return domain.Errorf(domain.EConflict, "A(z) %s nem küldhető újra.", n)
	}
	f.resent = append(f.resent, n)
	return nil
}

type navMemSettings struct{ s domain.NAVSettings }

func (m *navMemSettings) NAVSettings(context.Context) (domain.NAVSettings, error) { return m.s, nil }
func (m *navMemSettings) SaveNAVSettings(_ context.Context, s *domain.NAVSettings) error {
	m.s = *s
	return nil
}

type navRig struct {
	deps     NAVDeps
	reports  *navFakeReports
	settings *navMemSettings
	secrets  *memSecrets
}

func newNAVRig() *navRig {
	r := &navRig{reports: &navFakeReports{reports: []domain.NAVReport{
		{Number: "2026/00002", Type: domain.DocStorno, Operation: "STORNO", Original: "2026/00001", ModificationIndex: 1, State: domain.NAVPending},
		{Number: "2026/00001", Type: domain.DocInvoice, Operation: "CREATE", State: domain.NAVAborted, TransactionID: "T1",
			Messages: []domain.NAVMessage{{Severity: "ERROR", Code: "SUPPLIER_TAX_NUMBER_MISMATCH", Text: "Az eladó adószáma eltér."}}},
	}}, settings: &navMemSettings{}, secrets: &memSecrets{m: map[string]string{}}}
	r.deps = NAVDeps{Exporter: navFakeExporter{"2026/00001": "<InvoiceData/>\n"}, Reports: r.reports,
		Service: &domain.NAVService{Settings: r.settings, Secrets: r.secrets}}
	return r
}

func (r *navRig) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}
	err := NAV(context.Background(), env, r.deps, args[0], args[1:])
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		code = exitUsage
	default:
		errOut.WriteString("Hiba: " + oneLine(domain.ErrorMessage(err)) + "\n")
		code = exitFail
	}
	return code, out.String(), errOut.String()
}

func TestNAVExport(t *testing.T) {
	r := newNAVRig()
	if code, out, _ := r.run(t, "export", "2026/00001"); code != 0 || out != "<InvoiceData/>\n" {
		t.Errorf("stdout: %d %q", code, out)
	}
	file := filepath.Join(t.TempDir(), "x.xml")
	if code, out, _ := r.run(t, "export", "2026/00001", "-o", file); code != 0 || strings.TrimSpace(out) != file {
		t.Errorf("-o: %d %q", code, out)
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "<InvoiceData/>\n" {
		t.Errorf("file: %q %v", data, err)
	}
	if code, _, errOut := r.run(t, "export", "nincs"); code != exitFail || !strings.Contains(errOut, "Nincs nincs") {
		t.Errorf("unknown number: %d %q", code, errOut)
	}
	if code, _, _ := r.run(t, "export"); code != exitUsage {
		t.Errorf("no number: exit %d", code)
	}
}

func TestNAVStatus(t *testing.T) {
	r := newNAVRig()
	code, out, _ := r.run(t, "status")
	if code != 0 || !strings.Contains(out, domain.NAVNotSetUpMessage) || !strings.Contains(out, "hibás") ||
		!strings.Contains(out, "SUPPLIER_TAX_NUMBER_MISMATCH: Az eladó adószáma eltér.") || !strings.Contains(out, "vár") {
		t.Errorf("status: %d\n%s", code, out)
	}
	code, out, _ = r.run(t, "status", "--json")
	var got struct {
		Configured  bool           `json:"configured"`
		Environment string         `json:"environment"`
		Message     string         `json:"message"`
		Counts      map[string]int `json:"counts"`
		Reports     []struct {
			Number     string `json:"number"`
			State      string `json:"state"`
			Label      string `json:"label"`
			Resendable bool   `json:"resendable"`
			Messages   []domain.NAVMessage
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if got.Configured || got.Environment != "test" || got.Counts["aborted"] != 1 || len(got.Reports) != 2 ||
		got.Reports[1].Label != "hibás" || !got.Reports[1].Resendable || got.Reports[1].Messages[0].Code != "SUPPLIER_TAX_NUMBER_MISMATCH" {
		t.Errorf("json: %+v", got)
	}

	// Set up (settings and all three secrets): no warning any more.
	r.settings.s = domain.NAVSettings{Login: "tesztuser01", TaxNumber: "12345676-2-42", Production: true}
	for _, k := range []string{domain.NAVSecretPassword, domain.NAVSecretSignKey, domain.NAVSecretExchangeKey} {
		r.secrets.m[domain.NAVSecretAccount(r.settings.s, k)] = "x"
	}
	_, out, _ = r.run(t, "status")
	if strings.Contains(out, domain.NAVNotSetUpMessage) || !strings.Contains(out, "éles rendszer") {
		t.Errorf("configured status:\n%s", out)
	}
}

func TestNAVResend(t *testing.T) {
	r := newNAVRig()
	if code, out, _ := r.run(t, "resend", "2026/00001"); code != 0 || !strings.Contains(out, "újraküldésre vár") {
		t.Errorf("resend: %d %q", code, out)
	}
	if code, _, _ := r.run(t, "resend", "2026/00002"); code != exitFail {
		t.Errorf("resend of a pending report: exit %d", code)
	}
	if code, _, _ := r.run(t, "send"); code != exitUsage {
		t.Errorf("send without a queue: exit %d", code)
	}
	sent := false
	r.deps.Send = func(context.Context) error { sent = true; return nil }
	if code, _, _ := r.run(t, "send"); code != 0 || !sent {
		t.Errorf("send: exit %d, sent %v", code, sent)
	}
}

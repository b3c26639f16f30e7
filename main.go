// Command konnyuszamla is KönnyűSzámla, an offline-first invoicing desktop
// app for Hungarian small businesses. Without a command it opens the GUI;
// with one (see docs/cli.md) it runs headless. This file only wires the
// layers together.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"konnyuszamla/assets"
	"konnyuszamla/crm"
	"konnyuszamla/domain"
	_ "konnyuszamla/internal/locale" // before Fyne reads the locale; see the package doc
	"konnyuszamla/nav"
	"konnyuszamla/storage"
	"konnyuszamla/storage/secret"
	"konnyuszamla/ui"
	"konnyuszamla/ui/cli"
	"konnyuszamla/ui/pdf"
)

// version is the app's version; release builds may set it with -ldflags.
var version = "0.1.0"

const appID = "hu.konnyuszamla.app"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("konnyuszamla", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataFlag := fs.String("data", "", "adatmappa (alapértelmezés: KONNYUSZAMLA_DATA vagy a felhasználói adatmappa)")
	fs.Usage = func() { cli.Usage(stderr) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dir, err := dataDir(*dataFlag)
	if err != nil {
		fmt.Fprintln(stderr, "Hiba: az adatmappa nem határozható meg:", err)
		return 1
	}
	if fs.NArg() == 0 {
		return runGUI(dir, stderr)
	}
	env := cli.Env{
		Stdin: stdin, Stdout: stdout, Stderr: stderr, DataDir: dir, Version: version,
		Open:    func(ctx context.Context) (cli.Store, error) { return openStorage(ctx, dir) },
		MiniCRM: cli.MiniCRMDeps{Secrets: newSecrets(), Connector: crm.Connector{UserAgent: userAgent()}},
		Sync: cli.SyncDeps{Open: func(_ context.Context, s cli.Store) (cli.Syncer, error) {
			db, ok := s.(*storage.DB)
			if !ok {
				return nil, fmt.Errorf("sync: unexpected store %T", s)
			}
			return newSyncService(db, newSecrets()), nil
		},
			// sync flushes the MiniCRM outbox; outbox list|retry|skip use it.
			Outbox: func(_ context.Context, s cli.Store) (cli.OutboxDeps, error) {
				db, ok := s.(*storage.DB)
				if !ok {
					return cli.OutboxDeps{}, fmt.Errorf("outbox: unexpected store %T", s)
				}
				up := newUploader(db, newSecrets())
				return cli.OutboxDeps{View: db, Flush: func(ctx context.Context) error {
					_, err := up.Flush(ctx)
					return err
				}}, nil
			}},
		NAV: func(s cli.Store) cli.NAVDeps { return navDeps(s.(*storage.DB)) },
	}
	return cli.Run(context.Background(), env, fs.Args())
}

// dataDir picks the data folder: the flag, then KONNYUSZAMLA_DATA, then the
// per-user application data folder of the operating system.
func dataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if env := os.Getenv("KONNYUSZAMLA_DATA"); env != "" {
		return filepath.Abs(env)
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		base, err := os.UserConfigDir() // %APPDATA%, ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(base, "KonnyuSzamla"), nil
	}
	if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
		return filepath.Join(xdg, "konnyuszamla"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "konnyuszamla"), nil
}

// openStorage opens the database in dir and gives it the PDF renderer, so
// that each document's PDF is written in the transaction that issues it.
func openStorage(ctx context.Context, dir string) (*storage.DB, error) {
	db, err := storage.OpenDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	generator := "KönnyűSzámla " + version
	db.RenderPDF = func(inv *domain.Invoice) ([]byte, error) {
		return pdf.Render(inv, pdf.Options{Generator: generator})
	}
	return db, nil
}

func runGUI(dir string, stderr io.Writer) int {
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	if err := ui.UseHungarian(); err != nil {
		fyne.LogError("load Hungarian texts", err)
	}
	w := a.NewWindow(ui.Title)
	w.SetMaster()
	w.Resize(fyne.NewSize(1280, 760))

	ctx := context.Background()
	db, err := openStorage(ctx, dir)
	if err != nil {
		fmt.Fprintln(stderr, "Hiba:", domain.ErrorMessage(err))
		fyne.LogError("open database", err)
		ui.ShowFatal(w, domain.ErrorMessage(err))
		w.ShowAndRun()
		return 1
	}
	defer db.Close()

	secrets, ua := newSecrets(), userAgent()
	navSvc := newNAVService(db, secrets)
	// NAV reports and MiniCRM uploads go out in the background; each was
	// queued in the transaction that issued, paid or cancelled its document.
	reporter := newReporter(db, navSvc)
	uploader := newUploader(db, secrets)
	bgCtx, stopBackground := context.WithCancel(ctx)
	defer stopBackground()
	m := ui.New(a, w, ui.Deps{
		Customers: db, Invoices: db,
		MiniCRMSettings: db, Secrets: secrets, MiniCRM: crm.Connector{UserAgent: ua},
		Subscriptions: db.SubscriptionService(),
		Sync:          newSyncService(db, secrets),
		History:       db,
		NAV:           navSvc,
		NAVReports:    db,
		Outbox:        db,
		// Called after every document action and sync: the upload goes out
		// at once, and so does the NAV report of a new invoice.
		OutboxFlush: func() {
			go uploader.Flush(bgCtx)
			reporter.Kick()
		},
		CRMViews: crm.ContactViews{Settings: db, Cache: db, Secrets: secrets, UserAgent: ua},
	})
	// Shows the tabs at once, or after the start-up login when the owner
	// asked for one, and only then enables the menu and its shortcuts; on
	// the first start the Előfizetések tab asks for the owner account.
	ui.StartWithAccount(w, db.AccountService(), m.Tabs, func() { m.EnableShortcuts(w) })

	// The daily backup reads a snapshot, so it can run beside the GUI; it
	// also copies the new PDFs, leaving out (and here logging) any that are
	// missing or changed. Quitting cancels it.
	go func() {
		res, err := db.DailyBackup(bgCtx, filepath.Join(dir, storage.BackupDirName), 7)
		for _, skipped := range res.Skipped {
			fyne.LogError("daily backup", skipped)
		}
		if err != nil && bgCtx.Err() == nil {
			fyne.LogError("daily backup", err)
		}
	}()
	reporter.OnChange = func() { fyne.Do(m.RefreshNAV) }
	go reporter.Run(bgCtx, 30*time.Second)
	// The uploader flushes at once (start-up), then every 15 s; offline
	// items are retried each minute, and the first that goes through sends
	// the rest.
	uploader.OnChange = func() { fyne.Do(m.RefreshOutbox) }
	go uploader.Run(bgCtx, 15*time.Second)

	quitOnSignal(a)
	w.ShowAndRun()
	return 0
}

// newSecrets is the OS keyring, with KONNYUSZAMLA_MINICRM_API_KEY (when
// set) answering for the MiniCRM key in this process only.
func newSecrets() domain.SecretStore {
	return secret.WithEnvOverride(secret.New(secret.Options{}), os.Getenv)
}

// userAgent names the app in its MiniCRM requests.
func userAgent() string { return "KonnyuSzamla/" + version }

// newSyncService is the customer sync with MiniCRM over the database, with
// the API key from secrets (the keyring, or KONNYUSZAMLA_MINICRM_API_KEY).
func newSyncService(db *storage.DB, secrets domain.SecretStore) *domain.SyncService {
	return &domain.SyncService{Store: db, Settings: db,
		Connector: crm.SyncConnector{Secrets: secrets, UserAgent: userAgent()}}
}

func newNAVService(db *storage.DB, secrets domain.SecretStore) *domain.NAVService {
	return &domain.NAVService{Settings: db, Secrets: secrets,
		Connector: nav.Connector{Software: nav.DefaultSoftware(version)}}
}

func newReporter(db *storage.DB, svc *domain.NAVService) *nav.Reporter {
	return &nav.Reporter{Queue: db, Documents: db, Credentials: svc.Credentials,
		Software: nav.DefaultSoftware(version), MinInterval: time.Second}
}

func navDeps(db *storage.DB) cli.NAVDeps {
	svc := newNAVService(db, newSecrets())
	rep := newReporter(db, svc)
	return cli.NAVDeps{Exporter: nav.Exporter{Documents: db, Reports: db}, Reports: db, Service: svc,
		Send: func(ctx context.Context) error { _, err := rep.RunOnce(ctx); return err }}
}

// newUploader is the MiniCRM outbox worker over the database: the key from
// secrets, the limiter shared with the sync, and the MiniCRM add-on's gate.
func newUploader(db *storage.DB, secrets domain.SecretStore) *crm.Uploader {
	subs := db.SubscriptionService()
	return &crm.Uploader{Store: db, Documents: db, Settings: db, Mappings: db,
		Active:  func(ctx context.Context) (bool, error) { return subs.Active(ctx, domain.PlanMiniCRM) },
		Secrets: secrets, UserAgent: userAgent()}
}

// quitOnSignal closes the app cleanly on SIGINT/SIGTERM, so the database is
// closed and the exit status is 0, as after closing the window.
func quitOnSignal(a fyne.App) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		fyne.Do(a.Quit)
	}()
}

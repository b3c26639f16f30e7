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

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"konnyuszamla/assets"
	"konnyuszamla/crm"
	"konnyuszamla/domain"
	_ "konnyuszamla/internal/locale" // before Fyne reads the locale; see the package doc
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
		MiniCRM: cli.MiniCRMDeps{Secrets: newSecrets(), Connector: newConnector()},
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
	w.Resize(fyne.NewSize(1100, 700))

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

	m := ui.New(a, w, ui.Deps{
		Customers: db, Invoices: db,
		MiniCRMSettings: db, Secrets: newSecrets(), MiniCRM: newConnector(),
		Subscriptions: db.SubscriptionService(),
	})
	// Shows the tabs at once, or after the start-up login when the owner
	// asked for one, and only then enables the menu and its shortcuts; on
	// the first start the Előfizetések tab asks for the owner account.
	ui.StartWithAccount(w, db.AccountService(), m.Tabs, func() { m.EnableShortcuts(w) })

	// The daily backup reads a snapshot, so it can run beside the GUI.
	go func() {
		if _, err := db.DailyBackup(ctx, filepath.Join(dir, storage.BackupDirName), 7); err != nil {
			fyne.LogError("daily backup", err)
		}
	}()
	quitOnSignal(a)
	w.ShowAndRun()
	return 0
}

// newSecrets is the OS keyring, with KONNYUSZAMLA_MINICRM_API_KEY (when
// set) answering for the MiniCRM key in this process only.
func newSecrets() domain.SecretStore {
	return secret.WithEnvOverride(secret.New(secret.Options{}), os.Getenv)
}

// newConnector reaches MiniCRM for the connection test.
func newConnector() domain.MiniCRMConnector {
	return crm.Connector{UserAgent: "KonnyuSzamla/" + version}
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

// Package locale replaces a "C" or "POSIX" locale in the environment with
// Hungarian before Fyne reads it. Fyne's lang package parses the locale
// when it is initialised and logs "Error parsing user locale C" to stderr on
// every start under LANG=C.UTF-8, the default of many servers and CI
// machines, which would spoil the one-line error output of the headless
// commands. The app's texts are Hungarian whatever the locale.
//
// main imports this package for its side effect. Go initialises packages in
// import-path order among those whose imports are ready, and this package
// needs only os, so it runs before fyne.io/fyne/v2/lang (which needs log,
// text/template and more, all sorted after "konnyuszamla").
package locale

import "os"

// vars are the variables Fyne's locale lookup reads, in its order.
var vars = []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}

func init() { Fix(os.Getenv, os.Setenv) }

// Fix sets every C or POSIX locale variable to hu_HU.UTF-8.
func Fix(get func(string) string, set func(string, string) error) {
	for _, v := range vars {
		if isCLocale(get(v)) {
			set(v, "hu_HU.UTF-8")
		}
	}
}

func isCLocale(v string) bool {
	switch v {
	case "C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8":
		return true
	}
	return false
}

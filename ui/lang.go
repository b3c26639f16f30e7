package ui

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed translations/hu.json
var hungarianStrings []byte

// fyneLocales are the languages Fyne ships its own texts in. The app's
// texts are Hungarian whatever the system language, so Fyne's built-in
// texts (Cancel, Copy, Paste…) must be Hungarian under each of them too.
var fyneLocales = []fyne.Locale{"hu", "en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// UseHungarian makes Fyne's built-in widget texts Hungarian.
func UseHungarian() error {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(hungarianStrings, l); err != nil {
			return err
		}
	}
	return nil
}

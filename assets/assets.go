// Package assets embeds the files the app ships inside its binary: the app
// icon and the DejaVu Sans fonts used for PDFs (see fonts/LICENSE-DejaVu.txt).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the application icon (512×512 PNG; icon.svg is its source).
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// DejaVuSans and DejaVuSansBold are Unicode TrueType fonts with every
// Hungarian letter; PDFs embed a subset of them, because the PDF core fonts
// print ő and ű as õ and û.
var (
	//go:embed fonts/DejaVuSans.ttf
	DejaVuSans []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	DejaVuSansBold []byte
)

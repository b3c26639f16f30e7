package pdf

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/jpeg" // decode JPEG logos for re-encoding
	"image/png"

	"github.com/jung-kurt/gofpdf"
)

// The logo is fitted into this box at the top left of the first page.
const (
	logoMaxW = 60.0
	logoMaxH = 22.0
)

// addLogo draws the seller's logo at the top left of the page and returns
// its height; ok is false when there is no usable logo.
//
// Seller.Validate only lets PNG and JPEG through, but gofpdf does not read
// every valid file (16-bit or interlaced PNG, for example), and a failed
// image would poison the whole document. So the logo is first tried on a
// scratch document; if gofpdf rejects it, it is decoded with the standard
// library and re-encoded as an 8-bit PNG; if that fails as well, the
// document is printed without a logo. A logo is decoration, not invoice
// content, and must never stop an invoice from being printed.
func (r *renderer) addLogo() (h float64, ok bool) {
	data, typ := usableLogo(r.inv.Seller.Logo)
	if data == nil {
		return 0, false
	}
	info := r.f.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	if r.f.Err() || info == nil || info.Width() <= 0 || info.Height() <= 0 {
		return 0, false
	}
	w, h := info.Width(), info.Height()
	scale := min(logoMaxW/w, logoMaxH/h)
	w, h = w*scale, h*scale
	r.f.ImageOptions("logo", marginL, marginT, w, h, false, gofpdf.ImageOptions{ImageType: typ}, 0, "")
	return h, true
}

// usableLogo returns logo bytes gofpdf accepts and their type ("png" or
// "jpg"), or nil.
func usableLogo(logo []byte) ([]byte, string) {
	if len(logo) == 0 {
		return nil, ""
	}
	typ := ""
	switch {
	case bytes.HasPrefix(logo, []byte("\x89PNG\r\n\x1a\n")):
		typ = "png"
	case bytes.HasPrefix(logo, []byte("\xff\xd8\xff")):
		typ = "jpg"
	}
	if typ != "" && gofpdfReads(logo, typ) {
		return logo, typ
	}
	img, _, err := image.Decode(bytes.NewReader(logo))
	if err != nil {
		return nil, ""
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil || !gofpdfReads(buf.Bytes(), "png") {
		return nil, ""
	}
	return buf.Bytes(), "png"
}

// gofpdfReads reports whether gofpdf can embed data as an image of type typ,
// trying it on a scratch document (gofpdf may panic on corrupt input).
func gofpdfReads(data []byte, typ string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f := gofpdf.New("P", "mm", "A4", "")
	info := f.RegisterImageOptionsReader("probe", gofpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	return !f.Err() && info != nil && info.Width() > 0 && info.Height() > 0
}

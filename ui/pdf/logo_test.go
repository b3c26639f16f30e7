package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"konnyuszamla/domain"
)

// pngLogo draws a small two-colour logo; wide16 makes it a 16-bit PNG,
// which gofpdf cannot read directly.
func pngLogo(t testing.TB, wide16 bool) []byte {
	var img image.Image
	const w, h = 240, 80
	if wide16 {
		m := image.NewNRGBA64(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.Set(x, y, color.NRGBA64{R: uint16(x * 270), G: 0x4000, B: 0x9000, A: 0xffff})
			}
		}
		img = m
	} else {
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				c := color.NRGBA{R: 24, G: 64, B: 112, A: 255}
				if (x/20+y/20)%2 == 0 {
					c = color.NRGBA{R: 230, G: 120, B: 30, A: 200}
				}
				m.Set(x, y, c)
			}
		}
		img = m
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegLogo(t testing.TB) []byte {
	m := image.NewRGBA(image.Rect(0, 0, 120, 120))
	for i := range m.Pix {
		m.Pix[i] = byte(i)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func withLogo(_ testing.TB, logo []byte) *domain.Invoice {
	inv := hufMixed()
	inv.Seller.Logo = logo
	return inv
}

func TestLogo(t *testing.T) {
	for _, tc := range []struct {
		name    string
		logo    []byte
		printed bool
	}{
		{"png", pngLogo(t, false), true},
		{"16-bit png, re-encoded", pngLogo(t, true), true},
		{"jpeg", jpegLogo(t), true},
		{"truncated png", pngLogo(t, false)[:60], false},
		{"png header and garbage", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 300)...), false},
		{"not an image", []byte("GIF89a nonsense"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inv := withLogo(t, tc.logo)
			pdf, err := Render(inv, Options{Generator: testGen})
			if err != nil {
				t.Fatalf("a logo must never stop the invoice: %v", err)
			}
			if got := bytes.Contains(pdf, []byte("/Subtype /Image")); got != tc.printed {
				t.Errorf("logo printed: %v, want %v", got, tc.printed)
			}
			again, _ := Render(inv, Options{Generator: testGen})
			if !bytes.Equal(pdf, again) {
				t.Error("not deterministic with a logo")
			}
			checkMandatory(t, tc.name, inv, pdf)
			for _, w := range words(t, pdf) {
				// Text must not run under the logo box at the top left.
				if w.page == 1 && mm(w.yMin) < marginT+logoMaxH && mm(w.xMin) < marginL+logoMaxW && tc.printed {
					t.Errorf("%q printed over the logo", w.text)
				}
			}
		})
	}
}

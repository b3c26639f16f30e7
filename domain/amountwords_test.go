package domain

import (
	"math"
	"strings"
	"testing"
)

func TestAmountInWords(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "nulla"},
		{1, "egy"},
		{2, "kettő"},
		{10, "tíz"},
		{11, "tizenegy"},
		{20, "húsz"},
		{21, "huszonegy"},
		{22, "huszonkettő"},
		{30, "harminc"},
		{100, "száz"},
		{200, "kétszáz"},
		{999, "kilencszázkilencvenkilenc"},
		{1000, "ezer"},
		{1100, "ezeregyszáz"},
		{1999, "ezerkilencszázkilencvenkilenc"},
		{2000, "kétezer"},
		{2001, "kétezer-egy"},
		{2002, "kétezer-kettő"},
		{22000, "huszonkétezer"},
		{43100, "negyvenháromezer-egyszáz"},
		{101000, "százegyezer"},
		{1000000, "egymillió"},
		{1001000, "egymillió-egyezer"},
		{2000000, "kétmillió"},
		{1234567, "egymillió-kétszázharmincnégyezer-ötszázhatvanhét"},
		{-5, "mínusz öt"},
		{-43100, "mínusz negyvenháromezer-egyszáz"},
	} {
		if got := AmountInWords(tc.n); got != tc.want {
			t.Errorf("AmountInWords(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	// The extremes must not panic or print garbage.
	if got := AmountInWords(math.MinInt64); !strings.HasPrefix(got, "mínusz kilenctrillió-") {
		t.Errorf("AmountInWords(MinInt64) = %q", got)
	}
}

func TestAmountPhrase(t *testing.T) {
	for _, tc := range []struct {
		m    Money
		want string
	}{
		{Money{43100, HUF}, "azaz negyvenháromezer-egyszáz forint"},
		{Money{-43100, HUF}, "azaz mínusz negyvenháromezer-egyszáz forint"},
		{Money{123450, EUR}, "azaz ezerkétszázharmincnégy euró 50 cent"},
		{Money{100000, EUR}, "azaz ezer euró"},
		{Money{205, USD}, "azaz kettő amerikai dollár 5 cent"},
		{Money{100050, "CZK"}, "azaz ezer CZK 50/100"},
	} {
		if got := AmountPhrase(tc.m); got != tc.want {
			t.Errorf("AmountPhrase(%+v) = %q, want %q", tc.m, got, tc.want)
		}
	}
}

package locale

import (
	"reflect"
	"testing"
)

func TestFixReplacesOnlyCLocales(t *testing.T) {
	env := map[string]string{"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANGUAGE": "POSIX"}
	Fix(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
	want := map[string]string{"LANG": "hu_HU.UTF-8", "LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANGUAGE": "hu_HU.UTF-8"}
	if !reflect.DeepEqual(env, want) {
		t.Errorf("got %v, want %v", env, want)
	}
}

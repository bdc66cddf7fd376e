#!/usr/bin/env bash
# Drives the running desktop app with xdotool and saves its pages as PNGs. run.sh starts everything and calls
# this with DISPLAY, OUT, WORK, PORT_A and P_LMSTUDIO set; it can also be run again by hand against a session
# kept alive for debugging (see PAUSE in run.sh).
set -euo pipefail
: "${OUT:?}" "${WORK:?}"
SCREEN_W=${SCREEN_W:-1280}
SCREEN_H=${SCREEN_H:-800}
WIN_W=1160
WIN_H=720

note() { echo "    $*"; }

WID=$(xdotool search --sync --onlyvisible --name '^Switchyard$' | head -1)
xdotool windowsize "$WID" "$WIN_W" "$WIN_H" windowmove "$WID" 58 30
xdotool windowactivate --sync "$WID" 2>/dev/null || true
sleep 1

# Clicks at x,y inside the main window's client area.
click() { xdotool mousemove --window "$WID" "$1" "$2" click "${3:-1}"; }
# Pages in sidebar order. The empty lower part of the sidebar takes the focus without changing the page;
# then the keyboard picks the page, as a user could.
PAGES=(providers models nodes logs usage settings)
page() {
  local i
  for i in "${!PAGES[@]}"; do [ "${PAGES[i]}" = "$1" ] && break; done
  click 40 $((WIN_H - 30))
  xdotool key Home
  if [ "$i" -gt 0 ]; then xdotool key --delay 30 $(printf 'Down %.0s' $(seq "$i")); fi
  xdotool mousemove --window "$WID" $((WIN_W - 20)) 10 # no hover highlight in the picture
  sleep "${2:-1.2}"
}
# A window with its frame, as the user sees it, less the resize handle openbox's theme draws under it.
frame_png() {
  import -frame -window "$1" miff:- | convert - -gravity south -chop 0x4 +repage "$2"
}
shot() {
  frame_png "$WID" "$OUT/$1.png"
  note "$1.png"
}
# Absolute geometry of a window: X Y WIDTH HEIGHT.
geometry() {
  xwininfo -id "$1" | awk '/Absolute upper-left X/ {x=$4} /Absolute upper-left Y/ {y=$4} /Width/ {w=$2} /Height/ {h=$2}
                           END {print x, y, w, h}'
}
# A new window of the app, not one of the ids in $1 and at least 150x100 (so not a tooltip), within 5 s.
new_window() {
  local known=" $1 " w x y ww hh
  for _ in $(seq 50); do
    for w in $(xdotool search --onlyvisible --class switchyard 2>/dev/null); do
      case "$known" in *" $w "*) continue ;; esac
      read -r x y ww hh < <(geometry "$w")
      if [ "$ww" -ge 150 ] && [ "$hh" -ge 100 ]; then
        echo "$w"
        return 0
      fi
    done
    sleep 0.1
  done
  return 1
}

# --- Providers ---------------------------------------------------------------------------------------------
page providers
shot providers

# --- Models: every public name opened up ---------------------------------------------------------------------
page models
# The tree takes the focus from a click in its empty lower part; '*' opens a name and everything under it,
# and walking down every row opens the names that arrived collapsed (a node's models appear after start-up).
click $((WIN_W / 2)) $((WIN_H - 40))
xdotool key Home
for _ in $(seq 60); do xdotool key asterisk Down; done
xdotool key Home ctrl+space # back at the top, nothing selected
sleep 0.5
shot models

# --- Nodes -----------------------------------------------------------------------------------------------
page nodes 2.5 # its counters refresh every 2 s
shot nodes

# --- Logs: an error row selected, so the detail pane shows the error -------------------------------------
page logs
# A click in the table, then Ctrl+End: the newest request (at the bottom), which run.sh made a failure.
click $((WIN_W / 2)) 200
xdotool key ctrl+End
xdotool mousemove --window "$WID" $((WIN_W - 20)) 10
sleep 0.5
shot logs

# --- Usage -----------------------------------------------------------------------------------------------
page usage 2.5 # the report is computed off the UI thread
shot usage

# --- Settings --------------------------------------------------------------------------------------------
page settings
shot settings

# --- Add provider: LM Studio preset, Test connection against the fake LM Studio ----------------------------
page providers
known=$(xdotool search --onlyvisible --class switchyard | tr '\n' ' ')
click 215 $((WIN_H - 30)) # "Add provider…", bottom left of the page
if DIALOG=$(new_window "$known"); then
  sleep 0.5
  xdotool key alt+p # the Preset field
  xdotool type LM   # "LM Studio (this computer)": http://127.0.0.1:1234/v1, no key
  sleep 0.5
  if [ "${P_LMSTUDIO:-1234}" != 1234 ]; then # port 1234 was taken: the fake LM Studio is elsewhere
    xdotool key alt+u ctrl+a
    xdotool type "http://127.0.0.1:$P_LMSTUDIO/v1"
  fi
  # "Test connection" sits under the key field (the dialog has a fixed layout); the fake LM Studio answers
  # GET /v1/models, and the dialog lists its models to tick.
  xdotool mousemove --window "$DIALOG" 129 177 click 1
  for _ in $(seq 30); do grep -q 'GET /v1/models lmstudio' "$WORK/fakes.log" && break; sleep 0.1; done
  sleep 1
  # Tick two of them, as a user would.
  xdotool mousemove --window "$DIALOG" 89 289 click 1 mousemove --window "$DIALOG" 89 349 click 1
  xdotool mousemove --window "$DIALOG" 400 10
  sleep 0.3
  frame_png "$DIALOG" "$OUT/providers-add.png"
  if grep -q 'GET /v1/models lmstudio' "$WORK/fakes.log"; then
    note "providers-add.png"
  else
    note "providers-add.png: WARNING, Test connection was not pressed (the dialog's layout changed?)"
  fi
  xdotool key Escape
  sleep 0.5
else
  note "providers-add.png: no dialog opened (this build has no provider dialog yet)"
fi

# --- Tray menu: the window closed to the tray, the menu opened from trayer's icon ----------------------------
xdotool windowactivate --sync "$WID" 2>/dev/null || true
xdotool key alt+F4 # openbox asks the window to close; with a tray it hides there
xdotool keyup Alt_L
for _ in $(seq 30); do
  xwininfo -id "$WID" | grep -q IsViewable || break
  sleep 0.1
done
PANEL=$(xdotool search --name '^panel$' | head -1)
read -r px py pw ph < <(geometry "$PANEL")
known=$(xdotool search --onlyvisible --class switchyard | tr '\n' ' ')
# A real click takes a moment; an instant press and release is sometimes lost by the tray icon.
xdotool mousemove $((px + pw / 2)) $((py + ph / 2))
sleep 0.3
xdotool mousedown 3
sleep 0.1
xdotool mouseup 3
if MENU=$(new_window "$known"); then
  sleep 0.5
  read -r mx my mw mh < <(geometry "$MENU")
  # The menu, the tray below it and some desktop around.
  x0=$((mx - 160)); [ $x0 -lt 0 ] && x0=0
  y0=$((my - 70)); [ $y0 -lt 0 ] && y0=0
  import -window root -crop "$((SCREEN_W - x0))x$((SCREEN_H - y0))+$x0+$y0" +repage "$OUT/tray-menu.png"
  note "tray-menu.png"
  xdotool key Escape
else
  note "tray-menu.png: the tray menu did not open"
  exit 1
fi

#!/usr/bin/env bash
# Regenerates the kiosk's voice prompts (short WAVs) with espeak-ng, offline:
#   apt-get install espeak-ng && kiosk-app/voice/make-clips.sh
# Japanese is written in kana (espeak-ng reads kana, not kanji). 16 kHz mono keeps the clips small.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/jp/madoguchi/kiosk/ui/voice"
mkdir -p "$out/ja" "$out/en"
say() { # lang file text
  local tmp; tmp="$(mktemp --suffix .wav)"
  espeak-ng -v "$1" -s 140 -w "$tmp" "$3"
  python3 - "$tmp" "$out/$4/$2" <<'PY'
import sys, wave, audioop
src, dst = sys.argv[1], sys.argv[2]
with wave.open(src) as w:
    rate, width, ch, frames = w.getframerate(), w.getsampwidth(), w.getnchannels(), w.readframes(w.getnframes())
frames, _ = audioop.ratecv(frames, width, ch, rate, 16000, None)
with wave.open(dst, "wb") as o:
    o.setnchannels(ch); o.setsampwidth(width); o.setframerate(16000); o.writeframes(frames)
PY
  rm -f "$tmp"
}
say ja place-card.wav "まいなんばーかーどを、かーどよみとりぶに おいてください。" ja
say ja enter-pin.wav "あんしょうばんごう よんけたを にゅうりょくしてください。" ja
say ja take-paper.wav "しょうめいしょを おとりください。" ja
say ja take-card.wav "かーどを おとりください。かーどが のこっています。" ja
say en place-card.wav "Please place your My Number Card on the card reader." en
say en enter-pin.wav "Please enter your four digit PIN." en
say en take-paper.wav "Please take your certificate." en
say en take-card.wav "Please take your card. Your card is still in the reader." en
ls -l "$out"/*/

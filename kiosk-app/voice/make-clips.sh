#!/usr/bin/env bash
# Regenerates the kiosk's voice prompts (short WAVs) with espeak-ng, offline:
#   apt-get install espeak-ng && kiosk-app/voice/make-clips.sh
# Clips are made here and committed (the build and CI do not need espeak-ng).
# Japanese is written in kana (espeak-ng reads kana, not kanji). 16 kHz mono keeps the clips small.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/jp/madoguchi/kiosk/ui/voice"
mkdir -p "$out/ja" "$out/en" "$out/zh" "$out/ko" "$out/pt" "$out/vi"
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
say cmn place-card.wav "请把个人编号卡放在读卡器上。" zh
say cmn enter-pin.wav "请输入四位数密码。" zh
say cmn take-paper.wav "请取走证明书。" zh
say cmn take-card.wav "请取走您的卡。卡还在读卡器上。" zh
say ko place-card.wav "마이넘버 카드를 카드 리더기에 올려 주세요." ko
say ko enter-pin.wav "네 자리 비밀번호를 입력해 주세요." ko
say ko take-paper.wav "증명서를 가져가 주세요." ko
say ko take-card.wav "카드를 가져가 주세요. 카드가 아직 리더기에 있습니다." ko
say pt-br place-card.wav "Coloque o seu cartão My Number no leitor de cartão." pt
say pt-br enter-pin.wav "Digite a sua senha de quatro dígitos." pt
say pt-br take-paper.wav "Retire o seu certificado." pt
say pt-br take-card.wav "Retire o seu cartão. O cartão ainda está no leitor." pt
say vi place-card.wav "Vui lòng đặt thẻ mai nam bơ lên đầu đọc thẻ." vi
say vi enter-pin.wav "Vui lòng nhập mã pin bốn chữ số." vi
say vi take-paper.wav "Vui lòng lấy giấy chứng nhận." vi
say vi take-card.wav "Vui lòng lấy thẻ. Thẻ của bạn vẫn còn trong đầu đọc." vi
ls -l "$out"/*/

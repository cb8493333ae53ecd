#!/usr/bin/env bash
# Renders the landing page's sample AI calls from their scripts with espeak-ng:
# the agent in one voice, the lead in another, a short pause between turns,
# joined with sox into one small mono Ogg Vorbis file per call (every current
# browser plays it), next to a JSON transcript.
#   apt-get install -y espeak-ng sox
#   frontend/console/scripts/make-sample-calls.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/samples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

AGENT_VOICE=en+f3
LEAD_VOICE=en-us+m3
RATE=16000

# One call: $1 = id, $2 = title, $3 = summary, then lines "agent|text" / "lead|text".
render() {
  local id=$1 title=$2 summary=$3
  shift 3
  local parts=() turns=() n=0 t=0
  sox -n -r "$RATE" -c 1 -b 16 "$work/gap.wav" trim 0 0.35
  for line in "$@"; do
    local who=${line%%|*} text=${line#*|} voice=$AGENT_VOICE speed=165 pitch=50
    [[ $who == lead ]] && voice=$LEAD_VOICE && speed=158 && pitch=40
    espeak-ng -v "$voice" -s "$speed" -p "$pitch" -w "$work/raw-$n.wav" "$text"
    sox "$work/raw-$n.wav" -r "$RATE" -c 1 -b 16 "$work/turn-$n.wav"
    local len
    len=$(soxi -D "$work/turn-$n.wav")
    turns+=("$(jq -nc --arg s "$who" --arg x "$text" --argjson at "$t" '{speaker: $s, text: $x, at: ($at * 10 | round / 10)}')")
    t=$(echo "$t + $len + 0.35" | bc -l)
    parts+=("$work/turn-$n.wav" "$work/gap.wav")
    n=$((n + 1))
  done
  sox "${parts[@]}" "$work/$id.wav"
  sox "$work/$id.wav" -C 0 "$out/$id.ogg"
  printf '%s\n' "${turns[@]}" | jq -s --arg id "$id" --arg title "$title" --arg summary "$summary" --arg file "samples/$id.ogg" \
    --argjson duration "$(soxi -D "$work/$id.wav")" \
    '{id: $id, title: $title, summary: $summary, audio: $file, durationSeconds: ($duration * 10 | round / 10), turns: .}' >"$work/$id.json"
  echo "$out/$id.ogg: $(stat -c %s "$out/$id.ogg") bytes"
}

render qualified-buyer "A buyer qualifies" "Budget, timeline and location confirmed; a site visit booked." \
  "agent|Good evening, this is Asha calling from Soraaya Estates. Am I speaking with Mister Rohan Mehta?" \
  "lead|Yes, speaking." \
  "agent|You asked about three bedroom apartments in Whitefield. Is this a good time for two minutes?" \
  "lead|Sure, go ahead." \
  "agent|What budget do you have in mind, and when would you like to move?" \
  "lead|Around one point eight crore. Ideally within six months." \
  "agent|That fits our Skyline Residences well. Shall I book a site visit this Saturday at eleven?" \
  "lead|Saturday at eleven works. Please send me the location." \
  "agent|Done. You will get a message with the address shortly. Thank you, Rohan."

render callback-request "A callback at a better time" "The lead is driving; the agent books a callback in legal hours." \
  "agent|Hello, this is Asha from Soraaya Estates, about the villa enquiry you made yesterday." \
  "lead|Ah, I am driving right now. Can you call me later?" \
  "agent|Of course. Would tomorrow at ten in the morning suit you?" \
  "lead|Make it eleven, please." \
  "agent|Eleven tomorrow it is. Drive safely, and talk soon."

render human-handoff "Hand-off to a person" "A question about a loan tie-up goes to a human advisor." \
  "agent|Hi, this is Asha from Soraaya Estates. You were interested in the Lakeview plots?" \
  "lead|Yes. But first, does the builder have a tie-up with my bank for a home loan?" \
  "agent|That is a great question for our finance advisor. May I have Priya call you within the hour?" \
  "lead|Yes please, that would help." \
  "agent|I have flagged it for Priya now. She will call you shortly. Thank you!"

jq -s '{calls: .}' "$work"/qualified-buyer.json "$work"/callback-request.json "$work"/human-handoff.json >"$out/sample-calls.json"
echo "$out/sample-calls.json written"

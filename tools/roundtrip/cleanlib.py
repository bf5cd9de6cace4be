"""Approximation of the dev set's clean_pa (tools/rewritelib.py, not read) and
unknown-mark handling, reverse-engineered from ../shared/eval/rewrites-courts."""
import json, os, re, subprocess
SIGNOFF = {'end', 'ends', 'mf', 'mfl', 'more'}
HDR = re.compile(r'^\s*(-+|\d\d:\d\d \d\d/\d\d/\d\d: Page .*)?\s*$')
def clean_pa(t):
    t = t.replace('\r', '')
    t = re.sub(r'<(TITLE|H1)>.*?</\1>', '', t, flags=re.S)
    t = re.sub(r'</?[A-Z][A-Z0-9]*(\s[^<>\n]*)?>', '', t)     # HTML-wrapped items
    lines = t.split('\n')
    i = 0
    while i < len(lines) and HDR.match(lines[i]):              # PA banner
        i += 1
    body = '\n'.join(lines[i:])
    paras = []
    for p in re.split(r'<[ \t]*\n', body):
        p = ' '.join(p.replace('\x19', ' ').replace('<', ' ').split())
        if p:
            paras.append(p)
    out = []
    for p in paras:
        if p.startswith('('):
            continue          # editorial note (drops a headline glued to it, as the dev set does)
        if re.match(r'^By [^.]{0,80}(PA News|Press Association|PA)\b', p) and len(p.split()) <= 12:
            continue          # byline
        out.append(p)
    while out and (out[-1].lower().strip('. ') in SIGNOFF or len(out[-1].split()) <= 1):
        out.pop()             # sign-off
    t = '\n\n'.join(out) + '\n'
    t = (t.replace('``', '"').replace("''", '"').replace('`', "'")
          .replace('#', '£').replace('_', '-'))
    return t

# Apertium default output marks unknown words '*', untranslated '@', generation
# errors '#' at the word start. The dev set removes a word-initial run of marks
# (after both passes) and keeps marks that sit inside a word ("90**s", "darse#").
MARK = re.compile(r'(?<![\w*#@])[*#@]+(?=\w)')
def strip_marks(t):
    return MARK.sub('', t)


def apertium(mode, text):
    """One `apertium MODE` call on text (one call per text: batching changes the output)."""
    r = subprocess.run(['apertium', mode], input=text, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f'apertium {mode} failed: {r.stderr[:500]}')
    return r.stdout


def round_trip(fwd, bwd, text):
    """text through Apertium mode fwd and back through bwd, marks stripped after each pass."""
    return strip_marks(apertium(bwd, strip_marks(apertium(fwd, text))))


def spa_sources(eval_dir, out):
    """meter-courts' JSONL lines, its texts by id, and the Spanish set's labels (build.py spa)."""
    lines = open(os.path.join(eval_dir, 'meter-courts/docs.jsonl'), encoding='utf-8').read().splitlines()
    texts = {json.loads(l)['id']: json.loads(l)['text'] for l in lines}
    labels = [json.loads(l) for l in open(os.path.join(out, 'labels_spa.jsonl'))]
    return lines, texts, labels


def write_variant(out, name, lines, labels, rewrites):
    """Writes out/name/docs.jsonl (meter-courts, then one rewrite per label) and labels.jsonl."""
    os.makedirs(os.path.join(out, name), exist_ok=True)
    with open(os.path.join(out, name, 'docs.jsonl'), 'w') as f:
        for l in lines:
            f.write(l + '\n')
        for L, t in zip(labels, rewrites):
            f.write(json.dumps({'id': L['doc'], 'text': t}, ensure_ascii=False) + '\n')
    with open(os.path.join(out, name, 'labels.jsonl'), 'w') as f:
        for L in labels:
            f.write(json.dumps(L) + '\n')
